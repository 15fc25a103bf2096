using TfRnn;

namespace TfRnn.Tests.Sessions;

/// <summary>
/// Host runs (small no-gradient plans on host SIMD kernels) against the engine path on the same graphs and
/// values: results, states fed back, errors and result ownership must not depend on where a run executed.
/// </summary>
[TestClass]
public class HostRunTests : TestBase
{
    const int Vocab = 11, Units = 16;

    /// <summary>The slides' sampling graph: id → embedding → 2-layer BasicLSTM (rnn_decoder) → softmax.</summary>
    static (Tensor input, Nest<Tensor> initial, Tensor probs, Nest<Tensor> final) SamplingGraph(int layers)
    {
        tf.set_random_seed(3);
        var cell = tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, layers).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units)));
        var input = tf.placeholder(tf.int32, new Shape(1, 1));
        var initial = cell.zero_state(1, tf.float32);
        var embedding = tf.get_variable("embedding", new Shape(Vocab, Units));
        var steps = tf.split(tf.nn.embedding_lookup(embedding, input), 1, axis: 1).Select(s => tf.squeeze(s, new[] { 1 }));
        var (outputs, final) = tf.contrib.legacy_seq2seq.rnn_decoder(steps, initial, cell, scope: "rnnlm");
        var w = tf.get_variable("softmax_w", new Shape(Units, Vocab), initializer: tf.random_normal_initializer(stddev: 1.0));
        var b = tf.get_variable("softmax_b", new Shape(Vocab), initializer: tf.random_normal_initializer());
        var probs = tf.nn.softmax(tf.matmul(tf.reshape(tf.concat(outputs, 1), new[] { -1, Units }), w) + b);
        return (input, initial, probs, final);
    }

    /// <summary>Probabilities and states of <paramref name="ids"/> fed one at a time, state fed back, on one path.</summary>
    static List<double[]> Sample(Session sess, (Tensor input, Nest<Tensor> initial, Tensor probs, Nest<Tensor> final) g, int[] ids, bool host)
    {
        sess.Executor.HostRuns = host;
        var state = sess.run(g.initial);
        var trace = new List<double[]>();
        foreach (int id in ids)
        {
            NDArray p;
            (p, state) = sess.run((g.probs, g.final), (g.input, new[,] { { id } }), (g.initial, state));
            Assert.AreEqual(host, sess.Executor.LastRunOnHost, "where the step ran");
            trace.Add(p.ToArray<double>());
            trace.AddRange(state.Flatten().Select(s => s.ToArray<double>()));
        }
        return trace;
    }

    /// <summary>Runs (outputs, state) on the engine and on the host: the same values; returns the host outputs.</summary>
    static NDArray AssertHostMatchesEngine(Session sess, Tensor outputs, Nest<Tensor> state, FeedItem feed)
    {
        sess.Executor.HostRuns = false;
        var (engineOut, engineState) = sess.run((outputs, state), feed);
        sess.Executor.HostRuns = true;
        var (hostOut, hostState) = sess.run((outputs, state), feed);
        Assert.IsTrue(sess.Executor.LastRunOnHost, "the host path ran");
        AssertClose(engineOut.ToArray<double>(), hostOut, 1e-5, 1e-6, "outputs");
        foreach (var (e, h) in engineState.Flatten().Zip(hostState.Flatten())) AssertClose(e.ToArray<double>(), h, 1e-5, 1e-6, "state");
        return hostOut;
    }

    [TestMethod]
    public void SamplingLoop_HostAndEngine_AgreeOverStepsWithStateFedBack()
    {
        var g = SamplingGraph(layers: 2);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        int[] ids = { 3, 0, 10, 7, 7, 1 };
        var engine = Sample(sess, g, ids, host: false);
        var host = Sample(sess, g, ids, host: true);
        Assert.AreEqual(engine.Count, host.Count);
        for (int i = 0; i < engine.Count; i++) AssertClose(engine[i], host[i], 1e-5, 1e-6, $"value {i}");
        Assert.AreEqual(1.0, host[0].Sum(), 1e-5, "probabilities sum to one");
    }

    [TestMethod]
    public void WideLstm_SplitAcrossCores_MatchesEngine()
    {
        // 128 units: the kernel is large enough that each step's gates are computed by two cores.
        tf.set_random_seed(5);
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(128), tf.nn.rnn_cell.BasicLSTMCell(128) });
        var x = tf.placeholder(tf.float32, new Shape(1, 1, 20));
        var (outputs, state) = tf.nn.dynamic_rnn(cell, x, dtype: tf.float32);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertHostMatchesEngine(sess, outputs, state, (x, RandomArray(7, 1, 1, 20)));
    }

    [TestMethod]
    public void LstmWithLengths_OnHost_ZeroesPaddedOutputsAndCarriesState()
    {
        tf.set_random_seed(9);
        var x = tf.placeholder(tf.float32, new Shape(2, 4, 3));
        var (outputs, state) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(5), x, sequence_length: new[] { 4, 2 }, dtype: tf.float32);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var hostOut = AssertHostMatchesEngine(sess, outputs, state, (x, RandomArray(2, 2, 4, 3)));
        var padded = hostOut.ToArray<float>().Skip(4 * 5 + 2 * 5).Take(2 * 5);   // row 1, steps 2 and 3
        Assert.IsTrue(padded.All(v => v == 0f), "outputs past the row's length are zero");
    }

    [TestMethod]
    public void MatMul_TransposeFlags_HostMatchesEngine()
    {
        var a = tf.placeholder(tf.float32, new Shape(3, 4));
        var b = tf.placeholder(tf.float32, new Shape(4, 5));
        var products = new[]
        {
            tf.matmul(a, b), tf.matmul(tf.transpose(a), b, transpose_a: true),
            tf.matmul(a, tf.transpose(b), transpose_b: true), tf.matmul(tf.transpose(a), tf.transpose(b), transpose_a: true, transpose_b: true),
        };
        using var sess = tf.Session();
        var (va, vb) = (RandomArray(1, 3, 4), RandomArray(2, 4, 5));
        var expected = np.dot(va.astype(tf.float64), vb.astype(tf.float64)).ToArray<double>();   // independent: NumPy-style host dot
        foreach (var product in products)
        {
            sess.Executor.HostRuns = true;
            var host = sess.run(product, (a, va), (b, vb));
            AssertClose(expected, host, 1e-5, 1e-6, product.name);
        }
    }

    [TestMethod]
    public void GatherOutOfRange_OnHost_RaisesTfError()
    {
        var table = tf.Variable(tf.ones(new Shape(4, 2)));
        var ids = tf.placeholder(tf.int32, new Shape(1));
        var rows = tf.nn.embedding_lookup(table, ids);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var error = Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(rows, (ids, new[] { 9 })));
        Assert.IsTrue(sess.Executor.LastRunOnHost);
        StringAssert.Contains(error.Message, "indices[0] = 9 is not in [0, 4)");
    }

    [TestMethod]
    public void UninitializedVariable_OnHost_RaisesFailedPrecondition()
    {
        var v = tf.Variable(tf.ones(new Shape(2)), name: "weights");
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<FailedPreconditionError>(() => sess.run(v.value() + 1f));
        StringAssert.Contains(error.Message, "Attempting to use uninitialized value weights");
    }

    [TestMethod]
    public void FetchedValue_OnHost_DoesNotShareStorageWithTheFeed()
    {
        var x = tf.placeholder(tf.float32, new Shape(2));
        var same = tf.identity(x);
        var reshaped = tf.reshape(x, new[] { 1, 2 });
        using var sess = tf.Session();
        var fed = np.array(new[] { 1f, 2f });
        var (a, b) = sess.run((same, reshaped), (x, fed));
        Assert.IsTrue(sess.Executor.LastRunOnHost);
        a[0] = 5f;
        b[0, 1] = 7f;
        CollectionAssert.AreEqual(new[] { 1f, 2f }, fed.ToArray<float>(), "the feed is untouched");
        CollectionAssert.AreEqual(new[] { 5f, 2f }, a.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 7f }, b.ToArray<float>());
    }

    [TestMethod]
    public void LargeOrGradientRuns_StayOnTheEngine()
    {
        var x = tf.placeholder(tf.float32, new Shape(200, 200));
        var big = tf.matmul(x, x);
        var w = tf.Variable(tf.ones(new Shape(2)));
        var grad = tf.gradients(tf.reduce_sum(w * w), w)[0]!;
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(big, (x, np.ones(new Shape(200, 200)).astype(tf.float32)));
        Assert.IsFalse(sess.Executor.LastRunOnHost, "200x200 values are past the host size limit");
        CollectionAssert.AreEqual(new[] { 2f, 2f }, sess.run(grad).ToArray<float>());
        Assert.IsFalse(sess.Executor.LastRunOnHost, "gradients need autograd");
    }
}
