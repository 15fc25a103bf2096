using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>numpy's indexing, each expectation from NumPy's indexing guide on <c>np.arange(…).reshape(…)</c>.</summary>
[TestClass]
public class NDArraySlicingTests : TestBase
{
    static NDArray Arange(int n, params int[] shape) => np.arange(n).reshape(shape);

    [TestMethod]
    public void RangeSlices_SelectRowsAndColumns()
    {
        var a = Arange(12, 3, 4);
        // a[:2] → [[0 1 2 3] [4 5 6 7]]
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, a[..2].ToArray<long>());
        AssertShape(new long[] { 2, 4 }, a[..2]);
        // a[:, 1:3] → [[1 2] [5 6] [9 10]]
        CollectionAssert.AreEqual(new long[] { 1, 2, 5, 6, 9, 10 }, a[.., 1..3].ToArray<long>());
        // a[-1] → [8 9 10 11]; a[1:, -1] → [7 11]
        CollectionAssert.AreEqual(new long[] { 8, 9, 10, 11 }, a[^1].ToArray<long>());
        CollectionAssert.AreEqual(new long[] { 7, 11 }, a[1.., ^1].ToArray<long>());
        AssertShape(new long[] { 2 }, a[1.., ^1]);
        // a[5:] on 3 rows is empty, as numpy's out-of-range slices are.
        Assert.AreEqual(0L, np.arange(4)[2..2].size);
    }

    [TestMethod]
    public void SliceAssignment_WritesThroughAndBroadcasts()
    {
        var a = np.zeros(new Shape(3, 4), np.int64);
        a[.., 1..3] = np.array(new long[] { 7, 8 });       // a row broadcast to every selected row
        a[^1] = np.array(9L);
        CollectionAssert.AreEqual(new long[] { 0, 7, 8, 0, 0, 7, 8, 0, 9, 9, 9, 9 }, a.ToArray<long>());
        Assert.ThrowsExactly<ValueError>(() => a[..2] = np.array(new long[] { 1, 2, 3 }));
    }

    [TestMethod]
    public void IntegerArrayIndex_TakesRowsInOrder()
    {
        var a = Arange(12, 3, 4);
        // a[[2, 0]] → [[8 9 10 11] [0 1 2 3]]; a[:, [3, 0]] → [[3 0] [7 4] [11 8]]
        CollectionAssert.AreEqual(new long[] { 8, 9, 10, 11, 0, 1, 2, 3 }, a[np.array(new[] { 2, 0 })].ToArray<long>());
        CollectionAssert.AreEqual(new long[] { 3, 0, 7, 4, 11, 8 }, a[.., np.array(new[] { 3, -4 })].ToArray<long>());
        // x[np.array([[1, 1], [2, 0]])] on x = arange(10, 1, -1) gives [[9 9] [8 10]] (NumPy indexing guide).
        var x = np.arange(10, 1, -1);
        var taken = x[np.array(new[,] { { 1, 1 }, { 2, 0 } })];
        AssertShape(new long[] { 2, 2 }, taken);
        CollectionAssert.AreEqual(new long[] { 9, 9, 8, 10 }, taken.ToArray<long>());
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => a[np.array(new[] { 3 })]);
    }

    [TestMethod]
    public void IntegerAndArrayIndices_SeparatedBySlice_PutArrayDimsFirst()
    {
        var a = Arange(24, 2, 3, 4);
        // a[0, :, [1, 2]].shape is (2, 3) in numpy; a[:, 0, [1, 2]] (adjacent) is (2, 2).
        var separated = a[0, .., np.array(new[] { 1, 2 })];
        AssertShape(new long[] { 2, 3 }, separated);
        CollectionAssert.AreEqual(new long[] { 1, 5, 9, 2, 6, 10 }, separated.ToArray<long>());
        var adjacent = a[.., 0, np.array(new[] { 1, 2 })];
        AssertShape(new long[] { 2, 2 }, adjacent);
        CollectionAssert.AreEqual(new long[] { 1, 2, 13, 14 }, adjacent.ToArray<long>());
    }

    [TestMethod]
    public void BooleanIndex_SelectsAndAssigns()
    {
        // x = arange(35).reshape(5, 7); b = x > 20; x[b] → [21 … 34]; x[b[:, 5]] → rows 3 and 4.
        var x = Arange(35, 5, 7);
        var b = x > 20;
        CollectionAssert.AreEqual(Enumerable.Range(21, 14).Select(v => (long)v).ToArray(), x[b].ToArray<long>());
        var rows = x[b[.., 5]];
        AssertShape(new long[] { 2, 7 }, rows);
        Assert.AreEqual(21L, rows.GetValue<long>(0, 0));
        // a[a < 0] = 0 (the clipping idiom).
        var a = np.array(new[] { -1.5, 2.0, -3.0 });
        a[a < 0] = np.array(0.0);
        CollectionAssert.AreEqual(new[] { 0.0, 2.0, 0.0 }, a.ToArray<double>());
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => x[new[] { true, false }]);
    }

    [TestMethod]
    public void Squeeze_DropsUnitAxes()
    {
        var a = np.zeros(new Shape(1, 3, 1));
        AssertShape(new long[] { 3 }, np.squeeze(a));
        AssertShape(new long[] { 3, 1 }, np.squeeze(a, axis: 0));
        AssertShape(new long[] { 1, 3 }, np.squeeze(a, axis: -1));
        Assert.ThrowsExactly<ValueError>(() => np.squeeze(a, axis: 1));
    }

    [TestMethod]
    public void Argsort_MatchesNumPyDocs()
    {
        // np.argsort([3, 1, 2]) → [1 2 0]; np.argsort([[0, 3], [2, 2]], axis=0) → [[0 1] [1 0]], axis=1 → [[0 1] [0 1]].
        CollectionAssert.AreEqual(new long[] { 1, 2, 0 }, np.argsort(np.array(new[] { 3, 1, 2 })).ToArray<long>());
        var x = np.array(new[,] { { 0, 3 }, { 2, 2 } });
        CollectionAssert.AreEqual(new long[] { 0, 1, 1, 0 }, np.argsort(x, axis: 0).ToArray<long>());
        CollectionAssert.AreEqual(new long[] { 0, 1, 0, 1 }, np.argsort(x, axis: 1).ToArray<long>());
        CollectionAssert.AreEqual(new long[] { 1, 0 }, np.argsort(np.array(new[] { double.NaN, 1.0 })).ToArray<long>());
    }

    [TestMethod]
    public void ShuffleAndPermutation_ReorderRowsAsAPermutation()
    {
        np.random.seed(3);
        var rows = Arange(10, 5, 2);
        np.random.shuffle(rows);
        var firsts = Enumerable.Range(0, 5).Select(i => rows.GetValue<long>(i, 0)).ToArray();
        CollectionAssert.AreEquivalent(new long[] { 0, 2, 4, 6, 8 }, firsts);
        for (int i = 0; i < 5; i++) Assert.AreEqual(firsts[i] + 1, rows.GetValue<long>(i, 1));   // rows stay whole
        var p = np.random.permutation(10).ToArray<long>();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 10).Select(v => (long)v).ToArray(), p);
        var source = np.array(new[] { 1.0, 2.0, 3.0 });
        var shuffled = np.random.permutation(source);
        CollectionAssert.AreEquivalent(new[] { 1.0, 2.0, 3.0 }, shuffled.ToArray<double>());
        CollectionAssert.AreEqual(new[] { 1.0, 2.0, 3.0 }, source.ToArray<double>());   // permutation copies
        np.random.seed(3);
        var again = Arange(10, 5, 2);
        np.random.shuffle(again);
        CollectionAssert.AreEqual(rows.ToArray<long>(), again.ToArray<long>());   // seeded: repeatable
    }

    /// <summary>char-rnn's sampling lines as docs/PORTING.md spells them: top-k by argsort and a weighted pick.</summary>
    [TestMethod]
    public void PortingTableSamplingIdioms_GiveNumPysResults()
    {
        var p = np.array(new[] { 0.1, 0.4, 0.2, 0.3 });
        // np.argsort(p)[-2:] → [3 1]
        CollectionAssert.AreEqual(new long[] { 3, 1 }, np.argsort(p)[^2..].ToArray<long>());
        var t = np.cumsum(p);
        var s = np.sum(p);
        np.random.seed(5);
        int pick = np.searchsorted(t, (double)(np.random.rand(1) * s));
        Assert.IsTrue(pick >= 0 && pick < 4);
        // np.searchsorted([0.1, 0.5, 0.7, 1.0], 0.45) → 1
        Assert.AreEqual(1, np.searchsorted(t, 0.45));
    }

    /// <summary>numpy prints the shortest repr that round-trips at the array's precision: np.float32(0.48) is 0.48.</summary>
    [TestMethod]
    public void Repr_ShortestRoundTripFloats()
    {
        Assert.AreEqual("0.48", np.array(0.48f).ToString());
        Assert.AreEqual("[0.1 0.2 0.3]", np.array(new[] { 0.1f, 0.2f, 0.3f }).ToString());
        Assert.AreEqual("0.3", np.array(0.1 + 0.2).ToString());                 // 0.30000000000000004 at 8 decimals
        Assert.AreEqual("[1.  0.5]", np.array(new[] { 1.0f, 0.5f }).ToString());
        Assert.AreEqual("0.33333334", np.array(1f / 3f).ToString());
    }
}
