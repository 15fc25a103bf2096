using TfRnn;

namespace TfRnn.Tests.NumPy;

/// <summary>
/// Large float results are computed lazily and fused into the compound assignment that consumes them
/// (src/TfRnn/NumPy/LazyElementwise.cs). These check that every result still has NumPy's eager values:
/// the same arithmetic, and the operands' values at the time the expression was written, whatever is
/// written into them afterwards.
/// </summary>
[TestClass]
public class LazyElementwiseTests : TestBase
{
    const int Large = 3000;   // above the lazy threshold, and not a multiple of the block or vector size

    static NDArray Values(int seed, int count = Large) => RandomArray(seed, count).astype(np.float64);

    [TestMethod]
    [DataRow(Large)]
    [DataRow(9001)]   // min-char-rnn's size: computed half on each core
    public void AdagradStep_FusedIntoParamAndMemory_EqualsTheEagerArithmetic_BitForBit(int count)
    {
        // min-char-rnn's update: mem += dparam * dparam; param += -learning_rate * dparam / np.sqrt(mem + 1e-8)
        var (param, dparam, mem) = (Values(1, count), Values(2, count), np.abs(Values(3, count)));
        double[] p = param.ToArray<double>(), d = dparam.ToArray<double>(), m = mem.ToArray<double>();
        for (int step = 0; step < 3; step++)
        {
            mem += dparam * dparam;
            param += -0.1 * dparam / np.sqrt(mem + 1e-8);
            for (int i = 0; i < count; i++)
            {
                m[i] += d[i] * d[i];
                p[i] += -0.1 * d[i] / Math.Sqrt(m[i] + 1e-8);
            }
        }
        CollectionAssert.AreEqual(m, mem.ToArray<double>());
        CollectionAssert.AreEqual(p, param.ToArray<double>());
    }

    [TestMethod]
    public void LazyResult_KeepsItsOperandsValues_WhenTheyAreWrittenAfterwards()
    {
        var a = Values(4);
        var before = a.ToArray<double>();
        var doubled = a * 2.0;
        var shifted = np.exp(a) - a;
        // Every way of writing into an array: indexing, element access, slices, compound assignment, out=, shuffle.
        a[0] = 100.0;
        a.SetValue(-7.0, 1);
        a[new NDIndex[] { 10..20 }] = np.zeros(new Shape(10));
        a += 1.0;
        a *= a;
        np.clip(a, -0.5, 0.5, @out: a);
        np.random.shuffle(a);
        CollectionAssert.AreEqual(before.Select(v => v * 2).ToArray(), doubled.ToArray<double>());
        AssertClose(before.Select(v => Math.Exp(v) - v).ToArray(), shifted, rtol: 1e-15, atol: 0);
        Assert.IsTrue(a.ToArray<double>().All(v => v >= -0.5 && v <= 0.5), "the writes themselves landed");
    }

    [TestMethod]
    public void InPlaceUpdate_ThatReadsItsOwnTarget_UsesTheOldValues()
    {
        var x = Values(5);
        var old = x.ToArray<double>();
        var alias = x;
        x += x * 2.0;                 // numpy: every element tripled
        x -= np.sqrt(np.abs(x)) / x;  // reads x (tripled) on the right-hand side
        Assert.AreSame(alias, x);
        var expected = old.Select(v => 3 * v).Select(v => v - Math.Sqrt(Math.Abs(v)) / v).ToArray();
        CollectionAssert.AreEqual(expected, x.ToArray<double>());
    }

    [TestMethod]
    public void Views_SeeEachOthersWrites_AndLazyResultsDoNot()
    {
        // A view made after the lazy result: writing through it reaches the owner, not the result.
        var a = Values(6);
        double first = a.GetValue<double>(0);
        var plusOne = a + 1.0;
        var view = a.reshape(-1, 2);
        view[0, 0] = 5.0;
        Assert.AreEqual(5.0, a.GetValue<double>(0));
        Assert.AreEqual(first + 1, plusOne.GetValue<double>(0));
        // A view made before: the operands share storage, the result is computed at once, still the old values.
        var b = Values(7);
        var bView = b.reshape(-1);
        var bPlusOne = b + 1.0;
        bView[0] = 9.0;
        Assert.AreEqual(9.0, b.GetValue<double>(0));
        Assert.AreEqual(Values(7).GetValue<double>(0) + 1, bPlusOne.GetValue<double>(0));
    }

    [TestMethod]
    public void LongChains_AndFloat32_KeepNumPysValuesAndTypes()
    {
        var a = Values(8);
        var y = a;
        for (int i = 0; i < 20; i++) y = y + 1.0;   // deeper than the lazy limit: operands are computed on the way
        CollectionAssert.AreEqual(a.ToArray<double>().Select(v => Enumerable.Range(0, 20).Aggregate(v, (s, _) => s + 1)).ToArray(), y.ToArray<double>());
        var f = RandomArray(9, Large);
        var g = f * 3.0f - np.tanh(f);
        Assert.AreEqual(np.float32, g.dtype);
        var fv = f.ToArray<float>();
        AssertClose(fv.Select(v => (double)(v * 3f - MathF.Tanh(v))).ToArray(), g, rtol: 1e-6, atol: 1e-6);
        var target = np.zeros(new Shape(Large), np.float32);
        target += f * f;
        CollectionAssert.AreEqual(fv.Select(v => v * v).ToArray(), target.ToArray<float>());
    }

    [TestMethod]
    public void ALazyResult_ReadFromManyThreadsAtOnce_IsOneArray()
    {
        for (int round = 0; round < 20; round++)
        {
            var a = Values(10 + round, round % 2 == 0 ? Large : 9001);   // odd rounds: computed half on each core
            var lazy = np.sqrt(np.abs(a)) * 2.0;
            var seen = new double[8][];
            Parallel.For(0, seen.Length, i => seen[i] = lazy.ToArray<double>());
            var expected = a.ToArray<double>().Select(v => Math.Sqrt(Math.Abs(v)) * 2).ToArray();
            foreach (var values in seen) CollectionAssert.AreEqual(expected, values);
            lazy += 1.0;   // writes land in the one array every reader now sees
            Assert.AreEqual(expected[0] + 1, lazy.GetValue<double>(0));
        }
    }
}
