using TfRnn;

namespace TfRnn.Tests.Ops;

/// <summary>Elementwise math, matmul, casts and reductions against hand-computed values.</summary>
[TestClass]
public class MathOpsTests : TestBase
{

    [TestMethod]
    public void Arithmetic_BroadcastsLikeNumPy()
    {
        var a = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = tf.constant(new float[] { 10, 20, 30 });
        AssertClose(new double[] { 11, 22, 33, 14, 25, 36 }, Run(a + b));
        AssertClose(new double[] { -9, -18, -27, -6, -15, -24 }, Run(a - b));
        AssertClose(new double[] { 10, 40, 90, 40, 100, 180 }, Run(a * b));
        AssertClose(new double[] { 0.1, 0.1, 0.1, 0.4, 0.25, 0.2 }, Run(a / b));
        AssertClose(new double[] { 2, 4, 6, 8, 10, 12 }, Run(2.0 * a));
        AssertClose(new double[] { 1, 4, 9, 16, 25, 36 }, Run(tf.pow(a, 2)));
        AssertClose(new double[] { -1, -2, -3, -4, -5, -6 }, Run(-a));
        Assert.AreEqual(new Shape(2, 3), (a + b).shape);
    }

    [TestMethod]
    public void IntegerDivision_IsTrueDivisionInFloat64_AndFloorModMatchesPython()
    {
        var q = tf.divide(tf.constant(new[] { 7, -7 }), tf.constant(new[] { 2, 2 }));
        Assert.AreEqual(tf.float64, q.dtype);
        AssertClose(new double[] { 3.5, -3.5 }, Run(q));
        CollectionAssert.AreEqual(new[] { 1, 1 }, Run(tf.floormod(tf.constant(new[] { 7, -7 }), tf.constant(new[] { 2, 2 }))).ToArray<int>());
        CollectionAssert.AreEqual(new[] { 3, -4 }, Run(tf.floordiv(tf.constant(new[] { 7, -7 }), tf.constant(new[] { 2, 2 }))).ToArray<int>());
    }

    [TestMethod]
    public void UnaryFunctions_MatchMath()
    {
        var x = tf.constant(new float[] { 0.25f, 1f, 4f });
        double[] v = { 0.25, 1, 4 };
        AssertClose(v.Select(t => Math.Sqrt(t)).ToArray(), Run(tf.sqrt(x)), 1e-6);
        AssertClose(v.Select(t => Math.Exp(t)).ToArray(), Run(tf.exp(x)), 1e-6);
        AssertClose(v.Select(t => Math.Log(t)).ToArray(), Run(tf.log(x)), 1e-6);
        AssertClose(v.Select(t => Math.Tanh(t)).ToArray(), Run(tf.tanh(x)), 1e-6);
        AssertClose(v.Select(t => 1 / (1 + Math.Exp(-t))).ToArray(), Run(tf.sigmoid(x)), 1e-6);
        AssertClose(v.Select(t => t * t).ToArray(), Run(tf.square(x)), 1e-6);
        AssertClose(v.Select(t => 1 / Math.Sqrt(t)).ToArray(), Run(tf.rsqrt(x)), 1e-6);
        AssertClose(new double[] { 1, 2 }, Run(tf.abs(tf.constant(new float[] { -1, 2 }))));
        AssertClose(new double[] { 3, 1 }, Run(tf.maximum(tf.constant(new float[] { 3, -1 }), 1.0)));
        AssertClose(new double[] { 1, -1 }, Run(tf.minimum(tf.constant(new float[] { 3, -1 }), 1.0)));
        AssertClose(new double[] { 2, 2 }, Run(tf.round(tf.constant(new float[] { 2.5f, 1.5f }))), 0, 0); // half to even
    }

    [TestMethod]
    public void Comparisons_GiveBooleans()
    {
        var x = tf.constant(new float[] { 1, 2, 3 });
        CollectionAssert.AreEqual(new[] { false, true, false }, Run(tf.equal(x, 2.0)).ToArray<bool>());
        CollectionAssert.AreEqual(new[] { true, false, false }, Run(x < 2.0).ToArray<bool>());
        CollectionAssert.AreEqual(new[] { false, true, true }, Run(x >= 2.0).ToArray<bool>());
        CollectionAssert.AreEqual(new[] { true, false, true }, Run(tf.not_equal(x, 2.0)).ToArray<bool>());
        CollectionAssert.AreEqual(new[] { false, false, true }, Run(tf.logical_and(x > 1.0, x > 2.0)).ToArray<bool>());
    }

    [TestMethod]
    public void MatMul_WithTransposes()
    {
        var a = tf.constant(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = tf.constant(new float[,] { { 5, 6 }, { 7, 8 } });
        AssertClose(new double[] { 19, 22, 43, 50 }, Run(tf.matmul(a, b)));
        AssertClose(new double[] { 26, 30, 38, 44 }, Run(tf.matmul(a, b, transpose_a: true)));
        AssertClose(new double[] { 17, 23, 39, 53 }, Run(tf.matmul(a, b, transpose_b: true)));
        var batch = tf.matmul(tf.ones(new Shape(3, 2, 4)), tf.ones(new Shape(3, 4, 5)));
        Assert.AreEqual(new Shape(3, 2, 5), batch.shape);
        Assert.IsTrue(Run(batch).ToArray<float>().All(v => v == 4));
    }

    [TestMethod]
    public void Cast_TruncatesTowardZero()
    {
        var x = tf.constant(new float[] { 1.7f, -1.7f });
        CollectionAssert.AreEqual(new[] { 1, -1 }, Run(tf.cast(x, tf.int32)).ToArray<int>());
        CollectionAssert.AreEqual(new[] { 1.0, 0.0 }, Run(tf.cast(tf.constant(new[] { true, false }), tf.float64)).ToArray<double>());
    }

    [TestMethod]
    public void Reductions_AxesAndKeepdims()
    {
        var x = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        AssertClose(21, Run(tf.reduce_sum(x)));
        AssertClose(new double[] { 5, 7, 9 }, Run(tf.reduce_sum(x, 0)));
        AssertClose(new double[] { 2, 5 }, Run(tf.reduce_mean(x, 1)));
        AssertClose(new double[] { 3, 6 }, Run(tf.reduce_max(x, -1)));
        AssertClose(new double[] { 1, 2, 3 }, Run(tf.reduce_min(x, 0)));
        AssertClose(new double[] { 6, 120 }, Run(tf.reduce_prod(x, 1)));
        AssertShape(new long[] { 2, 1 }, Run(tf.reduce_sum(x, 1, keepdims: true)));
        Assert.AreEqual(new Shape(2, 1), tf.reduce_sum(x, 1, keepdims: true).shape);
        Assert.AreEqual(new Shape(), tf.reduce_sum(x, new[] { 0, 1 }).shape);
        Assert.AreEqual(2, (int)Run(tf.reduce_mean(tf.constant(new[] { 1, 2, 4 }))), "integer mean truncates");
        Assert.IsTrue((bool)Run(tf.reduce_any(x > 5.0)));
        Assert.IsFalse((bool)Run(tf.reduce_all(x > 1.0)));
    }

    [TestMethod]
    public void ArgMaxArgMin_PerAxis()
    {
        var x = tf.constant(new float[,] { { 1, 9, 3 }, { 7, 5, 6 } });
        CollectionAssert.AreEqual(new long[] { 1, 0, 1 }, Run(tf.argmax(x, 0)).ToArray<long>());
        CollectionAssert.AreEqual(new long[] { 1, 0 }, Run(tf.argmax(x, 1)).ToArray<long>());
        CollectionAssert.AreEqual(new long[] { 0, 1 }, Run(tf.argmin(x, 1)).ToArray<long>());
        Assert.AreEqual(tf.int32, tf.argmax(x, 1, output_type: tf.int32).dtype);
    }
}
