using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>TensorFlow's RNN driver expectations (TFX-16 … TFX-23).</summary>
[TestClass]
public class LoopConformanceTests : TestBase
{
    static readonly NDArray Input = RandomArray(11, 2, 5);

    /// <summary>TFX-16: static_rnn over 8 steps of the +1 cell.</summary>
    [TestMethod]
    public void TFX16_StaticRnn_PlusOneCell()
    {
        var x = tf.placeholder(tf.float32, new Shape(2, 5));
        var (outputs, state) = tf.nn.static_rnn(new PlusOneCell(), Enumerable.Repeat(x, 8), dtype: tf.float32);
        Assert.AreEqual(8, outputs.Count);
        using var sess = tf.Session();
        foreach (var output in outputs)
        {
            Assert.AreEqual(x.shape, output.shape);
            Assert.AreEqual(x.dtype, output.dtype);
            AssertClose((Input + 1.0).ToArray<double>(), sess.run(output, (x, Input)));
        }
        AssertClose(Enumerable.Repeat(8.0, 10).ToArray(), sess.run(state.Leaf, (x, Input)));
    }

    /// <summary>TFX-17: sequence_length zeroes outputs and carries the state through.</summary>
    [TestMethod]
    public void TFX17_StaticRnn_SequenceLength()
    {
        var x = tf.placeholder(tf.float32, new Shape(2, 5));
        var lengths = tf.placeholder(tf.int64, new Shape(2));
        var (outputs, state) = tf.nn.static_rnn(new PlusOneCell(), Enumerable.Repeat(x, 8), dtype: tf.float32, sequence_length: lengths);
        using var sess = tf.Session();
        var feeds = new FeedItem[] { (x, Input), (lengths, new long[] { 2, 3 }) };
        var plusOne = (Input + 1.0).ToArray<double>();
        for (int t = 0; t < 2; t++) AssertClose(plusOne, sess.run(outputs[t], feeds));
        var third = sess.run(outputs[2], feeds).ToArray<float>();
        CollectionAssert.AreEqual(new float[5], third[..5]);
        AssertClose(plusOne[5..], third[5..].Select(v => (double)v).ToArray());
        for (int t = 3; t < 8; t++) CollectionAssert.AreEqual(new float[10], sess.run(outputs[t], feeds).ToArray<float>());
        CollectionAssert.AreEqual(Enumerable.Repeat(2f, 5).Concat(Enumerable.Repeat(3f, 5)).ToArray(), sess.run(state.Leaf, feeds).ToArray<float>());
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.static_rnn(new PlusOneCell(), new[] { x }, dtype: tf.float32, sequence_length: 4)).Message, "must be a vector");
    }

    /// <summary>TFX-18: dynamic_rnn's argument checks, batch size inference and scalar state.</summary>
    [TestMethod]
    public void TFX18_DynamicRnnApi()
    {
        var x = tf.placeholder(tf.float32, new Shape(3, 4, 5));
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(3), x, sequence_length: new[,] { { 4 } }, dtype: tf.float32)).Message, "must be a vector");
        foreach (Func<RNNCell> make in new Func<RNNCell>[]
        {
            () => tf.nn.rnn_cell.BasicRNNCell(3, dtype: tf.int32), () => tf.nn.rnn_cell.GRUCell(3, dtype: tf.int32),
            () => tf.nn.rnn_cell.BasicLSTMCell(3, dtype: tf.int32), () => tf.nn.rnn_cell.LSTMCell(3, dtype: tf.int32),
        })
            StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => make()).Message, "RNN cell only supports floating");
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), tf.placeholder(tf.int32, new Shape(3, 4, 5)), dtype: tf.int32)).Message, "RNN cell only supports floating");

        var (outputs, state) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), x, dtype: tf.float32);
        Assert.AreEqual(3L, outputs.shape[0]);
        Assert.AreEqual(3L, state.Leaf.shape[0]);
        var (withState, _) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), x, initial_state: tf.zeros(new Shape(3, 3)), scope: "other");
        Assert.AreEqual(3L, withState.shape[0]);
        var (unknown, unknownState) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), tf.placeholder(tf.float32, new Shape(-1, 4, 5)), dtype: tf.float32, scope: "third");
        Assert.AreEqual(-1L, unknown.shape[0]);
        Assert.AreEqual(-1L, unknownState.Leaf.shape[0]);
    }

    [TestMethod]
    public void TFX18_ScalarCounterState()
    {
        var x = tf.constant(new float[,,] { { { 1 }, { 2 }, { 3 }, { 4 } } });
        var (outputs, state) = tf.nn.dynamic_rnn(new CounterCell(), x, sequence_length: new[] { 4 }, dtype: tf.float32);
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4 }, sess.run(outputs).ToArray<float>());
        Assert.AreEqual(4, (int)sess.run(state.Leaf));
    }

    [TestMethod]
    public void TFX18_UnbalancedTupleOutputIsAccepted()
    {
        var x = tf.constant(new float[,,] { { { 1 }, { 2 }, { 3 }, { 4 } } });
        var (outputs, state) = tf.nn.dynamic_rnn(new UnbalancedOutputCell(), (Nest<Tensor>)x, sequence_length: new[] { 4 }, dtype: tf.float32);
        Assert.AreEqual(new Shape(1, 4, 2), outputs[1].Leaf.shape);
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4 }, sess.run(outputs[0].Leaf).ToArray<float>());
        CollectionAssert.AreEqual(new float[] { 1, 1, 2, 2, 3, 3, 4, 4 }, sess.run(outputs[1].Leaf).ToArray<float>());
        Assert.AreEqual(4, (int)sess.run(state.Leaf));
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.dynamic_rnn(new UnbalancedOutputCell(), x, dtype: tf.float32, scope: "single")).Message, "returns a tuple");
    }

    [TestMethod]
    public void TFX18_CellsBuildInBothFloatTypes()
    {
        foreach (var dtype in new[] { tf.float32, tf.float64 })
        {
            tf.reset_default_graph();
            var x = tf.zeros(new Shape(5, 7), dtype);
            foreach (var cell in new RNNCell[] { tf.nn.rnn_cell.BasicRNNCell(3), tf.nn.rnn_cell.GRUCell(3), tf.nn.rnn_cell.BasicLSTMCell(3), tf.nn.rnn_cell.LSTMCell(3) })
            {
                var (output, _) = cell.call(x, cell.zero_state(5, dtype));
                Assert.AreEqual(new Shape(5, 3), output.shape);
                Assert.AreEqual(dtype, output.dtype);
                AssertShape(new long[] { 5, 3 }, RunInitialized(output));
            }
        }
    }

    /// <summary>TFX-20: default scopes rnn/ and bidirectional_rnn/{fw,bw}/; a given scope prefixes everything.</summary>
    [TestMethod]
    public void TFX20_DefaultScopesAndNames()
    {
        var x = tf.placeholder(tf.float32, new Shape(2, 3, 4));
        var steps = tf.unstack(x, axis: 1);
        tf.nn.static_rnn(tf.nn.rnn_cell.GRUCell(3), steps, dtype: tf.float32);
        Assert.IsTrue(tf.global_variables().All(v => v.name.StartsWith("rnn/")));
        CollectionAssert.Contains(tf.global_variables().Select(v => v.name).ToList(), "rnn/gru_cell/gates/kernel:0");

        tf.reset_default_graph();
        x = tf.placeholder(tf.float32, new Shape(2, 3, 4));
        tf.nn.dynamic_rnn(tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(3) }), x, dtype: tf.float32);
        CollectionAssert.Contains(tf.global_variables().Select(v => v.name).ToList(), "rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0");

        foreach (bool asObject in new[] { false, true })
        {
            tf.reset_default_graph();
            x = tf.placeholder(tf.float32, new Shape(2, 3, 4));
            ScopeLike scope = "prefix";
            if (asObject) using (var captured = tf.variable_scope("prefix")) scope = captured;
            tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), x, dtype: tf.float32, scope: scope);
            Assert.IsTrue(tf.global_variables().All(v => v.name.StartsWith("prefix/")), $"scope as object: {asObject}");
        }

        tf.reset_default_graph();
        x = tf.placeholder(tf.float32, new Shape(2, 3, 4));
        tf.nn.static_bidirectional_rnn(tf.nn.rnn_cell.LSTMCell(3), tf.nn.rnn_cell.LSTMCell(3), tf.unstack(x, axis: 1), dtype: tf.float32);
        CollectionAssert.AreEqual(new[] { "bidirectional_rnn/fw/lstm_cell/kernel", "bidirectional_rnn/fw/lstm_cell/bias",
            "bidirectional_rnn/bw/lstm_cell/kernel", "bidirectional_rnn/bw/lstm_cell/bias" }, tf.global_variables().Select(v => v.op.name).ToArray());

        tf.reset_default_graph();
        x = tf.placeholder(tf.float32, new Shape(2, 3, 4));
        tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.GRUCell(3), tf.nn.rnn_cell.GRUCell(3), x, dtype: tf.float32);
        Assert.IsTrue(tf.global_variables().All(v => v.name.StartsWith("bidirectional_rnn/")));
        CollectionAssert.Contains(tf.global_variables().Select(v => v.name).ToList(), "bidirectional_rnn/bw/gru_cell/candidate/bias:0");
    }

    static NDArray RunInitialized(Tensor t, params FeedItem[] feeds)
    {
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        return sess.run(t, feeds);
    }

    static RNNCell SymmetricLstm(bool stateIsTuple = true) =>
        tf.nn.rnn_cell.LSTMCell(3, use_peepholes: true, initializer: tf.random_uniform_initializer(-0.01, 0.01, seed: 19980904), state_is_tuple: stateIsTuple);

    /// <summary>TFX-21: static bidirectional outputs mirror each other for a repeated input.</summary>
    [TestMethod]
    public void TFX21_StaticBidirectional_Symmetry()
    {
        foreach (bool withLengths in new[] { true, false })
        {
            tf.reset_default_graph();
            var x = tf.placeholder(tf.float32, new Shape(2, 5));
            var lengths = withLengths ? new[] { 2, 3 } : null;
            var (outputs, stateFw, stateBw) = tf.nn.static_bidirectional_rnn(SymmetricLstm(false), SymmetricLstm(false), Enumerable.Repeat(x, 8),
                dtype: tf.float32, sequence_length: lengths);
            Assert.AreEqual(new Shape(2, 6), outputs[0].shape);
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            var o = outputs.Select(t => sess.run(t, (x, Input)).ToArray<float>()).ToArray();   // o[t][b*6 + k]
            double Fw(int t, int b, int k) => o[t][b * 6 + k];
            double Bw(int t, int b, int k) => o[t][b * 6 + 3 + k];
            for (int k = 0; k < 3; k++)
            {
                if (withLengths)
                {
                    Assert.AreEqual(Fw(0, 0, k), Bw(1, 0, k), 1e-6);
                    Assert.AreEqual(Fw(1, 0, k), Bw(0, 0, k), 1e-6);
                    for (int t = 0; t < 3; t++) Assert.AreEqual(Fw(t, 1, k), Bw(2 - t, 1, k), 1e-6);
                }
                else
                    for (int t = 0; t < 8; t++) for (int b = 0; b < 2; b++) Assert.AreEqual(Fw(t, b, k), Bw(7 - t, b, k), 1e-6);
            }
            AssertClose(sess.run(stateFw.Leaf, (x, Input)).ToArray<double>(), sess.run(stateBw.Leaf, (x, Input)), 1e-6, 1e-6);
        }
    }

    /// <summary>TFX-22: bidirectional_dynamic_rnn over every layout combination.</summary>
    [TestMethod]
    public void TFX22_BidirectionalDynamic_Symmetry()
    {
        foreach (bool timeMajor in new[] { false, true })
        foreach (bool withLengths in new[] { false, true })
        foreach (bool useShape in new[] { false, true })
        foreach (bool stateIsTuple in new[] { false, true })
        {
            tf.reset_default_graph();
            var step = tf.placeholder(tf.float32, new Shape(useShape ? 2 : -1, 5));
            var timeMajorInput = tf.stack(Enumerable.Repeat(step, 8));
            var inputs = timeMajor ? timeMajorInput : tf.transpose(timeMajorInput, new[] { 1, 0, 2 });
            var lengths = withLengths ? tf.constant(new[] { 2, 3 }) : null;
            var ((fw, bw), (sFw, sBw)) = tf.nn.bidirectional_dynamic_rnn(SymmetricLstm(stateIsTuple), SymmetricLstm(stateIsTuple), inputs,
                sequence_length: lengths, dtype: tf.float32, time_major: timeMajor);
            var joined = tf.concat(new object[] { fw, bw }, 2);
            var expectedShape = timeMajor ? new Shape(8, useShape ? 2 : -1, 6) : new Shape(useShape ? 2 : -1, 8, 6);
            Assert.AreEqual(expectedShape, joined.shape, $"timeMajor={timeMajor} useShape={useShape}");
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            var values = sess.run(timeMajor ? joined : tf.transpose(joined, new[] { 1, 0, 2 }), (step, Input)).ToArray<float>();   // [t, b, 6]
            float At(int t, int b, int k) => values[(t * 2 + b) * 6 + k];
            for (int k = 0; k < 3; k++)
            {
                if (withLengths)
                {
                    Assert.AreEqual(At(0, 0, k), At(1, 0, 3 + k));
                    Assert.AreEqual(At(1, 0, k), At(0, 0, 3 + k));
                    for (int t = 0; t < 3; t++) Assert.AreEqual(At(t, 1, k), At(2 - t, 1, 3 + k));
                    for (int t = 2; t < 8; t++) Assert.AreEqual(0f, At(t, 0, k), "zero past the row's length");
                }
                else
                    for (int t = 0; t < 8; t++) for (int b = 0; b < 2; b++) Assert.AreEqual(At(t, b, k), At(7 - t, b, 3 + k));
            }
            var fwState = sess.run(sFw, (step, Input)).Flatten().SelectMany(a => a.ToArray<double>()).ToArray();
            var bwState = sess.run(sBw, (step, Input)).Flatten().SelectMany(a => a.ToArray<double>()).ToArray();
            AssertClose(fwState, bwState, 1e-6, 1e-6);
        }
    }

    /// <summary>TFX-23: an identity-like tuple-state cell gives the same results through every container.</summary>
    [TestMethod]
    public void TFX23_IdentityCellThroughEveryContainer()
    {
        var x = tf.placeholder(tf.float32, new Shape(2, 5));
        var steps = Enumerable.Repeat(x, 8).ToArray();
        var lengths = new[] { 4, 6 };
        var (staticOut, staticState) = tf.nn.static_rnn(new PlusOneTupleCell(5), steps, dtype: tf.float32, sequence_length: lengths, scope: "static");
        var (dynamicOut, dynamicState) = tf.nn.dynamic_rnn(new PlusOneTupleCell(5), tf.stack(steps), sequence_length: lengths, dtype: tf.float32,
            time_major: true, scope: "dynamic");
        var (biOut, fwState, bwState) = tf.nn.static_bidirectional_rnn(new PlusOneTupleCell(5), new PlusOneTupleCell(5), steps, dtype: tf.float32,
            sequence_length: lengths, scope: "bidirectional");
        var saver = new VariableStateSaver(2, new Dictionary<string, int> { ["c"] = 5, ["h"] = 5 });
        var (savingOut, savingState) = tf.nn.static_state_saving_rnn(new PlusOneTupleCell(5), steps, saver, Nest<string>.Tuple("c", "h"),
            sequence_length: lengths, scope: "state_saving");
        Assert.AreEqual(new Shape(8, 2, 5), dynamicOut.shape);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var s = sess.run(staticOut.Cast<object>(), (x, Input)).Cast<NDArray>().SelectMany(a => a.ToArray<float>()).ToArray();
        var d = sess.run(dynamicOut, (x, Input)).ToArray<float>();
        CollectionAssert.AreEqual(s, d);
        CollectionAssert.AreEqual(s, sess.run(savingOut.Cast<object>(), (x, Input)).Cast<NDArray>().SelectMany(a => a.ToArray<float>()).ToArray());
        for (int t = 0; t < 8; t++)
        {
            var bi = sess.run(biOut[t], (x, Input)).ToArray<float>();   // [2, 10]
            var st = sess.run(staticOut[t], (x, Input)).ToArray<float>();
            for (int b = 0; b < 2; b++)
            {
                CollectionAssert.AreEqual(st[(b * 5)..(b * 5 + 5)], bi[(b * 10)..(b * 10 + 5)]);
                CollectionAssert.AreEqual(st[(b * 5)..(b * 5 + 5)], bi[(b * 10 + 5)..(b * 10 + 10)]);
            }
        }
        float[] Flatten(Nest<Tensor> state) => sess.run(state, (x, Input)).Flatten().SelectMany(a => a.ToArray<float>()).ToArray();
        var reference = Flatten(staticState);
        CollectionAssert.AreEqual(reference, Flatten(dynamicState));
        CollectionAssert.AreEqual(reference, Flatten(fwState));
        CollectionAssert.AreEqual(reference, Flatten(bwState));
        CollectionAssert.AreEqual(Enumerable.Repeat(4f, 5).Concat(Enumerable.Repeat(6f, 5)).ToArray(), reference[..10]);
        Assert.AreEqual(2, saver.saved.Count);
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(reference, Flatten(savingState), "the state-saving run starts from the saver's zeros");
    }
}

[TestClass]
public class NestedLoopTests : TestBase
{
    /// <summary>TFX-23's nested-I/O case: tuple inputs (x, y) and tuple state (h, c) through static, dynamic and bidirectional loops.</summary>
    [TestMethod]
    public void TFX23_NestedInputsAndOutputs_EveryContainerAgrees()
    {
        var x = tf.placeholder(tf.float32, new Shape(2, 5));
        var y = tf.placeholder(tf.float32, new Shape(2, 5));
        var steps = Enumerable.Repeat(Nest<Tensor>.Tuple(x, y), 8).ToArray();
        var lengths = new[] { 4, 6 };
        var (staticOut, staticState) = tf.nn.static_rnn(new NestedPlusOneCell(5, 6), steps, dtype: tf.float32, sequence_length: lengths, scope: "static");
        var timeMajor = Nest<Tensor>.Tuple(tf.stack(Enumerable.Repeat(x, 8).ToArray()), tf.stack(Enumerable.Repeat(y, 8).ToArray()));
        var (dynamicOut, dynamicState) = tf.nn.dynamic_rnn(new NestedPlusOneCell(5, 6), timeMajor, sequence_length: lengths, dtype: tf.float32,
            time_major: true, scope: "dynamic");
        var (biOut, fwState, bwState) = tf.nn.static_bidirectional_rnn(new NestedPlusOneCell(5, 6), new NestedPlusOneCell(5, 6), steps,
            dtype: tf.float32, sequence_length: lengths, scope: "bidirectional");
        var saver = new VariableStateSaver(2, new Dictionary<string, int> { ["h"] = 6, ["c"] = 6 });
        var (savingOut, savingState) = tf.nn.static_state_saving_rnn(new NestedPlusOneCell(5, 6), steps, saver, Nest<string>.Tuple("h", "c"),
            sequence_length: lengths, scope: "state_saving");
        Assert.AreEqual(new Shape(8, 2, 5), dynamicOut[0].Leaf.shape);
        Assert.AreEqual(new Shape(8, 2, 5), dynamicOut[1].Leaf.shape);
        Assert.AreEqual(new Shape(2, 10), biOut[0][1].Leaf.shape);

        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var xValue = RandomArray(3, 2, 5);
        var yValue = RandomArray(4, 2, 5);
        float[] Run(Tensor t) => sess.run(t, (x, xValue), (y, yValue)).ToArray<float>();
        float[] RunState(Nest<Tensor> state) => sess.run(state, (x, xValue), (y, yValue)).Flatten().SelectMany(a => a.ToArray<float>()).ToArray();
        for (int leaf = 0; leaf < 2; leaf++)
        {
            var input = (leaf == 0 ? xValue : yValue).ToArray<float>();
            var dynamicLeaf = Run(dynamicOut[leaf].Leaf);
            for (int t = 0; t < 8; t++)
            {
                var st = Run(staticOut[t][leaf].Leaf);
                CollectionAssert.AreEqual(st, dynamicLeaf[(t * 10)..(t * 10 + 10)]);
                CollectionAssert.AreEqual(st, Run(savingOut[t][leaf].Leaf));
                var bi = Run(biOut[t][leaf].Leaf);
                for (int b = 0; b < 2; b++)
                {
                    var expected = t < lengths[b] ? input[(b * 5)..(b * 5 + 5)].Select(v => v + 1).ToArray() : new float[5];
                    CollectionAssert.AreEqual(expected, st[(b * 5)..(b * 5 + 5)]);
                    CollectionAssert.AreEqual(expected, bi[(b * 10)..(b * 10 + 5)]);
                    CollectionAssert.AreEqual(expected, bi[(b * 10 + 5)..(b * 10 + 10)]);
                }
            }
        }
        var reference = RunState(staticState);
        CollectionAssert.AreEqual(Enumerable.Repeat(4f, 6).Concat(Enumerable.Repeat(6f, 6)).ToArray(), reference[..12]);
        CollectionAssert.AreEqual(reference, RunState(dynamicState));
        CollectionAssert.AreEqual(reference, RunState(fwState));
        CollectionAssert.AreEqual(reference, RunState(bwState));
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(reference, RunState(savingState));
    }

    /// <summary>Truncated BPTT: two 4-step segments through a state saver continue exactly where one 8-step run goes.</summary>
    [TestMethod]
    public void StateSavingRnn_SegmentsContinueFromTheSavedState()
    {
        var x = tf.placeholder(tf.float32, new Shape(8, 3, 4));
        var steps = tf.unstack(x);
        var cell = tf.nn.rnn_cell.BasicLSTMCell(5);
        var (full, fullState) = tf.nn.static_rnn(cell, steps, dtype: tf.float32);
        var segment = tf.placeholder(tf.float32, new Shape(4, 3, 4));
        var saver = new VariableStateSaver(3, new Dictionary<string, int> { ["c"] = 5, ["h"] = 5 });
        var (segmentOut, segmentState) = tf.nn.static_state_saving_rnn(cell, tf.unstack(segment), saver, Nest<string>.Tuple("c", "h"));
        Assert.AreEqual(NestKind.LSTMStateTuple, segmentState.kind);

        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var input = RandomArray(9, 8, 3, 4);
        var expected = sess.run(full.Cast<object>(), (x, input)).Cast<NDArray>().Select(a => a.ToArray<float>()).ToArray();
        var expectedState = sess.run(fullState, (x, input)).Flatten().SelectMany(a => a.ToArray<float>()).ToArray();
        var values = input.ToArray<float>();
        for (int half = 0; half < 2; half++)
        {
            var part = np.array(values[(half * 48)..(half * 48 + 48)]).reshape(4, 3, 4);
            var outputs = sess.run(segmentOut.Cast<object>(), (segment, part)).Cast<NDArray>().ToArray();   // fetching the last output saves
            for (int t = 0; t < 4; t++) AssertClose(expected[half * 4 + t].Select(v => (double)v).ToArray(), outputs[t].ToArray<float>().Select(v => (double)v).ToArray(), 1e-6, 1e-6);
        }
        var savedState = new[] { "c", "h" }.SelectMany(name => sess.run(saver.state(name)).ToArray<float>()).ToArray();
        AssertClose(expectedState.Select(v => (double)v).ToArray(), savedState.Select(v => (double)v).ToArray(), 1e-6, 1e-6);
    }

    [TestMethod]
    public void StateSavingRnn_StateNamesMustMatchTheStateStructure()
    {
        var steps = new[] { tf.zeros(new Shape(2, 3)) };
        var saver = new VariableStateSaver(2, new Dictionary<string, int> { ["c"] = 4, ["h"] = 4, ["s"] = 8 });
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.static_state_saving_rnn(tf.nn.rnn_cell.BasicLSTMCell(4), steps, saver, "s")).Message, "state_name should be the same type as cell.state_size");
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.static_state_saving_rnn(tf.nn.rnn_cell.BasicLSTMCell(4), steps, saver, Nest<string>.Tuple("c", "h", "s"))).Message, "#elems allowed in state_name");
    }
}

[TestClass]
public class MultiDimensionalLoopTests : TestBase
{
    /// <summary>TFX-23's multi-dimensional case: features of shape (3, 4, 5) through static and dynamic loops.</summary>
    [TestMethod]
    public void TFX23_MultiDimensionalFeatures_StaticEqualsDynamic()
    {
        var x = tf.placeholder(tf.float32, new Shape(2, 3, 4, 5));
        var steps = Enumerable.Repeat(x, 8).ToArray();
        var lengths = new[] { 4, 6 };
        var (staticOut, staticState) = tf.nn.static_rnn(new PlusOneTupleCell(5), steps, dtype: tf.float32, sequence_length: lengths, scope: "s",
            initial_state: Nest<Tensor>.Tuple(tf.zeros(new Shape(2, 3, 4, 5)), tf.zeros(new Shape(2, 3, 4, 5))));
        var (dynamicOut, dynamicState) = tf.nn.dynamic_rnn(new PlusOneTupleCell(5), tf.stack(steps), sequence_length: lengths, time_major: true, scope: "d",
            initial_state: Nest<Tensor>.Tuple(tf.zeros(new Shape(2, 3, 4, 5)), tf.zeros(new Shape(2, 3, 4, 5))));
        Assert.AreEqual(new Shape(8, 2, 3, 4, 5), dynamicOut.shape);
        using var sess = tf.Session();
        var input = RandomArray(2, 2, 3, 4, 5);
        CollectionAssert.AreEqual(sess.run(tf.stack(staticOut), (x, input)).ToArray<float>(), sess.run(dynamicOut, (x, input)).ToArray<float>());
        var final = sess.run(dynamicState[0].Leaf, (x, input)).ToArray<float>();
        Assert.IsTrue(final[..60].All(v => v == 4) && final[60..].All(v => v == 6), "each row's state counts its valid steps");
        CollectionAssert.AreEqual(sess.run(staticState[1].Leaf, (x, input)).ToArray<float>(), sess.run(dynamicState[1].Leaf, (x, input)).ToArray<float>());
    }
}
