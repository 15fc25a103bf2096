using TfRnn;

namespace TfRnn.Tests;

/// <summary>Gives every test a fresh default graph and the shared assertion helpers.</summary>
public abstract class TestBase
{
    [TestInitialize]
    public void ResetGraph() => tf.reset_default_graph();

    /// <summary>|actual − expected| ≤ atol + rtol·|expected| elementwise (TF's assertAllClose rule).</summary>
    public static void AssertClose(double[] expected, double[] actual, double rtol = 1e-6, double atol = 1e-6, string? message = null)
    {
        Assert.AreEqual(expected.Length, actual.Length, $"length differs {message}");
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = atol + rtol * Math.Abs(expected[i]);
            Assert.IsTrue(Math.Abs(actual[i] - expected[i]) <= tolerance || double.IsNaN(expected[i]) && double.IsNaN(actual[i]),
                $"element {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance}) {message}");
        }
    }

    public static void AssertClose(double expected, NDArray actual, double rtol = 1e-6, double atol = 1e-6) =>
        AssertClose(new[] { expected }, actual.ToArray<double>(), rtol, atol);

    public static void AssertClose(double[] expected, NDArray actual, double rtol = 1e-6, double atol = 1e-6, string? message = null) =>
        AssertClose(expected, actual.ToArray<double>(), rtol, atol, message);

    /// <summary>Runs <paramref name="t"/> in a fresh session of its graph.</summary>
    public static NDArray Run(Tensor t, params FeedItem[] feeds)
    {
        using var sess = tf.Session(t.graph);
        return sess.run(t, feeds);
    }

    public static void AssertShape(long[] expected, NDArray actual) =>
        CollectionAssert.AreEqual(expected, actual.shape.dims, $"shape {actual.shape}");

    /// <summary>A float32 array of the given shape with values from a fixed seed (repeatable test data).</summary>
    public static NDArray RandomArray(int seed, params int[] shape)
    {
        var rng = new Random(seed);
        var values = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(rng.NextDouble() * 2 - 1);
        return np.array(values).reshape(shape);
    }

    /// <summary>Values of a nested C# array, flattened row-major, for comparisons.</summary>
    public static double[] Flat(Array values) => values.Cast<object>().Select(Convert.ToDouble).ToArray();
}
