using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// Every cell kind under every loop with the batch dimension unknown (<c>Shape(-1, …)</c>, TF's
/// <c>[None, n_steps, n_input]</c>): the run must give the same values as the same graph with a known batch.
/// </summary>
[TestClass]
public class UnknownBatchTests : TestBase
{
    const int Batch = 3, Time = 4, Depth = 2, Units = 5;

    public static IEnumerable<object[]> Cases()
    {
        foreach (var cell in new[] { "gru", "basic_rnn", "dropout_lstm", "dropout_gru", "multi_gru", "multi_rnn_lstm_gru", "lstm" })
            foreach (var loop in new[] { "static", "dynamic", "bidirectional" })
                yield return new object[] { cell, loop };
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Loop_UnknownBatch_MatchesKnownBatch(string cell, string loop)
    {
        var known = RunLoop(cell, loop, Batch);
        var unknown = RunLoop(cell, loop, -1);
        Assert.AreEqual(known.Length, unknown.Length);
        for (int i = 0; i < known.Length; i++) AssertClose(known[i], unknown[i], 1e-5, 1e-6, $"{cell}/{loop} fetch {i}");
    }

    [TestMethod]
    public void DynamicRnn_UnknownBatchWithLengths_ZeroesPaddedOutputs()
    {
        var x = tf.placeholder(tf.float32, new Shape(-1, Time, Depth));
        var lengths = tf.placeholder(tf.int32, new Shape(-1));
        var (outputs, _) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(Units), x, sequence_length: lengths, dtype: tf.float32);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var result = sess.run(outputs, (x, RandomArray(5, 2, Time, Depth)), (lengths, np.array(new[] { 4, 1 })));
        AssertShape(new long[] { 2, Time, Units }, result);
        // Row 1 has length 1: its steps 1..3 are zeros, as TF's dynamic_rnn gives.
        var values = result.ToArray<float>();
        for (int t = 1; t < Time; t++)
            for (int u = 0; u < Units; u++) Assert.AreEqual(0f, values[(Time + t) * Units + u]);
        Assert.AreNotEqual(0f, values[Time * Units]);
    }

    [TestMethod]
    public void DynamicRnn_UnknownBatchAllLengthsZero_GivesZerosOfTheFedBatch()
    {
        var x = tf.placeholder(tf.float32, new Shape(-1, Time, Depth));
        var (outputs, state) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(Units), x, sequence_length: tf.zeros(new Shape(2), tf.int32), dtype: tf.float32);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var (result, final) = sess.run((outputs, state.Leaf), (x, RandomArray(5, 2, Time, Depth)));
        AssertShape(new long[] { 2, Time, Units }, result);
        AssertClose(new double[2 * Time * Units], result);
        AssertClose(new double[2 * Units], final);   // no step ran: the zero state comes back
    }

    /// <summary>Builds the loop over a placeholder with the given batch dimension and returns its outputs and final state leaves.</summary>
    static double[][] RunLoop(string cellKind, string loop, int batchDim)
    {
        tf.reset_default_graph();
        tf.set_random_seed(7);
        var x = tf.placeholder(tf.float32, new Shape(batchDim, Time, Depth), name: "x");
        using var init = tf.variable_scope("net", initializer: tf.random_uniform_initializer(-0.5, 0.5, seed: 11));
        var fetches = new List<Tensor>();
        switch (loop)
        {
            case "static":
            {
                var steps = tf.unstack(x, Time, 1);
                var (outputs, state) = tf.nn.static_rnn(MakeCell(cellKind), steps, dtype: tf.float32);
                fetches.AddRange(outputs);
                fetches.AddRange(state.Flatten());
                break;
            }
            case "dynamic":
            {
                var (outputs, state) = tf.nn.dynamic_rnn(MakeCell(cellKind), x, dtype: tf.float32);
                fetches.Add(outputs);
                fetches.AddRange(state.Flatten());
                break;
            }
            default:
            {
                var ((fw, bw), (stateFw, stateBw)) = tf.nn.bidirectional_dynamic_rnn(MakeCell(cellKind), MakeCell(cellKind), x, dtype: tf.float32);
                fetches.Add(fw);
                fetches.Add(bw);
                fetches.AddRange(stateFw.Flatten());
                fetches.AddRange(stateBw.Flatten());
                break;
            }
        }
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var results = sess.run(fetches, (x, RandomArray(3, Batch, Time, Depth)));
        return results.Select(r => r!.ToArray<double>()).ToArray();
    }

    /// <summary>Keep probabilities of 1.0 as tensors: the wrapper's ops are built (not skipped) yet deterministic.</summary>
    static RNNCell MakeCell(string kind) => kind switch
    {
        "gru" => tf.nn.rnn_cell.GRUCell(Units),
        "basic_rnn" => tf.nn.rnn_cell.BasicRNNCell(Units),
        "lstm" => tf.nn.rnn_cell.BasicLSTMCell(Units),
        "dropout_lstm" => tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.BasicLSTMCell(Units), output_keep_prob: tf.constant(1.0f)),
        "dropout_gru" => tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.GRUCell(Units), input_keep_prob: tf.constant(1.0f)),
        "multi_gru" => tf.nn.rnn_cell.MultiRNNCell(new RNNCell[] { tf.nn.rnn_cell.GRUCell(Units), tf.nn.rnn_cell.GRUCell(Units) }),
        _ => tf.nn.rnn_cell.MultiRNNCell(new RNNCell[]
        {
            tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.BasicLSTMCell(Units), output_keep_prob: tf.constant(1.0f)),
            tf.nn.rnn_cell.GRUCell(Units),
        }),
    };
}
