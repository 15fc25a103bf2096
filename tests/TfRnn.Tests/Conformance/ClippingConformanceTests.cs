using TfRnn;

namespace TfRnn.Tests.Conformance;

/// <summary>TensorFlow's clip_ops_test expectations (TFX-28, TFX-29).</summary>
[TestClass]
public class ClippingConformanceTests : TestBase
{

    /// <summary>TFX-28: clip_by_norm over all elements and over axes; zero input; its gradient at zero.</summary>
    [TestMethod]
    public void TFX28_ClipByNorm()
    {
        var x = tf.constant(new float[,] { { -3, 0, 0 }, { 4, 0, 0 } });
        AssertClose(new double[] { -2.4, 0, 0, 3.2, 0, 0 }, Run(tf.clip_by_norm(x, 4.0)));
        AssertClose(new double[] { -3, 0, 0, 4, 0, 0 }, Run(tf.clip_by_norm(x, 6.0)));
        AssertClose(new double[] { 0, 0, 0, 0, 0, 0 }, Run(tf.clip_by_norm(tf.zeros(new Shape(2, 3)), 6.0)));
        var y = tf.constant(new float[,] { { -3, 0, 0 }, { 4, 0, 3 } });
        AssertClose(new double[] { -2.4, 0, 0, 3.2, 0, 3.0 }, Run(tf.clip_by_norm(y, 4.0, new[] { 0 })));
        AssertClose(new double[] { -3, 0, 0, 3.2, 0, 2.4 }, Run(tf.clip_by_norm(y, 4.0, new[] { 1 })));
        AssertClose(new double[] { -3, 0, 0, 4, 0, 3 }, Run(tf.clip_by_norm(y, 6.0, new[] { 1 })));
        var zeros = tf.zeros(new Shape(3));
        var grad = tf.gradients(tf.clip_by_norm(zeros, 1.0), zeros)[0]!;
        CollectionAssert.AreEqual(new float[] { 1, 1, 1 }, Run(grad).ToArray<float>(), "exactly 1, no NaN");
    }

    [TestMethod]
    public void TFX28_ClipByValueAndAverageNorm()
    {
        AssertClose(new double[] { -4.4, 2, 3, 4, 4.4, 4.4 },
            Run(tf.clip_by_value(tf.constant(new float[,] { { -5, 2, 3 }, { 4, 5, 6 } }), -4.4, 4.4)));
        var nonFinite = Run(tf.clip_by_value(tf.constant(new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity }), -4.0, 4.0)).ToArray<float>();
        Assert.IsTrue(float.IsNaN(nonFinite[0]));
        CollectionAssert.AreEqual(new float[] { 4, -4 }, nonFinite[1..]);
        var x = tf.constant(new float[,] { { -3, 0, 0 }, { 4, 0, 0 } });
        AssertClose(new double[] { -2.88, 0, 0, 3.84, 0, 0 }, Run(tf.clip_by_average_norm(x, 0.8)));
        AssertClose(new double[] { -3, 0, 0, 4, 0, 0 }, Run(tf.clip_by_average_norm(x, 0.9)));
        AssertClose(Run(tf.clip_by_norm(x, 0.8 * 6)).ToArray<double>(), Run(tf.clip_by_average_norm(x, 0.8)));
    }

    /// <summary>TFX-29: clip_by_global_norm returns the pre-clip norm; nulls pass through; IndexedSlices stay sparse.</summary>
    [TestMethod]
    public void TFX29_ClipByGlobalNorm()
    {
        var t0 = tf.constant(new float[,] { { -2, 0, 0 }, { 4, 0, 0 } });
        var t1 = tf.constant(new float[] { 1, -2 });
        foreach (TensorLike clip in new TensorLike[] { 4.0, tf.constant(4.0f) })
        {
            var (clipped, norm) = tf.clip_by_global_norm(new[] { t0, t1 }, clip);
            using var sess = tf.Session();
            AssertClose(5.0, sess.run(norm));
            AssertClose(new double[] { -1.6, 0, 0, 3.2, 0, 0 }, sess.run(clipped[0]!));
            AssertClose(new double[] { 0.8, -1.6 }, sess.run(clipped[1]!));
        }
        var (withNulls, _) = tf.clip_by_global_norm(new Tensor?[] { t0, null, t1, null }, 4.0);
        Assert.IsNull(withNulls[1]);
        Assert.IsNull(withNulls[3]);
        using (var sess = tf.Session()) AssertClose(new double[] { 0.8, -1.6 }, sess.run(withNulls[2]!));

        var (unchanged, norm6) = tf.clip_by_global_norm(new[] { t0, t1 }, 6.0);
        var (zeros, zeroNorm) = tf.clip_by_global_norm(new[] { tf.zeros(new Shape(2, 3)), tf.zeros(new Shape(2)) }, 6.0);
        using (var sess = tf.Session())
        {
            AssertClose(5.0, sess.run(norm6));
            AssertClose(new double[] { 1, -2 }, sess.run(unchanged[1]!));
            AssertClose(0.0, sess.run(zeroNorm));
            AssertClose(new double[] { 0, 0 }, sess.run(zeros[1]!));
        }
    }

    [TestMethod]
    public void TFX29_IndexedSlicesAndInfiniteNorm()
    {
        var t0 = tf.constant(new float[,] { { -2, 0, 0 }, { 4, 0, 0 } });
        var slices = new IndexedSlices(tf.constant(new float[] { 1, -2 }), tf.constant(new[] { 3, 4 }), tf.constant(new[] { 1 }));
        var (clipped, norm) = tf.clip_by_global_norm(new Gradient[] { t0, slices }, 4.0);
        var sparse = clipped[1].IndexedSlices!;
        Assert.AreSame(slices.indices, sparse.indices);
        Assert.AreSame(slices.dense_shape, sparse.dense_shape);

        var infinite = tf.constant(new float[,] { { float.PositiveInfinity, 0, 0 }, { 4, 0, 0 } });
        var (nan, infNorm) = tf.clip_by_global_norm(new[] { infinite, tf.constant(new float[] { 1, -2 }) }, 4.0);
        using var sess = tf.Session();
        AssertClose(5.0, sess.run(norm));
        AssertClose(new double[] { 0.8, -1.6 }, sess.run(sparse.values));
        Assert.IsTrue(float.IsPositiveInfinity((float)sess.run(infNorm)));
        Assert.IsTrue(sess.run(nan[0]!).ToArray<float>().All(float.IsNaN));
        Assert.IsTrue(sess.run(nan[1]!).ToArray<float>().All(float.IsNaN));
    }
}
