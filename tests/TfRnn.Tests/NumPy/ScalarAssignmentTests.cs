using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>a[i] = scalar and a[i] reads, with NumPy's casts: min-char-rnn's `xs[t][ix] = 1` and `dy[target] -= 1`.</summary>
[TestClass]
public class ScalarAssignmentTests : TestBase
{
    [TestMethod]
    public void ScalarIntoARow_IsCastToTheArraysDtype_AndBroadcast()
    {
        var x = np.zeros((4, 1));
        x[2] = 1;                                   // numpy: int 1 into float64 is 1.0
        CollectionAssert.AreEqual(new double[] { 0, 0, 1, 0 }, x.ToArray<double>());
        var m = np.zeros((2, 3));
        m[1] = 2.5;                                 // broadcast over the row
        m[-2, 1] = 7L;
        CollectionAssert.AreEqual(new double[] { 0, 7, 0, 2.5, 2.5, 2.5 }, m.ToArray<double>());
        var f = np.zeros(new Shape(2), np.float32);
        f[0] = 0.1;                                 // numpy: rounded to the nearest float32
        f[1] = 16777217L;                           // int64 into float32: one rounding, to 16777216
        CollectionAssert.AreEqual(new float[] { 0.1f, 16777216f }, f.ToArray<float>());
        var i = np.zeros(new Shape(2), np.int32);
        i[0] = 2.9;                                 // numpy: truncated toward zero
        i[1] = -2.9;
        CollectionAssert.AreEqual(new[] { 2, -2 }, i.ToArray<int>());
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => x[4] = 1);
    }

    [TestMethod]
    public void IndexedRead_IsACopy_WithTheRemainingShape()
    {
        var p = np.array(new double[,] { { 0.25, 0.75 }, { 0.5, 0.5 } });
        var row = p[1];
        AssertShape(new long[] { 2 }, row);
        Assert.AreEqual(0.75, (double)p[0, 1]);
        Assert.AreEqual(0, p[0, 1].ndim);
        var dy = np.copy(p);
        dy[1] -= 1;                                 // the gist's dy[targets[t]] -= 1
        CollectionAssert.AreEqual(new double[] { 0.25, 0.75, -0.5, -0.5 }, dy.ToArray<double>());
        CollectionAssert.AreEqual(new double[] { 0.5, 0.5 }, row.ToArray<double>(), "a read does not follow later writes");
        Assert.AreEqual(0.5f, (float)np.array(new float[] { 0.5f, 1 })[0]);
    }
}
