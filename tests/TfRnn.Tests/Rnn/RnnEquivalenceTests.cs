using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// The fused kernel, the generic step loop and a graph unrolled step by step (TF's own static_rnn
/// construction, written here with the cell's graph step) agree in outputs, final states and gradients
/// (TFX-19 and the fused-vs-loop-vs-static requirement).
/// </summary>
[TestClass]
public class RnnEquivalenceTests : TestBase
{
    const int Time = 8, Batch = 2, Depth = 5;

    /// <summary>TF's _rnn_step, built from graph ops: zero outputs and keep the old state past each row's length.</summary>
    internal static (Tensor[] outputs, Nest<Tensor> state) Unrolled(RNNCell cell, Tensor[] steps, Nest<Tensor> state, Tensor? lengths)
    {
        var outputs = new List<Tensor>();
        for (int t = 0; t < steps.Length; t++)
        {
            var (output, next) = cell.call(steps[t], state);
            if (lengths != null)
            {
                var alive = tf.less(tf.constant(t), lengths);
                output = tf.where(alive, output, tf.zeros_like(output));
                var old = state.Flatten().ToArray();
                int i = 0;
                next = next.Map(n => tf.where(alive, n, old[i++]));
            }
            outputs.Add(output);
            state = next;
        }
        return (outputs.ToArray(), state);
    }

    static void CheckAllPathsAgree(Func<RNNCell> makeCell, int[]? lengthValues)
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(5, Time, Batch, Depth));
        var lengths = lengthValues == null ? null : tf.constant(lengthValues);
        var cell = makeCell();
        Tensor fusedOut, loopOut, unrolledOut;
        Nest<Tensor> fusedState, loopState, unrolledState;
        using (tf.variable_scope("root", initializer: tf.random_uniform_initializer(-0.5, 0.5, seed: 23489)))
        {
            (fusedOut, fusedState) = tf.nn.dynamic_rnn(cell, x, sequence_length: lengths, dtype: tf.float32, time_major: true);
            RnnSequence.DisableFusion = true;
            try { (loopOut, loopState) = tf.nn.dynamic_rnn(cell, x, sequence_length: lengths, dtype: tf.float32, time_major: true); }
            finally { RnnSequence.DisableFusion = false; }
            var steps = tf.unstack(x);
            var (outs, st) = Unrolled(cell, steps, cell.zero_state(Batch, tf.float32), lengths);
            (unrolledOut, unrolledState) = (tf.stack(outs), st);
        }
        var variables = tf.trainable_variables();
        Assert.IsTrue(variables.Count > 0);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        double[] Values(Tensor o, Nest<Tensor> s) =>
            sess.run(o).ToArray<double>().Concat(sess.run(s).Flatten().SelectMany(a => a.ToArray<double>())).ToArray();
        double[] Gradients(Tensor o, Nest<Tensor> s)
        {
            // d(Σ outputs + Σ state)/d(inputs, variables), and of the first and last outputs.
            var total = tf.add_n(new[] { tf.reduce_sum(o) }.Concat(s.Flatten().Select(t => tf.reduce_sum(t))));
            var xs = new List<Tensor> { x }.Concat(variables.Select(v => v.value())).ToList();
            var grads = tf.gradients(total, xs).Concat(tf.gradients(o[0], xs)).Concat(tf.gradients(o[-1], xs));
            return grads.SelectMany(g => g == null ? Array.Empty<double>() : sess.run(g).ToArray<double>()).ToArray();
        }
        var reference = Values(unrolledOut, unrolledState);
        AssertClose(reference, Values(fusedOut, fusedState), 1e-5, 1e-6, "fused vs unrolled");
        AssertClose(reference, Values(loopOut, loopState), 1e-5, 1e-6, "loop vs unrolled");
        var referenceGrads = Gradients(unrolledOut, unrolledState);
        AssertClose(referenceGrads, Gradients(fusedOut, fusedState), 1e-4, 1e-5, "fused gradients");
        AssertClose(referenceGrads, Gradients(loopOut, loopState), 1e-4, 1e-5, "loop gradients");
    }

    static readonly int[] Lengths = { 4, 7 };
    static readonly int[] LengthsWithZero = { 0, 8 };

    [TestMethod] public void BasicLstm_NoLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.BasicLSTMCell(3), null);
    [TestMethod] public void BasicLstm_WithLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.BasicLSTMCell(3), Lengths);
    [TestMethod] public void BasicLstm_NotTuple_ZeroLength() => CheckAllPathsAgree(() => tf.nn.rnn_cell.BasicLSTMCell(3, state_is_tuple: false), LengthsWithZero);

    /// <summary>TFX-19's cell: peepholes and a projection.</summary>
    [TestMethod] public void LstmPeepholeProjection_NoLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.LSTMCell(3, use_peepholes: true, num_proj: 4), null);
    [TestMethod] public void LstmPeepholeProjection_WithLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.LSTMCell(3, use_peepholes: true, num_proj: 4), Lengths);
    [TestMethod] public void LstmClipped_WithLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.LSTMCell(3, cell_clip: 0.2, num_proj: 2, proj_clip: 0.1), Lengths);

    [TestMethod]
    public void MultiLstm_WithLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.MultiRNNCell(new RNNCell[]
        { tf.nn.rnn_cell.BasicLSTMCell(3), tf.nn.rnn_cell.LSTMCell(4, use_peepholes: true, num_proj: 2) }), Lengths);

    [TestMethod]
    public void MultiLstm_ConcatenatedState() => CheckAllPathsAgree(() => tf.nn.rnn_cell.MultiRNNCell(new RNNCell[]
        { tf.nn.rnn_cell.BasicLSTMCell(3, state_is_tuple: false), tf.nn.rnn_cell.BasicLSTMCell(2, state_is_tuple: false) }, state_is_tuple: false), Lengths);

    [TestMethod] public void Gru_WithLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.GRUCell(3), Lengths);
    [TestMethod] public void BasicRnn_NoLengths() => CheckAllPathsAgree(() => tf.nn.rnn_cell.BasicRNNCell(3), null);

    [TestMethod]
    public void StaticAndDynamic_AreEqual_WithReusedScope()
    {
        // TFX-19's tuple-state case: static run in "root", dynamic run reusing it, lengths [4, 6].
        var x = tf.constant(RandomArray(6, Time, Batch, Depth));
        var cell = tf.nn.rnn_cell.LSTMCell(3, use_peepholes: true, num_proj: 4, initializer: tf.random_uniform_initializer(-0.01, 0.01, seed: 23489));
        Nest<Tensor> staticState, dynamicState;
        List<Tensor> staticOut;
        Tensor dynamicOut;
        using (var root = tf.variable_scope("root"))
        {
            (staticOut, staticState) = tf.nn.static_rnn(cell, tf.unstack(x), dtype: tf.float32, sequence_length: new[] { 4, 6 });
            root.reuse_variables();
            (dynamicOut, dynamicState) = tf.nn.dynamic_rnn(cell, x, sequence_length: new[] { 4, 6 }, dtype: tf.float32, time_major: true);
        }
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(sess.run(tf.stack(staticOut)).ToArray<float>(), sess.run(dynamicOut).ToArray<float>());
        CollectionAssert.AreEqual(sess.run(staticState.c).ToArray<float>(), sess.run(dynamicState.c).ToArray<float>());
        CollectionAssert.AreEqual(sess.run(staticState.h).ToArray<float>(), sess.run(dynamicState.h).ToArray<float>());
    }

    [TestMethod]
    public void NestedMultiLstmStateSizes()
    {
        var cells = Enumerable.Range(0, 4).Select(i => (RNNCell)tf.nn.rnn_cell.LSTMCell(3 + i, num_proj: 4 + i)).ToArray();
        var multi = tf.nn.rnn_cell.MultiRNNCell(cells);
        Assert.AreEqual(4, multi.state_size.Count);
        Assert.IsTrue(multi.state_size.Items.All(s => s.Count == 2));
        var zero = multi.zero_state(1, tf.float32);
        for (int i = 0; i < 4; i++)
        {
            Assert.AreEqual(new Shape(1, 3 + i), zero[i].c.shape);
            Assert.AreEqual(new Shape(1, 4 + i), zero[i].h.shape);
        }
    }

    [TestMethod]
    public void TupleAndConcatenatedLstm_ShareWeights_SameOutputs()
    {
        var x = tf.constant(RandomArray(7, Time, Batch, Depth));
        Tensor tupleOut, flatOut;
        Nest<Tensor> tupleState, flatState;
        using (var scope = tf.variable_scope("shared", initializer: tf.random_uniform_initializer(-0.5, 0.5, seed: 1)))
        {
            (tupleOut, tupleState) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.LSTMCell(3, num_proj: 2), x, dtype: tf.float32, time_major: true);
            scope.reuse_variables();
            (flatOut, flatState) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.LSTMCell(3, num_proj: 2, state_is_tuple: false), x, dtype: tf.float32, time_major: true);
        }
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(sess.run(tupleOut).ToArray<float>(), sess.run(flatOut).ToArray<float>());
        CollectionAssert.AreEqual(sess.run(tf.concat(new object[] { tupleState.c, tupleState.h }, 1)).ToArray<float>(), sess.run(flatState.Leaf).ToArray<float>());
    }
}
