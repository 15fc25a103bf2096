using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>TensorFlow's rnn_cell_test expectations with constant-0.5 weights (TFX-01 … TFX-10).</summary>
[TestClass]
public class CellConformanceTests : TestBase
{
    static VariableScope Root(double value = 0.5) => tf.variable_scope("root", initializer: tf.constant_initializer(value));

    static NDArray[] RunAll(Tensor[] fetches, params FeedItem[] feeds)
    {
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        return fetches.Select(f => sess.run(f, feeds)).ToArray();
    }

    /// <summary>TFX-01: BasicRNNCell variable names in order, output tanh(1.1).</summary>
    [TestMethod]
    public void TFX01_BasicRNNCell()
    {
        using var root = Root();
        var x = tf.zeros(new Shape(1, 2));
        var m = tf.zeros(new Shape(1, 2));
        var cell = tf.nn.rnn_cell.BasicRNNCell(2);
        var (output, _) = cell.call(x, m);
        CollectionAssert.AreEqual(new[] { "root/basic_rnn_cell/kernel:0", "root/basic_rnn_cell/bias:0" }, cell.trainable_variables.Select(v => v.name).ToArray());
        Assert.AreEqual(0, cell.non_trainable_variables.Count);
        Assert.AreEqual(new Shape(1, 2), output.shape);
        var value = RunAll(new[] { output }, (x, new float[,] { { 1, 1 } }), (m, new float[,] { { 0.1f, 0.1f } }))[0];
        AssertClose(new[] { Math.Tanh(1.1), Math.Tanh(1.1) }, value);
    }

    /// <summary>TFX-02: MultiRNNCell of BasicLSTMCells with concatenated state: names and values.</summary>
    [TestMethod]
    public void TFX02_MultiBasicLstm_ConcatenatedState()
    {
        using var root = Root();
        var x = tf.zeros(new Shape(1, 2));
        var m = tf.zeros(new Shape(1, 8));
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(2, state_is_tuple: false), tf.nn.rnn_cell.BasicLSTMCell(2, state_is_tuple: false) },
            state_is_tuple: false);
        Assert.AreEqual(TF_DataType.DtInvalid, cell.dtype);
        var (output, state) = cell.call(x, m);
        Assert.AreEqual(tf.float32, cell.dtype);
        var names = new[]
        {
            "root/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0", "root/multi_rnn_cell/cell_0/basic_lstm_cell/bias:0",
            "root/multi_rnn_cell/cell_1/basic_lstm_cell/kernel:0", "root/multi_rnn_cell/cell_1/basic_lstm_cell/bias:0",
        };
        CollectionAssert.AreEqual(names, cell.trainable_variables.Select(v => v.name).ToArray());
        CollectionAssert.AreEqual(names, tf.global_variables().Select(v => v.name).ToArray());
        var values = RunAll(new[] { output, state.Leaf }, (x, new float[,] { { 1, 1 } }), (m, Filled(1, 8, 0.1f)));
        AssertClose(new[] { 0.240, 0.240 }, values[0], 1e-2, 1e-6);
        AssertClose(new[] { 0.689, 0.689, 0.448, 0.448, 0.398, 0.398, 0.240, 0.240 }, values[1], 1e-2, 1e-6);
        AssertClose(new[] { 0.6896728, 0.6896728, 0.4484843, 0.4484843, 0.3989706, 0.3989706, 0.2402471, 0.2402471 }, values[1], 1e-6, 1e-6);
    }

    [TestMethod]
    public void TFX02_OtherScope_ThreeInputsGivesTwoResults()
    {
        using (tf.variable_scope("other", initializer: tf.constant_initializer(0.5)))
        {
            var (output, state) = tf.nn.rnn_cell.BasicLSTMCell(2, state_is_tuple: false).call(tf.ones(new Shape(1, 3)), tf.fill(new[] { 1, 4 }, 0.1f));
            var values = RunAll(new[] { output, state.Leaf });
            AssertShape(new long[] { 1, 2 }, values[0]);
            AssertShape(new long[] { 1, 4 }, values[1]);
        }
    }

    /// <summary>TFX-03: LSTMStateTuple structure, field order (c, h), plain tuples come back as LSTMStateTuples.</summary>
    [TestMethod]
    public void TFX03_StateTupleStructure()
    {
        using var root = Root();
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(2), tf.nn.rnn_cell.BasicLSTMCell(2) });
        Assert.AreEqual(NestKind.Tuple, cell.state_size.kind);
        Assert.IsTrue(cell.state_size.Items.All(s => s.kind == NestKind.LSTMStateTuple));
        var x = tf.zeros(new Shape(1, 2));
        var plain = Nest<Tensor>.Tuple(Nest<Tensor>.Tuple(tf.zeros(new Shape(1, 2)), tf.zeros(new Shape(1, 2))),
            Nest<Tensor>.Tuple(tf.zeros(new Shape(1, 2)), tf.zeros(new Shape(1, 2))));
        var (_, state) = cell.call(x, plain);
        Assert.IsInstanceOfType<LSTMStateTuple>(state[0]);
        Assert.IsInstanceOfType<LSTMStateTuple>(state[1]);
        Assert.AreSame(state[0][0].Leaf, state[0].c);
        Assert.AreSame(state[0][1].Leaf, state[0].h);
        tf.get_variable_scope().reuse_variables();
        var zero = cell.zero_state(1, tf.float32);
        Assert.IsInstanceOfType<LSTMStateTuple>(zero[0]);
        var (_, again) = cell.call(x, zero);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var fetched = sess.run(zero);
        var next = sess.run(again, (zero, fetched));
        AssertShape(new long[] { 1, 2 }, next[1].h);
    }

    /// <summary>TFX-04: batch and state-size mismatches are build-time ValueErrors.</summary>
    [TestMethod]
    public void TFX04_ShapeErrors()
    {
        using var root = Root();
        var cell = tf.nn.rnn_cell.BasicLSTMCell(2, state_is_tuple: false);
        var x = tf.zeros(new Shape(3, 4));
        Assert.ThrowsExactly<ValueError>(() => cell.call(x, tf.zeros(new Shape(2, 4))));
        Assert.ThrowsExactly<ValueError>(() => tf.nn.rnn_cell.BasicLSTMCell(2, state_is_tuple: false).call(x, tf.zeros(new Shape(3, 6))));
    }

    /// <summary>TFX-05: LSTMCell with projection: names in creation order, shapes and values.</summary>
    [TestMethod]
    public void TFX05_LstmCellWithProjection()
    {
        using var root = Root();
        var x = tf.zeros(new Shape(3, 2));
        var m = tf.zeros(new Shape(3, 14));
        var cell = tf.nn.rnn_cell.LSTMCell(8, num_proj: 6, forget_bias: 1.0, state_is_tuple: false);
        var (output, state) = cell.call(x, m);
        CollectionAssert.AreEqual(new[] { "root/lstm_cell/kernel", "root/lstm_cell/bias", "root/lstm_cell/projection/kernel" },
            tf.global_variables().Select(v => v.op.name).ToArray());
        Assert.AreEqual(new Shape(3, 6), output.shape);
        Assert.AreEqual(new Shape(3, 14), state.Leaf.shape);
        var values = RunAll(new[] { output, state.Leaf }, (x, new float[,] { { 1, 1 }, { 2, 2 }, { 3, 3 } }), (m, Filled(3, 14, 0.1f)));
        var rows = new[] { 2.029969, 2.749094, 3.031561 };
        AssertClose(rows.SelectMany(r => Enumerable.Repeat(r, 6)).ToArray(), values[0], 1e-5, 1e-5);
        var c = values[1].ToArray<float>();
        var expectedC = new[] { 0.768060, 0.987230, 1.060470 };
        for (int row = 0; row < 3; row++)
            for (int k = 0; k < 8; k++) Assert.AreEqual(expectedC[row], c[row * 14 + k], 1e-5);
    }

    /// <summary>TFX-06: cell_clip = 0 with peepholes gives exactly zero outputs through static_rnn.</summary>
    [TestMethod]
    public void TFX06_CellClipZero_GivesZeros()
    {
        var cell = tf.nn.rnn_cell.LSTMCell(3, use_peepholes: true, cell_clip: 0.0, initializer: tf.random_uniform_initializer(-0.01, 0.01, seed: 23489),
            state_is_tuple: false);
        var input = tf.constant(RandomArray(4, 2, 5));
        var (outputs, _) = tf.nn.static_rnn(cell, Enumerable.Repeat(input, 8), dtype: tf.float32);
        var values = RunAll(outputs.ToArray());
        Assert.AreEqual(8, values.Length);
        foreach (var v in values) CollectionAssert.AreEqual(new float[6], v.ToArray<float>());
    }

    /// <summary>TFX-07: GRUCell values, including input size ≠ units.</summary>
    [TestMethod]
    public void TFX07_GruCell()
    {
        Tensor a, b;
        using (Root())
        {
            (a, _) = tf.nn.rnn_cell.GRUCell(2).call(tf.constant(new float[,] { { 1, 1 } }), tf.constant(new float[,] { { 0.1f, 0.1f } }));
            using (tf.variable_scope("other"))
                (b, _) = tf.nn.rnn_cell.GRUCell(2).call(tf.constant(new float[,] { { 1, 1, 1 } }), tf.constant(new float[,] { { 0.1f, 0.1f } }));
        }
        var values = RunAll(new[] { a, b });
        AssertClose(new[] { 0.175991, 0.175991 }, values[0]);
        AssertClose(new[] { 0.156736, 0.156736 }, values[1]);
        CollectionAssert.AreEqual(new[] { "root/gru_cell/gates/kernel", "root/gru_cell/gates/bias", "root/gru_cell/candidate/kernel", "root/gru_cell/candidate/bias" },
            tf.global_variables().Take(4).Select(v => v.op.name).ToArray());
    }

    /// <summary>TFX-08: MultiRNNCell of GRUs with a concatenated state; 8 weights.</summary>
    [TestMethod]
    public void TFX08_MultiGru()
    {
        using var root = Root();
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.GRUCell(2), tf.nn.rnn_cell.GRUCell(2) }, state_is_tuple: false);
        var (_, state) = cell.call(tf.constant(new float[,] { { 1, 1 } }), tf.constant(new float[,] { { 0.1f, 0.1f, 0.1f, 0.1f } }));
        AssertClose(new[] { 0.175991, 0.175991, 0.13248, 0.13248 }, RunAll(new[] { state.Leaf })[0], 1e-5, 1e-6);
        Assert.AreEqual(8, cell.weights.Count);
    }

    /// <summary>TFX-09: a tuple-state MultiRNNCell rejects a single tensor and matches TFX-08 with a tuple.</summary>
    [TestMethod]
    public void TFX09_MultiRNNCellTupleStateValidation()
    {
        using var root = Root();
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.GRUCell(2), tf.nn.rnn_cell.GRUCell(2) });
        var x = tf.constant(new float[,] { { 1, 1 } });
        var error = Assert.ThrowsExactly<ValueError>(() => cell.call(x, tf.zeros(new Shape(1, 4))));
        StringAssert.Matches(error.Message, new System.Text.RegularExpressions.Regex("Expected state .* a tuple"));
        var (_, state) = cell.call(x, Nest<Tensor>.Tuple(tf.constant(new float[,] { { 0.1f, 0.1f } }), tf.constant(new float[,] { { 0.1f, 0.1f } })));
        var values = RunAll(new[] { state[0].Leaf, state[1].Leaf });
        AssertClose(new[] { 0.175991, 0.175991 }, values[0]);
        AssertClose(new[] { 0.13248, 0.13248 }, values[1], 1e-5, 1e-6);
    }

    /// <summary>TFX-10: a linear layer shares variables only through reuse.</summary>
    [TestMethod]
    public void TFX10_LinearSharing()
    {
        using (Root(1.0))
        {
            var x = tf.constant(new float[,] { { 1, 2 } });
            var y = new Linear(new[] { x }, 2, build_bias: false).Apply(new[] { x });
            AssertClose(new[] { 3.0, 3.0 }, RunAll(new[] { y })[0]);
            Assert.ThrowsExactly<ValueError>(() => new Linear(new[] { x }, 2, build_bias: false));
            using (tf.variable_scope("l1")) new Linear(new[] { x }, 2, build_bias: false);
            using (tf.variable_scope("l1", reuse: true)) new Linear(new[] { x }, 2, build_bias: false);
            Assert.AreEqual(2, tf.trainable_variables().Count, "root/kernel and l1/kernel: the reused layer adds none");
        }
    }

    static float[,] Filled(int rows, int columns, float value)
    {
        var a = new float[rows, columns];
        for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) a[r, c] = value;
        return a;
    }
}
