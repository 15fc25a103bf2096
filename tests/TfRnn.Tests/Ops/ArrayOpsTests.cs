using TfRnn;
using TorchSharp;

namespace TfRnn.Tests.Ops;

/// <summary>Shape manipulation and indexing ops, checked by hand or against plain TorchSharp.</summary>
[TestClass]
public class ArrayOpsTests : TestBase
{
    static readonly float[,] Matrix = { { 1, 2, 3 }, { 4, 5, 6 } };


    [TestMethod]
    public void Reshape_InfersMinusOne_AndRejectsBadSizes()
    {
        var x = tf.constant(Matrix);
        var r = tf.reshape(x, new[] { 3, -1 });
        Assert.AreEqual(new Shape(3, 2), r.shape);
        AssertShape(new long[] { 3, 2 }, Run(r));
        var error = Assert.ThrowsExactly<ValueError>(() => tf.reshape(x, new[] { 4 }));
        StringAssert.StartsWith(error.Message, "Cannot reshape a tensor with 6 elements to shape [4] (4 elements)");
        var p = tf.placeholder(tf.float32, new Shape(-1, 3));
        AssertShape(new long[] { 6 }, Run(tf.reshape(p, new[] { -1 }), (p, Matrix)));
        AssertShape(new long[] { 2, 3 }, Run(tf.reshape(tf.range(6), tf.shape(p)), (p, Matrix)));
    }

    [TestMethod]
    public void Transpose_DefaultReversesAndPermMoves()
    {
        var x = tf.constant(Matrix);
        AssertClose(new double[] { 1, 4, 2, 5, 3, 6 }, Run(tf.transpose(x)));
        var cube = tf.zeros(new Shape(2, 3, 4));
        Assert.AreEqual(new Shape(3, 2, 4), tf.transpose(cube, new[] { 1, 0, 2 }).shape);
    }

    [TestMethod]
    public void SplitConcatStackUnstack_RoundTrip()
    {
        var x = tf.constant(Matrix);
        var halves = tf.split(x, 3, axis: 1);
        Assert.AreEqual(3, halves.Length);
        AssertClose(new double[] { 2, 5 }, Run(halves[1]));
        var sized = tf.split(x, new[] { 1, 2 }, axis: 1);
        Assert.AreEqual(new Shape(2, 2), sized[1].shape);
        AssertClose(Flat(Matrix), Run(tf.concat(halves, 1)));
        var rows = tf.unstack(x);
        Assert.AreEqual(2, rows.Length);
        AssertClose(new double[] { 4, 5, 6 }, Run(rows[1]));
        var stacked = tf.stack(rows, axis: 1);
        Assert.AreEqual(new Shape(3, 2), stacked.shape);
        AssertClose(new double[] { 1, 4, 2, 5, 3, 6 }, Run(stacked));
        var error = Assert.ThrowsExactly<ValueError>(() => tf.concat(new object[] { x, tf.zeros(new Shape(2, 4)) }, 0));
        StringAssert.Contains(error.Message, "Dimension 1 in both shapes must be equal, but are 3 and 4");
    }

    [TestMethod]
    public void SqueezeAndExpandDims()
    {
        var x = tf.zeros(new Shape(1, 3, 1));
        Assert.AreEqual(new Shape(3), tf.squeeze(x).shape);
        Assert.AreEqual(new Shape(3, 1), tf.squeeze(x, new[] { 0 }).shape);
        AssertShape(new long[] { 3, 1 }, Run(tf.squeeze(x, new[] { 0 })));
        StringAssert.StartsWith(Assert.ThrowsExactly<ValueError>(() => tf.squeeze(x, new[] { 1 })).Message,
            "Can not squeeze dim[1], expected a dimension of 1, got 3");
        Assert.AreEqual(new Shape(1, 3, 1, 1), tf.expand_dims(x, -1).shape);
        AssertShape(new long[] { 1, 1, 3, 1 }, Run(tf.expand_dims(x, 1)));
    }

    [TestMethod]
    public void Gather_AndEmbeddingLookup_AndRangeErrors()
    {
        var table = tf.constant(new float[,] { { 0, 1 }, { 10, 11 }, { 20, 21 } });
        var ids = tf.constant(new[,] { { 2, 0 }, { 1, 1 } });
        var rows = tf.nn.embedding_lookup(table, ids);
        Assert.AreEqual(new Shape(2, 2, 2), rows.shape);
        AssertClose(new double[] { 20, 21, 0, 1, 10, 11, 10, 11 }, Run(rows));
        AssertClose(new double[] { 1, 11, 21 }, Run(tf.gather(table, tf.constant(new[] { 1 }), axis: 1)));
        var bad = Assert.ThrowsExactly<InvalidArgumentError>(() => Run(tf.gather(table, tf.constant(new[] { 0, 3 }))));
        StringAssert.StartsWith(bad.Message, "indices[1] = 3 is not in [0, 3)");
    }

    [TestMethod]
    public void SliceAndStridedSlice()
    {
        var x = tf.constant(Matrix);
        AssertClose(new double[] { 2, 3, 5, 6 }, Run(tf.slice(x, new[] { 0, 1 }, new[] { -1, 2 })));
        AssertClose(new double[] { 3, 6 }, Run(x[":", -1]));
        Assert.AreEqual(new Shape(2), x[":", -1].shape);
        AssertClose(new double[] { 4, 5, 6 }, Run(x[1]));
        AssertClose(new double[] { 1, 3, 4, 6 }, Run(x[":", "::2"]));
        Assert.AreEqual(new Shape(2, 2), x[":", "::2"].shape);
    }

    [TestMethod]
    public void OneHot_OutOfRangeGivesOffValues_AndAxis()
    {
        var hot = tf.one_hot(tf.constant(new[] { 0, 2, -1, 5 }), 3);
        Assert.AreEqual(new Shape(4, 3), hot.shape);
        AssertClose(new double[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 }, Run(hot));
        AssertClose(new double[] { 5, -1, -1, 5, -1, -1 }, Run(tf.one_hot(tf.constant(new[] { 0, 1 }), 3, on_value: 5, off_value: -1, axis: 0)),
            0, 0);
    }

    [TestMethod]
    public void ShapeSizeRank_AreDynamic()
    {
        var p = tf.placeholder(tf.float32, new Shape(-1, 3));
        CollectionAssert.AreEqual(new[] { 2, 3 }, Run(tf.shape(p), (p, Matrix)).ToArray<int>());
        Assert.AreEqual(6, (int)Run(tf.size(p), (p, Matrix)));
        Assert.AreEqual(2, (int)Run(tf.rank(p), (p, Matrix)));
    }

    [TestMethod]
    public void FillZerosOnesRangeTileReverse()
    {
        AssertClose(new double[] { 7, 7, 7, 7 }, Run(tf.fill(new[] { 2, 2 }, 7.0f)));
        AssertClose(new double[] { 0, 0, 0 }, Run(tf.zeros_like(tf.constant(new float[] { 1, 2, 3 }))));
        AssertClose(new double[] { 1, 1 }, Run(tf.ones(new Shape(2))));
        CollectionAssert.AreEqual(new[] { 2, 5, 8 }, Run(tf.range(2, 10, 3)).ToArray<int>());
        Assert.AreEqual(new Shape(3), tf.range(2, 10, 3).shape);
        AssertClose(new double[] { 1, 2, 1, 2, 1, 2 }, Run(tf.tile(tf.constant(new float[] { 1, 2 }), new[] { 3 })));
        AssertClose(new double[] { 3, 2, 1, 6, 5, 4 }, Run(tf.reverse(tf.constant(Matrix), new[] { 1 })));
    }

    [TestMethod]
    public void Where_SelectsAndFindsCoordinates()
    {
        var cond = tf.constant(new[] { true, false, true });
        AssertClose(new double[] { 1, 20, 3 }, Run(tf.where(cond, tf.constant(new float[] { 1, 2, 3 }), tf.constant(new float[] { 10, 20, 30 }))));
        CollectionAssert.AreEqual(new long[] { 0, 2 }, Run(tf.where(cond)).ToArray<long>());
        var rows = tf.where(tf.constant(new[] { false, true }), tf.constant(Matrix), tf.zeros(new Shape(2, 3)));
        AssertClose(new double[] { 0, 0, 0, 4, 5, 6 }, Run(rows));
    }

    /// <summary>TFX-31 style: reverse the first len[b] steps of each sequence; the rest stays.</summary>
    [TestMethod]
    public void ReverseSequence_ReversesPrefixOfEachRow_MatchesHandLoop()
    {
        var data = new float[2, 4, 2];
        for (int b = 0; b < 2; b++) for (int t = 0; t < 4; t++) for (int f = 0; f < 2; f++) data[b, t, f] = 100 * b + 10 * t + f;
        var lengths = new[] { 3, 1 };
        var expected = new float[2, 4, 2];
        for (int b = 0; b < 2; b++) for (int t = 0; t < 4; t++) for (int f = 0; f < 2; f++)
            expected[b, t, f] = data[b, t < lengths[b] ? lengths[b] - 1 - t : t, f];
        AssertClose(Flat(expected), Run(tf.reverse_sequence(tf.constant(data), tf.constant(lengths), seq_axis: 1, batch_axis: 0)));
        // Time-major layout: same result transposed.
        var timeMajor = tf.transpose(tf.constant(data), new[] { 1, 0, 2 });
        var reversed = tf.transpose(tf.reverse_sequence(timeMajor, tf.constant(lengths), seq_axis: 0, batch_axis: 1), new[] { 1, 0, 2 });
        AssertClose(Flat(expected), Run(reversed));
    }

    [TestMethod]
    public void Softmax_MatchesPlainTorch()
    {
        var logits = new float[,] { { 1, 2, 3 }, { -1, 0, 5 } };
        using var reference = torch.softmax(torch.tensor(Flat(logits).Select(v => (float)v).ToArray(), new long[] { 2, 3 }), 1);
        AssertClose(reference.data<float>().ToArray().Select(v => (double)v).ToArray(), Run(tf.nn.softmax(tf.constant(logits))));
        using var logReference = torch.tensor(Flat(logits).Select(v => (float)v).ToArray(), new long[] { 2, 3 }).log_softmax(1);
        AssertClose(logReference.data<float>().ToArray().Select(v => (double)v).ToArray(), Run(tf.nn.log_softmax(tf.constant(logits))), 1e-5, 1e-6);
    }

    [TestMethod]
    public void NnHelpers_ReluBiasAddXwPlusB()
    {
        AssertClose(new double[] { 0, 0, 2 }, Run(tf.nn.relu(tf.constant(new float[] { -1, 0, 2 }))));
        var x = tf.constant(Matrix);
        AssertClose(new double[] { 2, 4, 6, 5, 7, 9 }, Run(tf.nn.bias_add(x, tf.constant(new float[] { 1, 2, 3 }))));
        var w = tf.constant(new float[,] { { 1 }, { 1 }, { 1 } });
        var y = tf.nn.xw_plus_b(x, w, tf.constant(new float[] { 0.5f }));
        Assert.AreEqual("xw_plus_b:0", y.name);
        AssertClose(new double[] { 6.5, 15.5 }, Run(y));
        Assert.ThrowsExactly<ValueError>(() => tf.nn.bias_add(x, tf.constant(new float[] { 1, 2 })));
    }

    [TestMethod]
    public void Dropout_KeepsExpectationAndZeroesTheRest()
    {
        tf.set_random_seed(1);
        var keep = tf.placeholder(tf.float32);
        var y = tf.nn.dropout(tf.ones(new Shape(10000)), keep);
        var values = Run(y, (keep, 0.5f)).ToArray<float>();
        Assert.IsTrue(values.All(v => v == 0 || v == 2), "kept values are scaled by 1/keep_prob");
        Assert.AreEqual(1.0, values.Average(), 0.05);
        Assert.IsTrue(Run(y, (keep, 1.0f)).ToArray<float>().All(v => v == 1), "keep_prob 1 is the identity");
    }

    [TestMethod]
    public void PlaceholderWithDefault_UsesDefaultUnlessFed()
    {
        var p = tf.placeholder_with_default(tf.constant(3.0f), new Shape());
        Assert.AreEqual(6.0f, (float)Run(p * 2.0));
        Assert.AreEqual(10.0f, (float)Run(p * 2.0, (p, 5.0f)));
    }
}
