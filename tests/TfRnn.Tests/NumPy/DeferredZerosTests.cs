using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>Matrix-sized np.zeros / np.zeros_like (written lazily) behave as NumPy's zero arrays in every use.</summary>
[TestClass]
public class DeferredZerosTests : TestBase
{
    [TestMethod]
    public void LargeZeros_ReadAsZeros_InEveryUse()
    {
        var z = np.zeros((40, 50));
        Assert.AreEqual(np.float64, z.dtype);
        AssertShape(new long[] { 40, 50 }, z);
        Assert.AreEqual(2000L, z.size);
        CollectionAssert.AreEqual(new double[2000], z.ToArray<double>());
        var like = np.zeros_like(np.ones((50, 40), np.float32));
        Assert.AreEqual(np.float32, like.dtype);
        AssertShape(new long[] { 40, 50 }, like.T);
        Assert.AreEqual(0f, like.T.GetValue<float>(39, 49));
        var added = np.zeros((40, 50));
        added += 2;
        Assert.AreEqual(4000.0, (double)np.sum(added));
        var indexed = np.zeros((40, 50));
        indexed[3] = 1;
        Assert.AreEqual(50.0, (double)np.sum(indexed));
        Assert.AreEqual(0.0, (double)np.sum(np.dot(np.zeros((40, 50)), np.ones((50, 1)))));
    }

    [TestMethod]
    public void OuterProductsIntoFreshZeros_AreTheirSum_BitForBit()
    {
        // The gist's dW = zeros_like(W); dW += np.dot(dh, h.T) per step; also −= and a read between steps.
        var rng = new Random(7);
        double[] Vector(int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var columns = Enumerable.Range(0, 5).Select(_ => Vector(37)).ToArray();
        var rows = Enumerable.Range(0, 5).Select(_ => Vector(53)).ToArray();
        var dW = np.zeros_like(np.ones((37, 53)));
        var expected = new double[37 * 53];
        for (int t = 0; t < 5; t++)
        {
            var product = np.dot(np.array(columns[t]).reshape(37, 1), np.array(rows[t]).reshape(1, 53));
            if (t == 1) dW -= product; else dW += product;
            for (int i = 0; i < 37; i++)
                for (int j = 0; j < 53; j++) expected[i * 53 + j] += (t == 1 ? -1 : 1) * (columns[t][i] * rows[t][j]);
            if (t == 2) Assert.AreEqual(expected[100], dW.GetValue<double>(1, 47));
        }
        CollectionAssert.AreEqual(expected, dW.ToArray<double>());
    }
}
