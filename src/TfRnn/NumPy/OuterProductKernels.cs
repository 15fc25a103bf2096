using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfRnn;

/// <summary>
/// Queued outer products applied in one pass (min-char-rnn's `dWhy += np.dot(dy, hs[t].T)` for every t):
/// target [m, n] += Σ_t columns[t] ⊗ rows[t]. Every target element takes the products in queue order, the same
/// additions in the same order as applying them one by one, so the result is the one NumPy's eager loop gives.
/// </summary>
internal static class OuterProductKernels
{
    /// <summary>
    /// Applies the first <paramref name="k"/> products. With <paramref name="fromZero"/> the target's old contents
    /// are not read: the sums start from zero. When every row vector is sparse (one-hot inputs:
    /// `dWxh += np.dot(dhraw, xs[t].T)`) only their nonzero columns are touched.
    /// </summary>
    public static void AddOuters<T>(T[] target, T[][] columns, T[][] rows, int k, int m, int n, bool fromZero = false) where T : unmanaged, INumber<T>
    {
        if (target.Length != m * n || columns.Length < k || rows.Length < k) throw new ArgumentException("operand sizes do not match");
        for (int t = 0; t < k; t++)
            if (columns[t].Length != m || rows[t].Length != n) throw new ArgumentException("operand sizes do not match");
        if (TryAddSparseOuters(target, columns, rows, k, m, n, fromZero)) return;
        // Packed operands: column t at packed[t * m], row t at packed[k * m + t * n], so the kernel walks plain
        // offsets instead of loading (and bounds-checking) two arrays per product.
        var packed = ArrayPool<T>.Shared.Rent(k * (m + n));
        for (int t = 0; t < k; t++)
        {
            columns[t].CopyTo(packed, t * m);
            rows[t].CopyTo(packed, k * m + t * n);
        }
        if ((long)k * m * n < SplitMinMultiplies)
            AddRows(target, packed, k, m, n, 0, m, fromZero);
        else
        {
            // Rows are independent: the first half here, the second on the other core (the same sums either way).
            int half = m / 2 / 4 * 4;
            SecondCore.Split(part => AddRows(target, packed, k, m, n, part == 0 ? 0 : half, part == 0 ? half : m, fromZero));
        }
        ArrayPool<T>.Shared.Return(packed);
    }

    /// <summary>Products this large are applied half on each core (min-char-rnn's 25 into [100, 100] take ~10 µs).</summary>
    const long SplitMinMultiplies = 64 * 1024;

    // Target rows [first, last) from the packed operands (first a multiple of four).
    static void AddRows<T>(T[] target, T[] packed, int k, int m, int n, int first, int last, bool fromZero) where T : unmanaged, INumber<T>
    {
        ref T a = ref packed[0];
        ref T b = ref packed[k * m];
        ref T c = ref MemoryMarshal.GetArrayDataReference(target);
        int i = first;
        for (; i + 4 <= last; i += 4) FourRows(ref c, ref a, ref b, k, m, n, i, fromZero);
        for (; i < last; i++) OneRow(ref c, ref a, ref b, k, m, n, i, fromZero);
    }

    // Rows i..i+3 of the target. A block of four rows by four vectors (sixteen sums) stays in registers while it
    // takes all k products: per product four loaded row vectors serve sixteen multiply-adds.
    static void FourRows<T>(ref T c, ref T a, ref T b, int k, int m, int n, int i, bool fromZero) where T : unmanaged, INumber<T>
    {
        int width = Vector<T>.Count, j = 0;
        ref T c0 = ref Unsafe.Add(ref c, i * n);
        ref T c1 = ref Unsafe.Add(ref c0, n);
        ref T c2 = ref Unsafe.Add(ref c1, n);
        ref T c3 = ref Unsafe.Add(ref c2, n);
        for (; j + 4 * width <= n; j += 4 * width)
        {
            var (s00, s01, s02, s03) = Start(ref c0, j, width, fromZero);
            var (s10, s11, s12, s13) = Start(ref c1, j, width, fromZero);
            var (s20, s21, s22, s23) = Start(ref c2, j, width, fromZero);
            var (s30, s31, s32, s33) = Start(ref c3, j, width, fromZero);
            ref T row = ref Unsafe.Add(ref b, j);
            ref T column = ref Unsafe.Add(ref a, i);
            for (int t = 0; t < k; t++, row = ref Unsafe.Add(ref row, n), column = ref Unsafe.Add(ref column, m))
            {
                var r0 = Vector.LoadUnsafe(ref row);
                var r1 = Vector.LoadUnsafe(ref row, (nuint)width);
                var r2 = Vector.LoadUnsafe(ref row, (nuint)(2 * width));
                var r3 = Vector.LoadUnsafe(ref row, (nuint)(3 * width));
                var x = new Vector<T>(column);
                (s00, s01, s02, s03) = (s00 + r0 * x, s01 + r1 * x, s02 + r2 * x, s03 + r3 * x);
                x = new Vector<T>(Unsafe.Add(ref column, 1));
                (s10, s11, s12, s13) = (s10 + r0 * x, s11 + r1 * x, s12 + r2 * x, s13 + r3 * x);
                x = new Vector<T>(Unsafe.Add(ref column, 2));
                (s20, s21, s22, s23) = (s20 + r0 * x, s21 + r1 * x, s22 + r2 * x, s23 + r3 * x);
                x = new Vector<T>(Unsafe.Add(ref column, 3));
                (s30, s31, s32, s33) = (s30 + r0 * x, s31 + r1 * x, s32 + r2 * x, s33 + r3 * x);
            }
            Store(ref c0, j, width, s00, s01, s02, s03);
            Store(ref c1, j, width, s10, s11, s12, s13);
            Store(ref c2, j, width, s20, s21, s22, s23);
            Store(ref c3, j, width, s30, s31, s32, s33);
        }
        for (int r = 0; r < 4; r++) Remainder(ref c, ref a, ref b, k, m, n, i + r, j, fromZero);
    }

    static void OneRow<T>(ref T c, ref T a, ref T b, int k, int m, int n, int i, bool fromZero) where T : unmanaged, INumber<T> =>
        Remainder(ref c, ref a, ref b, k, m, n, i, 0, fromZero);

    // Row i from column j on: a vector at a time, then element by element.
    static void Remainder<T>(ref T c, ref T a, ref T b, int k, int m, int n, int i, int j, bool fromZero) where T : unmanaged, INumber<T>
    {
        int width = Vector<T>.Count;
        ref T target = ref Unsafe.Add(ref c, i * n);
        for (; j + width <= n; j += width)
        {
            var sum = fromZero ? Vector<T>.Zero : Vector.LoadUnsafe(ref target, (nuint)j);
            for (int t = 0; t < k; t++)
                sum += Vector.LoadUnsafe(ref b, (nuint)(t * n + j)) * new Vector<T>(Unsafe.Add(ref a, t * m + i));
            sum.StoreUnsafe(ref target, (nuint)j);
        }
        for (; j < n; j++)
        {
            T sum = fromZero ? T.Zero : Unsafe.Add(ref target, j);
            for (int t = 0; t < k; t++) sum += Unsafe.Add(ref b, t * n + j) * Unsafe.Add(ref a, t * m + i);
            Unsafe.Add(ref target, j) = sum;
        }
    }

    static (Vector<T>, Vector<T>, Vector<T>, Vector<T>) Start<T>(ref T row, int j, int width, bool fromZero) where T : unmanaged, INumber<T> =>
        fromZero
            ? (Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero, Vector<T>.Zero)
            : (Vector.LoadUnsafe(ref row, (nuint)j), Vector.LoadUnsafe(ref row, (nuint)(j + width)),
               Vector.LoadUnsafe(ref row, (nuint)(j + 2 * width)), Vector.LoadUnsafe(ref row, (nuint)(j + 3 * width)));

    static void Store<T>(ref T row, int j, int width, Vector<T> v0, Vector<T> v1, Vector<T> v2, Vector<T> v3) where T : unmanaged, INumber<T>
    {
        v0.StoreUnsafe(ref row, (nuint)j);
        v1.StoreUnsafe(ref row, (nuint)(j + width));
        v2.StoreUnsafe(ref row, (nuint)(j + 2 * width));
        v3.StoreUnsafe(ref row, (nuint)(j + 3 * width));
    }

    // The products whose row vectors are all sparse, applied to their nonzero columns only (in queue order per element).
    [SkipLocalsInit]   // the index buffer is written before it is read
    static bool TryAddSparseOuters<T>(T[] target, T[][] columns, T[][] rows, int k, int m, int n, bool fromZero) where T : unmanaged, INumber<T>
    {
        Span<int> nonZeros = stackalloc int[Math.Min(SparseVector.Limit(n), SparseVector.MaxIndices)];
        for (int t = 0; t < k; t++)
            if (SparseVector.NonZeros<T>(rows[t], nonZeros) < 0) return false;
        if (fromZero) Array.Clear(target);
        for (int t = 0; t < k; t++)
        {
            T[] column = columns[t], row = rows[t];
            int count = SparseVector.NonZeros<T>(row, nonZeros);
            foreach (int p in nonZeros[..count])
            {
                T a = row[p];
                for (int r = 0; r < m; r++) target[r * n + p] += column[r] * a;
            }
        }
        return true;
    }
}
