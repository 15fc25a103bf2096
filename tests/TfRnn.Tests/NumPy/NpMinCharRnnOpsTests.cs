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
