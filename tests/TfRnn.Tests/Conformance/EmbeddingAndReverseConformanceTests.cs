using TfRnn;

namespace TfRnn.Tests.Conformance;

/// <summary>TensorFlow's embedding_ops_test and reverse_sequence_op_test expectations (TFX-30, TFX-31).</summary>
[TestClass]
public class EmbeddingAndReverseConformanceTests : TestBase
{

    /// <summary>TFX-30: max_norm clips looked-up rows; higher-rank ids; sharded tables.</summary>
    [TestMethod]
    public void TFX30_MaxNorm()
    {
        AssertClose(new double[] { 1.0 }, Run(tf.nn.embedding_lookup(tf.constant(new float[,] { { 2 } }), tf.constant(new[] { 0 }), max_norm: 1.0)), 0, 0);
        AssertClose(new[] { 0.894427, 1.788854, 1.897367, 0.632456 },
            Run(tf.nn.embedding_lookup(tf.constant(new float[,] { { 2, 4 }, { 3, 1 } }), tf.constant(new[] { 0, 1 }), max_norm: 2.0)));
        var cube = tf.fill(new[] { 6, 2, 3 }, 2.0f);
        var rows = Run(tf.nn.embedding_lookup(cube, tf.constant(new[] { 1, 4 }), max_norm: 1.0));
        Assert.IsTrue(rows.ToArray<float>().All(v => Math.Abs(v - 2 / Math.Sqrt(24)) < 1e-6), "each row has norm 1 over its 2x3 block");
    }

    [TestMethod]
    public void TFX30_HigherRankIds_EqualGather()
    {
        var table = tf.constant(Enumerable.Range(0, 18).Select(i => (float)i).ToArray(), shape: new Shape(6, 3));
        var ids = tf.constant(new[,] { { 0, 5 }, { 2, 2 }, { 4, 1 } });
        var looked = tf.nn.embedding_lookup(table, ids);
        Assert.AreEqual(new Shape(3, 2, 3), looked.shape);
        AssertClose(Run(tf.gather(table, ids)).ToArray<double>(), Run(looked), 0, 0);
    }

    [TestMethod]
    public void TFX30_ShardedTables_ModAndDiv()
    {
        const int vocab = 13, shards = 5;
        var full = Enumerable.Range(0, vocab).Select(i => new float[] { i, 100 + i }).ToArray();
        var rng = new Random(3);
        var ids = Enumerable.Range(0, 30).Select(_ => rng.Next(vocab)).ToArray();
        var expected = ids.SelectMany(i => full[i]).Select(v => (double)v).ToArray();

        // "mod": shard k holds ids k, k+5, …; sizes [3,3,3,2,2].
        var modShards = Enumerable.Range(0, shards).Select(k =>
            tf.constant(Enumerable.Range(0, vocab).Where(i => i % shards == k).SelectMany(i => full[i]).ToArray(),
                shape: new Shape(Enumerable.Range(0, vocab).Count(i => i % shards == k), 2))).ToArray();
        AssertClose(expected, Run(tf.nn.embedding_lookup(modShards, tf.constant(ids))), 0, 0);

        // "div": contiguous blocks with the extra rows in the first shards.
        var sizes = new[] { 3, 3, 3, 2, 2 };
        int start = 0;
        var divShards = sizes.Select(size =>
        {
            var block = tf.constant(Enumerable.Range(start, size).SelectMany(i => full[i]).ToArray(), shape: new Shape(size, 2));
            start += size;
            return block;
        }).ToArray();
        AssertClose(expected, Run(tf.nn.embedding_lookup(divShards, tf.constant(ids), partition_strategy: "div")), 0, 0);
    }

    /// <summary>TFX-31: the [4,2,3,1,1] time-major case with seq_axis 0 and batch_axis 2.</summary>
    [TestMethod]
    public void TFX31_ReverseSequence_TimeMajorCase()
    {
        var x = new float[4, 2, 3, 1, 1];
        for (int b = 0; b < 3; b++) for (int d = 0; d < 2; d++) for (int t = 0; t < 4; t++) x[t, d, b, 0, 0] = 1 + 8 * b + 4 * d + t;
        var truth = new float[3, 2, 4]
        {
            { { 3, 2, 1, 4 }, { 7, 6, 5, 8 } },
            { { 9, 10, 11, 12 }, { 13, 14, 15, 16 } },
            { { 20, 19, 18, 17 }, { 24, 23, 22, 21 } },
        };
        var expected = new float[4, 2, 3, 1, 1];
        for (int b = 0; b < 3; b++) for (int d = 0; d < 2; d++) for (int t = 0; t < 4; t++) expected[t, d, b, 0, 0] = truth[b, d, t];
        foreach (var lengths in new Array[] { new long[] { 3, 0, 4 }, new[] { 3, 0, 4 } })
        {
            var reversed = tf.reverse_sequence(tf.constant(x), tf.constant(lengths), seq_axis: 0, batch_axis: 2);
            Assert.AreEqual(new Shape(4, 2, 3, 1, 1), reversed.shape);
            AssertClose(Flat(expected), Run(reversed), 0, 1e-10);
        }
    }

    [TestMethod]
    public void TFX31_ReverseSequence_Errors()
    {
        var unknown = tf.reverse_sequence(tf.placeholder(tf.float32), tf.placeholder(tf.int64, new Shape(3)), seq_axis: 1);
        Assert.IsFalse(unknown.shape.is_known_rank);
        var x = tf.zeros(new Shape(32, 2, 3));
        Assert.ThrowsExactly<ValueError>(() => tf.reverse_sequence(x, tf.constant(new long[33]), seq_axis: 3));
        Assert.ThrowsExactly<ValueError>(() => tf.reverse_sequence(x, tf.constant(new long[33]), seq_axis: 1));
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => tf.reverse_sequence(x, tf.constant(new long[32]), seq_axis: 3)).Message, "seq_dim must be < input rank");
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => tf.reverse_sequence(x, tf.constant(new long[32]), seq_axis: 1, batch_axis: 3)).Message, "batch_dim must be < input rank");
        var same = tf.reverse_sequence(x, tf.constant(new long[32]), seq_axis: 0);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidArgumentError>(() => Run(same)).Message, "batch_dim == seq_dim");
    }
}
