using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>
/// np.dot with a one-hot (mostly zero) vector reads only the nonzero columns, for the product with W and for
/// outer products queued into a gradient. The values are the dense sum's; zero entries are skipped as reference
/// BLAS's DGEMV and DGER skip them.
/// </summary>
[TestClass]
public class SparseProductTests : TestBase
{
    [TestMethod]
    [DataRow(new[] { 3 })]
    [DataRow(new[] { 0, 75 })]
    [DataRow(new int[0])]
    [DataRow(new[] { 7, 8, 71 })]   // beside and at the boundaries of vector-sized chunks
    public void MatrixTimesOneHot_IsTheSumOfTheSelectedColumns(int[] hot)
    {
        var w = RandomArray(1, 100, 76).astype(np.float64);
        var x = np.zeros((76, 1));
        foreach (int i in hot) x[i] = 0.5 + i;
        var y = np.dot(w, x);
        AssertShape(new long[] { 100, 1 }, y);
        var expected = Enumerable.Range(0, 100).Select(r => hot.Sum(i => w.GetValue<double>(r, i) * (0.5 + i))).ToArray();
        AssertClose(expected, y, rtol: 1e-14, atol: 1e-14);
        if (hot.Length == 1)   // one nonzero: exactly the column times the entry, as the dense sum gives
            CollectionAssert.AreEqual(expected, y.ToArray<double>());
    }

    [TestMethod]
    public void ZeroEntries_AreSkipped_SoAnInfiniteWeightBesideThemStaysOut()
    {
        var w = np.ones((4, 16));
        w[0, 5] = double.PositiveInfinity;
        var x = np.zeros((16, 1));
        x[2] = 2.0;
        CollectionAssert.AreEqual(new double[] { 2, 2, 2, 2 }, np.dot(w, x).ToArray<double>());
    }

    [TestMethod]
    public void OuterProductsWithOneHotRows_AccumulateAsTheDenseLoopDoes()
    {
        // dWxh += np.dot(dhraw, xs[t].T) over a sequence, into fresh zeros and into existing values.
        var rng = new Random(3);
        foreach (var start in new[] { np.zeros((100, 76)), np.ones((100, 76)) })
        {
            var target = start;
            var expected = start.ToArray<double>();
            for (int t = 0; t < 25; t++)
            {
                var column = RandomArray(10 + t, 100, 1).astype(np.float64);
                var row = np.zeros((76, 1));
                int ix = rng.Next(76);
                row[ix] = 1.0;
                target += np.dot(column, row.T);
                for (int r = 0; r < 100; r++) expected[r * 76 + ix] += column.GetValue<double>(r, 0);
            }
            CollectionAssert.AreEqual(expected, target.ToArray<double>());
        }
    }

    [TestMethod]
    [DataRow(7, 100, 9)]
    [DataRow(3, 5, 9)]
    [DataRow(100, 76, 9)]    // large enough to be applied half on each core
    [DataRow(101, 100, 25)]  // min-char-rnn's dWhh, with an odd row count
    public void QueuedDenseOuterProducts_MatchTheNaiveSum(int rows, int columns, int products)
    {
        var target = RandomArray(1, rows, columns).astype(np.float64);
        var expected = target.ToArray<double>();
        for (int t = 0; t < products; t++)
        {
            var column = RandomArray(20 + t, rows, 1).astype(np.float64);
            var row = RandomArray(40 + t, columns, 1).astype(np.float64);
            target += np.dot(column, row.T);
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++)
                    expected[r * columns + c] += column.GetValue<double>(r, 0) * row.GetValue<double>(c, 0);
        }
        CollectionAssert.AreEqual(expected, target.ToArray<double>());
    }
}
