using TfRnn;

namespace TfRnn.Tests.Sessions;

/// <summary>
/// A cached host plan reuses its buffers: the slides' sampling step (batch 1, 2×128 BasicLSTMCell, state fed back)
/// allocates per Session.run only its results and their container, and results stay the caller's own arrays.
/// Allocation is counted, not timed, so these checks are deterministic.
/// </summary>
[TestClass]
[DoNotParallelize]
public class HostRunAllocationTests : TestBase
{
    const int Vocab = 65, Units = 128, Runs = 100;

    /// <summary>
    /// Bytes per run allowed beyond the results' storage, measured at 928: five result NDArrays (56 B each) and their
    /// NDArray?[] (64 B); the state's Nest (four leaves, two LSTMStateTuples with their pair arrays, the outer tuple
    /// and its item array copied by Nest.Tuple: 440 B); Session.run's object?[] of results (40 B); the caller's
    /// params FeedItem[] (56 B) and its fresh [1, 1] id array (48 B).
    /// </summary>
    const long FixedOverheadPerRun = 1024;

    static (Tensor input, Nest<Tensor> initial, Tensor probs, Nest<Tensor> final) SamplingGraph(int batch = 1)
    {
        tf.set_random_seed(4);
        var cell = tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, 2).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units)));
        var input = tf.placeholder(tf.int32, new Shape(batch, 1));
        var initial = cell.zero_state(batch, tf.float32);
        var embedding = tf.get_variable("embedding", new Shape(Vocab, Units));
        var steps = tf.split(tf.nn.embedding_lookup(embedding, input), 1, axis: 1).Select(s => tf.squeeze(s, new[] { 1 }));
        var (outputs, final) = tf.contrib.legacy_seq2seq.rnn_decoder(steps, initial, cell, scope: "rnnlm");
        var w = tf.get_variable("softmax_w", new Shape(Units, Vocab));
        var b = tf.get_variable("softmax_b", new Shape(Vocab));
        var probs = tf.nn.softmax(tf.matmul(tf.reshape(tf.concat(outputs, 1), new[] { -1, Units }), w) + b);
        return (input, initial, probs, final);
    }

    /// <summary>The sampling graph in an initialized session, with its initial state fetched.</summary>
    static ((Tensor input, Nest<Tensor> initial, Tensor probs, Nest<Tensor> final) graph, Session session, Nest<NDArray> state) StartSampling()
    {
        var graph = SamplingGraph();
        var session = tf.Session();
        session.run(tf.global_variables_initializer());
        return (graph, session, session.run(graph.initial));
    }

    /// <summary>What a float[]/int[] of <paramref name="elements"/> costs on the managed heap (64-bit: 24 B header).</summary>
    static long ArrayBytes(long elements, int elementSize) => (24 + elements * elementSize + 7) / 8 * 8;

    static long ResultBytes(NDArray probs, Nest<NDArray> state) =>
        new[] { probs }.Concat(state.Flatten()).Sum(a => ArrayBytes(a.size, sizeof(float)));

    [TestMethod]
    public void SamplingRuns_AfterWarmUp_AllocateOnlyTheirResults()
    {
        var (g, sess, state) = StartSampling();
        using var _ = sess;
        NDArray probs = null!;
        int id = 0;
        void Step()
        {
            (probs, state) = sess.run((g.probs, g.final), (g.input, new[,] { { id } }), (g.initial, state));
            id = (id + 7) % Vocab;
        }
        for (int i = 0; i < 20; i++) Step();   // plan built, buffers sized, JIT done
        Assert.IsTrue(sess.Executor.LastRunOnHost, "the sampling step runs on the host");
        long resultBytes = ResultBytes(probs, state);

        long workerBefore = SecondCore.WorkerAllocatedBytes;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Runs; i++) Step();
        long perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;
        long workerPerRun = (SecondCore.WorkerAllocatedBytes - workerBefore) / Runs;

        Assert.IsTrue(perRun <= resultBytes + FixedOverheadPerRun,
            $"{perRun} B per run; the results themselves are {resultBytes} B (allowed overhead {FixedOverheadPerRun} B)");
        Assert.AreEqual(0, workerPerRun, "the second core's worker allocates nothing per run");
    }

    [TestMethod]
    public void ConsecutiveResults_AreIndependentArrays_AndFeedsAreNeverWritten()
    {
        var (g, sess, initial) = StartSampling();
        using var _ = sess;
        var ids = np.array(new[,] { { 3 } });
        var (p1, s1) = sess.run((g.probs, g.final), (g.input, ids), (g.initial, initial));
        var kept = p1.ToArray<float>();
        var s1Fed = s1.Flatten().Select(a => a.ToArray<float>()).ToArray();
        var (p2, s2) = sess.run((g.probs, g.final), (g.input, ids), (g.initial, s1));
        Assert.IsTrue(sess.Executor.LastRunOnHost);

        CollectionAssert.AreEqual(kept, p1.ToArray<float>(), "an earlier result does not change");
        CollectionAssert.AreNotEqual(kept, p2.ToArray<float>(), "the state moved the distribution");
        foreach (var (fed, now) in s1Fed.Zip(s1.Flatten())) CollectionAssert.AreEqual(fed, now.ToArray<float>(), "a fed state is never written");
        foreach (var (a, b) in s1.Flatten().Zip(s2.Flatten())) Assert.AreNotSame(a.Storage, b.Storage, "each run's state is its own array");
        Assert.AreNotSame(p1.Storage, p2.Storage);
        CollectionAssert.AreEqual(new[] { 3 }, ids.ToArray<int>(), "the fed ids are untouched");

        p2[0, 0] = 123f;   // writing a result reaches nothing the plan uses
        var (p3, _) = sess.run((g.probs, g.final), (g.input, ids), (g.initial, s1));
        Assert.AreNotEqual(123f, p3.ToArray<float>()[0]);
        CollectionAssert.AreEqual(s1Fed[0], s1.Flatten().First().ToArray<float>());
    }

    [TestMethod]
    public void FedTensorAlsoFetched_IsCopied_AndFeedsOfOtherDtypesConvert()
    {
        var x = tf.placeholder(tf.float32, new Shape(1, 3));
        var doubled = x + x;
        using var sess = tf.Session();
        var fed = np.array(new[,] { { 1f, 2f, 3f } });
        for (int i = 0; i < 3; i++)
        {
            var (same, sum) = sess.run((x, doubled), (x, fed));
            Assert.IsTrue(sess.Executor.LastRunOnHost);
            Assert.AreNotSame(fed.Storage, same.Storage, "a fed array that is fetched comes back as a copy");
            CollectionAssert.AreEqual(new[] { 2f, 4f, 6f }, sum.ToArray<float>());
        }
        var fromDoubles = sess.run(doubled, (x, new[,] { { 1.5, 2.0, 2.5 } }));
        CollectionAssert.AreEqual(new[] { 3f, 4f, 5f }, fromDoubles.ToArray<float>());
        var fromInts = sess.run(doubled, (x, new[] { new[] { 1, 2, 3 } }));
        CollectionAssert.AreEqual(new[] { 2f, 4f, 6f }, fromInts.ToArray<float>());
    }

    /// <summary>Host plans need fully known static shapes, so an unknown batch runs on the engine: right values whatever was fed before.</summary>
    [TestMethod]
    public void ChangingTheFedBatchSize_BetweenRuns_GivesEngineValues()
    {
        tf.set_random_seed(6);
        var x = tf.placeholder(tf.float32, new Shape(-1, 5));
        var ids = tf.placeholder(tf.int32, new Shape(-1));
        var w = tf.get_variable("w", new Shape(5, 4));
        var table = tf.get_variable("table", new Shape(9, 4));
        var y = tf.nn.softmax(tf.matmul(x, w) + tf.nn.embedding_lookup(table, ids));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        foreach (int batch in new[] { 1, 3, 1, 2, 2, 4 })
        {
            var fx = RandomArray(batch, batch, 5);
            var fids = Enumerable.Range(0, batch).Select(i => (i * 4 + batch) % 9).ToArray();
            sess.Executor.HostRuns = false;
            var engine = sess.run(y, (x, fx), (ids, fids)).ToArray<double>();
            sess.Executor.HostRuns = true;
            var host = sess.run(y, (x, fx), (ids, fids));
            AssertShape(new long[] { batch, 4 }, host);
            AssertClose(engine, host, 1e-5, 1e-6, $"batch {batch}");
        }
    }
}
