using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>
/// Copies and results are independent arrays (NumPy semantics), now that storage is copied as spans and
/// results share their operands' (never written) dims arrays.
/// </summary>
[TestClass]
public class ArrayCopyTests
{
    static IEnumerable<object[]> Arrays() =>
    [
        [np.array(new[] { 1.5, -2.0, 3.25 })],
        [np.array(new[] { 1.5f, -2f, 3.25f })],
        [np.array(new[] { 1, -2, 3 })],
        [np.array(new long[] { 1, -2, 3 })],
        [np.array(new[] { true, false, true })],
    ];

    [TestMethod]
    [DynamicData(nameof(Arrays))]
    public void Copy_EqualValuesIndependentStorage(NDArray original)
    {
        var before = original.ToArray<double>();
        var copy = np.copy(original);
        Assert.AreEqual(original.dtype, copy.dtype);
        CollectionAssert.AreEqual(original.shape.dims, copy.shape.dims);
        CollectionAssert.AreEqual(before, copy.ToArray<double>());
        copy[0] = 0;
        Assert.AreEqual(0.0, copy.ToArray<double>()[0]);
        CollectionAssert.AreEqual(before, original.ToArray<double>(), "writing the copy changed the original");
    }

    [TestMethod]
    public void Copy_OfStrings_IsIndependent()
    {
        var original = np.array(new[] { "a", "b" });
        var copy = np.copy(original);
        CollectionAssert.AreEqual(new[] { "a", "b" }, copy.ToArray<string>());
        Assert.AreNotSame(original.Storage, copy.Storage);
    }

    [TestMethod]
    public void ElementwiseResult_ReshapedOrWritten_LeavesOperandAlone()
    {
        var a = np.array(new double[,] { { 1, 2 }, { 3, 4 } });
        var sum = a + 1.0;
        var reshaped = sum.reshape(4);
        sum[0, 0] = 100;
        CollectionAssert.AreEqual(new long[] { 2, 2 }, a.shape.dims);
        CollectionAssert.AreEqual(new long[] { 4 }, reshaped.shape.dims);
        CollectionAssert.AreEqual(new[] { 1.0, 2, 3, 4 }, a.ToArray<double>());
        CollectionAssert.AreEqual(new[] { 100.0, 3, 4, 5 }, sum.ToArray<double>());
    }

    [TestMethod]
    public void ToArray_IsACopy()
    {
        var a = np.array(new[] { 1.0, 2.0 });
        var values = a.ToArray<double>();
        values[0] = 9;
        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, a.ToArray<double>());
    }
}
