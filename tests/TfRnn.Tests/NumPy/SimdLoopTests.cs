using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>np's elementwise loops at every length around the vector width, in place and not: NumPy's values.</summary>
[TestClass]
public class SimdLoopTests : TestBase
{
    [TestMethod]
    public void UnaryFunctions_AtEveryShortLength_MatchTheMathLibrary()
    {
        for (int n = 1; n <= 37; n++)
        {
            var x = np.abs(RandomArray(n, n).astype(np.float64)) + 0.01;
            var v = x.ToArray<double>();
            AssertClose(v.Select(e => Math.Exp(e)).ToArray(), np.exp(x), rtol: 1e-15, atol: 0, $"exp n={n}");
            AssertClose(v.Select(e => Math.Log(e)).ToArray(), np.log(x), rtol: 1e-15, atol: 1e-16, $"log n={n}");
            CollectionAssert.AreEqual(v.Select(e => Math.Sqrt(e)).ToArray(), np.sqrt(x).ToArray<double>(), $"sqrt n={n}");
            CollectionAssert.AreEqual(v.Select(e => -e).ToArray(), (-x).ToArray<double>(), $"negate n={n}");
            AssertClose(v.Sum(), np.sum(x), rtol: 1e-14, atol: 0);
        }
    }

    [TestMethod]
    public void BinaryOperators_InPlace_AtEveryShortLength_ReadEachElementOnce()
    {
        for (int n = 1; n <= 37; n++)
        {
            var x = RandomArray(n, n).astype(np.float64);
            var v = x.ToArray<double>();
            x += x;               // the loop writes what it reads: the overlapping last vector must use the old values
            x *= 3.0;
            x -= 1.0;
            CollectionAssert.AreEqual(v.Select(e => (e + e) * 3 - 1).ToArray(), x.ToArray<double>(), $"n={n}");
            var y = 2.0 / (1.0 - x);
            CollectionAssert.AreEqual(v.Select(e => 2 / (1 - ((e + e) * 3 - 1))).ToArray(), y.ToArray<double>(), $"n={n}");
        }
    }

    [TestMethod]
    public void Clip_KeepsNaN_AndLimitsEverythingElse()
    {
        var x = np.array(new[] { -9.0, double.NaN, 0.25, 7.0, double.NegativeInfinity, 4.0, -4.0, 5.0, 6.0 });
        np.clip(x, -5, 5, @out: x);
        var clipped = x.ToArray<double>();
        CollectionAssert.AreEqual(new[] { -5.0, 0.25, 5.0, -5.0, 4.0, -4.0, 5.0, 5.0 }, clipped.Where(v => !double.IsNaN(v)).ToArray());
        Assert.IsTrue(double.IsNaN(clipped[1]), "np.clip(nan) is nan");
    }
}
