using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>np.dot and a.T with NumPy's results, including the no-copy paths min-char-rnn takes per time step.</summary>
[TestClass]
public class DotAndTransposeTests : TestBase
{
    [TestMethod]
    public void Dot_ShapesFollowNumPy()
    {
        var v = np.array(new double[] { 1, 2 });
        var m = np.array(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var dotVector = np.dot(v, m);                            // numpy: array([ 9., 12., 15.])
        AssertShape(new long[] { 3 }, dotVector);
        CollectionAssert.AreEqual(new double[] { 9, 12, 15 }, dotVector.ToArray<double>());
        var matrixVector = np.dot(np.array(new double[,] { { 1, 2 }, { 3, 4 } }), np.array(new double[] { 5, 6 }));
        AssertShape(new long[] { 2 }, matrixVector);
        CollectionAssert.AreEqual(new double[] { 17, 39 }, matrixVector.ToArray<double>());
        var column = np.dot(m, np.array(new double[,] { { 1 }, { 0 }, { -1 } }));
        AssertShape(new long[] { 2, 1 }, column);
        CollectionAssert.AreEqual(new double[] { -2, -2 }, column.ToArray<double>());
        var error = Assert.ThrowsExactly<ValueError>(() => np.dot(m, np.zeros((2, 1))));
        Assert.AreEqual("shapes (2, 3) and (2, 1) not aligned: 3 (dim 1) != 2 (dim 0)", error.Message);
    }

    [TestMethod]
    [DataRow(1, 1)]
    [DataRow(7, 5)]
    [DataRow(100, 100)]
    [DataRow(65, 100)]
    public void Dot_MatrixVector_MatchesTheSumDefinition(int rows, int columns)
    {
        var w = RandomArray(1, rows, columns).astype(np.float64);
        var x = RandomArray(2, columns, 1).astype(np.float64);
        AssertClose(Naive(w, x), np.dot(w, x), rtol: 1e-12, atol: 1e-12);
        // float32 stays float32, as in NumPy.
        var single = np.dot(w.astype(np.float32), x.astype(np.float32));
        Assert.AreEqual(np.float32, single.dtype);
        AssertClose(Naive(w, x), single, rtol: 1e-5, atol: 1e-5);
    }

    [TestMethod]
    [DataRow(3, 2)]
    [DataRow(65, 100)]
    [DataRow(100, 100)]
    public void Dot_TransposedMatrixTimesVector_ReadsTheMatrixWithoutCopying(int rows, int columns)
    {
        var w = RandomArray(3, rows, columns).astype(np.float64);
        var v = RandomArray(4, rows, 1).astype(np.float64);
        var wT = w.T;
        AssertShape(new long[] { columns, rows }, wT);
        var expected = Naive(np.transpose(w).copy(), v);
        AssertClose(expected, np.dot(wT, v), rtol: 1e-12, atol: 1e-12);
        AssertClose(expected, np.dot(w.T, v), rtol: 1e-12, atol: 1e-12);
    }

    [TestMethod]
    public void Transpose_OfAMatrix_HasNumPysValues()
    {
        var m = np.array(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var t = m.T;
        Assert.AreEqual("[[1. 4.]\n [2. 5.]\n [3. 6.]]", t.ToString());
        Assert.AreSame(m, m.T.T, "the transpose of a deferred transpose is the original, as NumPy's view of a view");
        CollectionAssert.AreEqual(new[] { 1, 4, 2, 5, 3, 6 }, np.array(new[,] { { 1, 2, 3 }, { 4, 5, 6 } }).T.ToArray<int>());
    }

    [TestMethod]
    public void Transpose_OfAVector_IsAViewLikeNumPy()
    {
        // numpy: h = np.zeros((3, 1)); h.T[0, 1] = 5 → h[1, 0] == 5.0
        var h = np.zeros((3, 1));
        var hT = h.T;
        AssertShape(new long[] { 1, 3 }, hT);
        hT[0, 1] = 5.0;
        Assert.AreEqual(5.0, h.GetValue<double>(1, 0));
    }

    [TestMethod]
    public void Dot_ColumnTimesRow_IsTheOuterProduct_AddedInPlace()
    {
        var column = np.array(new double[,] { { 1 }, { 2 } });
        var row = np.array(new double[,] { { 3, 4, 5 } });
        var product = np.dot(column, row);
        var target = np.ones((2, 3));
        var alias = target;
        target += np.dot(column, row);
        Assert.AreSame(alias, target);
        CollectionAssert.AreEqual(new double[] { 4, 5, 6, 7, 9, 11 }, target.ToArray<double>());
        target -= np.dot(column, row);
        CollectionAssert.AreEqual(new double[] { 1, 1, 1, 1, 1, 1 }, target.ToArray<double>());
        column[0] = 100.0;   // the product was taken when np.dot was called
        AssertShape(new long[] { 2, 3 }, product);
        CollectionAssert.AreEqual(new double[] { 3, 4, 5, 6, 8, 10 }, product.ToArray<double>());
        var single = np.dot(np.array(new float[,] { { 2 } }), np.array(new float[,] { { 0.5f, 1 } }));
        Assert.AreEqual(np.float32, single.dtype);
        CollectionAssert.AreEqual(new float[] { 1, 2 }, single.ToArray<float>());
        var mixed = np.zeros((2, 3), np.float32);
        mixed += np.dot(column, row);   // float64 product into a float32 array: converted, as NumPy's same-kind add
        CollectionAssert.AreEqual(new float[] { 300, 400, 500, 6, 8, 10 }, mixed.ToArray<float>());
    }

    [TestMethod]
    public void OuterProduct_KeepsItsOperandsValues_WhenTheyAreWrittenLater()
    {
        // The deferred product references its operands' storage (no copy); writes after it must not leak in.
        var column = np.array(new double[,] { { 1 }, { 2 } });
        var row = np.array(new double[,] { { 10 }, { 20 }, { 30 } });
        var product = np.dot(column, row.T);
        var target = np.zeros((2, 3));
        target += np.dot(column, row.T);   // queued on target until it is read
        column[0] = 100;
        row[2] = -1;
        column += 5.0;
        double[] expected = [10, 20, 30, 20, 40, 60];
        CollectionAssert.AreEqual(expected, product.ToArray<double>());
        CollectionAssert.AreEqual(expected, target.ToArray<double>());
        CollectionAssert.AreEqual(new double[] { 105, 7 }, column.ToArray<double>());
        CollectionAssert.AreEqual(new double[] { 10, 20, -1 }, row.ToArray<double>());
    }

    static double[] Naive(NDArray w, NDArray x)
    {
        var (rows, columns) = ((int)w.shape[0], (int)w.shape[1]);
        var result = new double[rows];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                result[i] += w.GetValue<double>(i, j) * x.GetValue<double>(j, 0);
        return result;
    }
}
