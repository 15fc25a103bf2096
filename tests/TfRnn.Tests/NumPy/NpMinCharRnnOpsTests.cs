using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>The remaining np calls min-char-rnn makes, with NumPy's results: creation, scalar-left arithmetic, choice over a range.</summary>
[TestClass]
public class NpMinCharRnnOpsTests : TestBase
{
    [TestMethod]
    public void ZerosOnesAndLikes_HaveNumPysShapesAndDtypes()
    {
        var z = np.zeros((2, 3));                     // numpy: float64 by default
        Assert.AreEqual(np.float64, z.dtype);
        AssertShape(new long[] { 2, 3 }, z);
        CollectionAssert.AreEqual(new double[6], z.ToArray<double>());
        CollectionAssert.AreEqual(new[] { 1, 1 }, np.ones(2, np.int32).ToArray<int>());
        var like = np.zeros_like(np.array(new float[,] { { 1, 2 } }));
        Assert.AreEqual(np.float32, like.dtype);
        AssertShape(new long[] { 1, 2 }, like);
        CollectionAssert.AreEqual(new long[] { 1, 1, 1 }, np.ones_like(np.arange(3)).ToArray<long>());
        Assert.AreEqual(np.float32, np.ones(new Shape(1), np.float32).dtype);
        CollectionAssert.AreEqual(new[] { true, true }, np.ones(2, tf.@bool).ToArray<bool>());
    }

    [TestMethod]
    public void ScalarOnTheLeft_SubtractsAndDivides()
    {
        var h = np.array(new double[] { 0.5, -2, 4 });
        CollectionAssert.AreEqual(new double[] { 0.75, -3, -15 }, (1 - h * h).ToArray<double>());   // 1 - h*h of tanh's backward pass
        CollectionAssert.AreEqual(new double[] { 2, -0.5, 0.25 }, (1 / h).ToArray<double>());
        CollectionAssert.AreEqual(new float[] { 0.5f, 3 }, (1.0 - np.array(new float[] { 0.5f, -2 })).ToArray<float>());
    }

    [TestMethod]
    public void Choice_OverASequence_ReturnsItsElements()
    {
        np.random.seed(3);
        // numpy: np.random.choice(range(3), p=[0, 1, 0]) is always 1
        Assert.AreEqual(1, np.random.choice(Enumerable.Range(0, 3), p: np.array(new double[] { 0, 1, 0 })));
        Assert.AreEqual("c", np.random.choice(new[] { "a", "b", "c" }, p: np.array(new double[] { 0, 0, 1 })));
        var seen = Enumerable.Range(0, 200).Select(_ => np.random.choice(new[] { 10, 20 })).Distinct().Order().ToArray();
        CollectionAssert.AreEqual(new[] { 10, 20 }, seen, "uniform without p");
        Assert.ThrowsExactly<ValueError>(() => np.random.choice(Array.Empty<int>()));
        Assert.ThrowsExactly<ValueError>(() => np.random.choice(Enumerable.Range(0, 3), p: np.array(new double[] { 0.5, 0.5 })));
    }
}

[TestClass]
public class NpTanhAndQueuedOuterTests : TestBase
{
    [TestMethod]
    public void Tanh_Float64_MatchesMathTanhToAnUlpOrTwo()
    {
        // Both branches (|x| < 0.625 and above), the switch point, saturation, and a tail shorter than a vector.
        var values = new List<double> { 0, 1e-300, -1e-8, 0.1, 0.624999, 0.625, -0.625, 0.7, 3, -20, 710, -1e308 };
        for (int i = -300; i <= 300; i++) values.Add(i / 37.0);
        var result = np.tanh(np.array(values.ToArray())).ToArray<double>();
        for (int i = 0; i < values.Count; i++)
        {
            double expected = Math.Tanh(values[i]);
            Assert.IsTrue(Math.Abs(result[i] - expected) <= 2 * Math.BitIncrement(Math.Abs(expected)) - 2 * Math.Abs(expected) + double.Epsilon,
                $"tanh({values[i]:R}) = {result[i]:R}, expected {expected:R}");
        }
        Assert.IsTrue(double.IsNaN(np.tanh(np.array(new[] { double.NaN, 1, 2, 3, 4 })).GetValue<double>(0)));
        Assert.IsTrue(double.IsNegative(np.tanh(np.array(new[] { -0.0, 0, 0, 0, -0.0 })).GetValue<double>(4)), "tanh(-0) is -0");
    }

    [TestMethod]
    public void OuterProductsAddedInALoop_ArriveBeforeTheNextRead()
    {
        // The gist's `dWhy += np.dot(dy, hs[t].T)` over several steps; dWhy is read once afterwards.
        var columns = new[] { new double[] { 1, 2 }, new double[] { -3, 0.5 }, new double[] { 4, 4 } };
        var rows = new[] { new double[] { 1, 0, 2 }, new double[] { 2, 2, 2 }, new double[] { 0.25, -1, 0 } };
        var dW = np.zeros((2, 3));
        var expected = new double[6];
        for (int t = 0; t < 3; t++)
        {
            dW += np.dot(np.array(columns[t]).reshape(2, 1), np.array(rows[t]).reshape(1, 3));
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 3; j++) expected[i * 3 + j] += columns[t][i] * rows[t][j];
        }
        CollectionAssert.AreEqual(expected, dW.ToArray<double>());
        dW -= np.dot(np.array(columns[0]).reshape(2, 1), np.array(rows[0]).reshape(1, 3));
        Assert.AreEqual(expected[5] - 4, dW.GetValue<double>(1, 2));
        // A view shares storage, so additions into it (or its base) apply at once and both see them.
        var flat = dW.reshape(-1);
        dW += np.dot(np.ones((2, 1)), np.ones((1, 3)));
        Assert.AreEqual(expected[5] - 3, flat.GetValue<double>(5));
        // Many additions without a read stay bounded and exact.
        var many = np.zeros((3, 1));
        for (int t = 0; t < 1000; t++) many += np.dot(np.ones((3, 1)), np.ones((1, 1)));
        CollectionAssert.AreEqual(new double[] { 1000, 1000, 1000 }, many.ToArray<double>());
    }
}
