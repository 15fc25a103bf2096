using TfRnn;

namespace TfRnn.Tests.Ops;

[TestClass]
public class RandomOpsTests : TestBase
{
    static float[] Draw(int graphSeed, Func<Tensor> build)
    {
        var g = tf.Graph();
        using (g.as_default())
        {
            tf.set_random_seed(graphSeed);
            var t = build();
            using var sess = tf.Session(g);
            return sess.run(t).ToArray<float>();
        }
    }

    [TestMethod]
    public void SeededGraphs_RepeatTheirNumbers()
    {
        var a = Draw(3, () => tf.random_normal(new Shape(100)));
        var b = Draw(3, () => tf.random_normal(new Shape(100)));
        var c = Draw(4, () => tf.random_normal(new Shape(100)));
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
    }

    [TestMethod]
    public void EachRun_DrawsNewNumbers()
    {
        tf.set_random_seed(5);
        var r = tf.random_uniform(new Shape(10));
        using var sess = tf.Session();
        CollectionAssert.AreNotEqual(sess.run(r).ToArray<float>(), sess.run(r).ToArray<float>());
    }

    [TestMethod]
    public void Distributions_HaveTheirMomentsAndBounds()
    {
        tf.set_random_seed(11);
        var normal = tf.random_normal(new Shape(20000), mean: 2.0, stddev: 3.0);
        var uniform = tf.random_uniform(new Shape(20000), minval: -1.0, maxval: 5.0);
        var truncated = tf.truncated_normal(new Shape(20000), stddev: 0.5);
        using var sess = tf.Session();
        var n = sess.run(normal).ToArray<float>();
        var u = sess.run(uniform).ToArray<float>();
        var t = sess.run(truncated).ToArray<float>();
        Assert.AreEqual(2.0, n.Average(), 0.1);
        Assert.AreEqual(3.0, Math.Sqrt(n.Select(v => (v - 2.0) * (v - 2.0)).Average()), 0.1);
        Assert.IsTrue(u.All(v => v >= -1 && v < 5));
        Assert.AreEqual(2.0, u.Average(), 0.1);
        Assert.IsTrue(t.All(v => Math.Abs(v) <= 1.0), "truncated at two standard deviations");
    }

    [TestMethod]
    public void RandomInteger_UniformStaysInRange()
    {
        var r = tf.random_uniform(new Shape(1000), minval: 3, maxval: 7, dtype: tf.int32, seed: 1);
        using var sess = tf.Session();
        var values = sess.run(r).ToArray<int>();
        Assert.IsTrue(values.All(v => v >= 3 && v < 7));
        CollectionAssert.AreEquivalent(new[] { 3, 4, 5, 6 }, values.Distinct().ToArray());
    }
}
