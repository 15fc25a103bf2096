using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>A C# number beside an array follows NumPy's scalar casting, with or without the number-as-number fast path.</summary>
[TestClass]
public class NumberOperandTests
{
    [TestMethod]
    public void NumberBesideFloat64_GivesNumPysValues()
    {
        var h = np.array(new[] { 0.5, -2.0, double.NaN });
        CollectionAssert.AreEqual(new[] { 0.75, -3.0, double.NaN }, (1 - h * h).ToArray<double>());
        CollectionAssert.AreEqual(new[] { 2.5, 0.0, double.NaN }, (h + 2).ToArray<double>());
        CollectionAssert.AreEqual(new[] { 4.0, -1.0, double.NaN }, (2 / h).ToArray<double>());
        CollectionAssert.AreEqual(new[] { 0.25, -1.0, double.NaN }, (h / 2).ToArray<double>());
        CollectionAssert.AreEqual(new[] { -0.5, 2.0, double.NaN }, (-h).ToArray<double>());
    }

    [TestMethod]
    public void NumberBesideFloat32_StaysFloat32()
    {
        var x = np.array(new[] { 1.5f, -0.25f });
        var r = 0.1 * x;
        Assert.AreEqual(np.float32, r.dtype);
        CollectionAssert.AreEqual(new[] { 0.1f * 1.5f, 0.1f * -0.25f }, r.ToArray<float>());
        Assert.AreEqual(np.float32, (x - 1).dtype);
    }

    [TestMethod]
    public void NumberBesideIntegers_PromotesToFloat64()
    {
        var i = np.array(new[] { 1, 2 });
        var r = i * 0.5;
        Assert.AreEqual(np.float64, r.dtype);
        CollectionAssert.AreEqual(new[] { 0.5, 1.0 }, r.ToArray<double>());
    }

    [TestMethod]
    public void NumberBesideLargeArray_IsLazyAndEqual()
    {
        var big = np.arange(0, 3000, 1, np.float64);
        var expected = big.ToArray<double>().Select(v => 1 - v).ToArray();
        CollectionAssert.AreEqual(expected, (1 - big).ToArray<double>());
    }

    [TestMethod]
    public void IntegerIndexers_TakeSpansAndArrays()
    {
        var a = np.zeros((3, 2));
        Assert.AreEqual(np.float64, a.dtype);
        CollectionAssert.AreEqual(new long[] { 3, 2 }, a.shape.dims);
        a[1] = 4;
        a[2, 1] = 7;
        int[] index = [2, 1];
        Assert.AreEqual(7.0, (double)a[index]);
        CollectionAssert.AreEqual(new long[] { 2 }, a[1].shape.dims);
        CollectionAssert.AreEqual(new[] { 0.0, 0, 4, 4, 0, 7 }, a.ToArray<double>());
        Assert.AreEqual(4.0, a.GetValue<double>(1, 0));
        Assert.ThrowsExactly<ValueError>(() => a[0] = np.array(new[] { 1.0, 2.0, 3.0 }));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => _ = a[3]);
    }
}
