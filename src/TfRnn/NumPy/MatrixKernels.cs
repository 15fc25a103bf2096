using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfRnn;

/// <summary>
/// Host SIMD kernels for np.dot's vector-sized products (min-char-rnn's [100, 100] x [100, 1] per time step).
/// They work on four rows per pass so each loaded vector of the right-hand side serves four products; at
/// these sizes that is ~3x faster than one <see cref="TensorPrimitives"/> call per row, whose fixed cost
/// dominates 100-element rows.
/// </summary>
internal static class MatrixKernels
{
    /// <summary>y = W·x for row-major W [m, k].</summary>
    public static void MatVec<T>(ReadOnlySpan<T> w, int m, int k, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumber<T>
    {
        if (w.Length < m * k || x.Length < k || y.Length < m) throw new ArgumentException("operand sizes do not match");
        int width = Vector<T>.Count, i = 0;
        ref T xs = ref MemoryMarshal.GetReference(x);
        for (; i + 4 <= m; i += 4)
        {
            var r = new FourRows<T>(w, i, k);
            ref T r0 = ref r.R0, r1 = ref r.R1, r2 = ref r.R2, r3 = ref r.R3;
            // Two sums per row (even and odd vectors of the row): eight independent additions in flight.
            Vector<T> s0 = Vector<T>.Zero, s1 = s0, s2 = s0, s3 = s0, u0 = s0, u1 = s0, u2 = s0, u3 = s0;
            int p = 0;
            for (; p + 2 * width <= k; p += 2 * width)
            {
                var xv = Vector.LoadUnsafe(ref xs, (nuint)p);
                var xw = Vector.LoadUnsafe(ref xs, (nuint)(p + width));
                s0 += Vector.LoadUnsafe(ref r0, (nuint)p) * xv;
                s1 += Vector.LoadUnsafe(ref r1, (nuint)p) * xv;
                s2 += Vector.LoadUnsafe(ref r2, (nuint)p) * xv;
                s3 += Vector.LoadUnsafe(ref r3, (nuint)p) * xv;
                u0 += Vector.LoadUnsafe(ref r0, (nuint)(p + width)) * xw;
                u1 += Vector.LoadUnsafe(ref r1, (nuint)(p + width)) * xw;
                u2 += Vector.LoadUnsafe(ref r2, (nuint)(p + width)) * xw;
                u3 += Vector.LoadUnsafe(ref r3, (nuint)(p + width)) * xw;
            }
            for (; p + width <= k; p += width)
            {
                var xv = Vector.LoadUnsafe(ref xs, (nuint)p);
                s0 += Vector.LoadUnsafe(ref r0, (nuint)p) * xv;
                s1 += Vector.LoadUnsafe(ref r1, (nuint)p) * xv;
                s2 += Vector.LoadUnsafe(ref r2, (nuint)p) * xv;
                s3 += Vector.LoadUnsafe(ref r3, (nuint)p) * xv;
            }
            T t0 = Vector.Sum(s0 + u0), t1 = Vector.Sum(s1 + u1), t2 = Vector.Sum(s2 + u2), t3 = Vector.Sum(s3 + u3);
            for (; p < k; p++)
            {
                T xp = x[p];
                t0 += Unsafe.Add(ref r0, p) * xp;
                t1 += Unsafe.Add(ref r1, p) * xp;
                t2 += Unsafe.Add(ref r2, p) * xp;
                t3 += Unsafe.Add(ref r3, p) * xp;
            }
            (y[i], y[i + 1], y[i + 2], y[i + 3]) = (t0, t1, t2, t3);
        }
        for (; i < m; i++) y[i] = TensorPrimitives.Dot(w.Slice(i * k, k), x[..k]);
    }

    /// <summary>
    /// y = Wᵀ·x for row-major W [k, m]: the rows of W weighted by x and summed. A block of eight vectors of y
    /// stays in registers while every row adds into it, so W is read once, in its own order, and y written once.
    /// </summary>
    public static void MatTVec<T>(ReadOnlySpan<T> w, int k, int m, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumber<T>
    {
        if (w.Length < k * m || x.Length < k || y.Length < m) throw new ArgumentException("operand sizes do not match");
        int width = Vector<T>.Count, j = 0;
        ref T ws = ref MemoryMarshal.GetReference(w);
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        for (; j + 8 * width <= m; j += 8 * width)
        {
            Vector<T> y0 = Vector<T>.Zero, y1 = y0, y2 = y0, y3 = y0, y4 = y0, y5 = y0, y6 = y0, y7 = y0;
            for (int p = 0; p < k; p++)
            {
                ref T row = ref Unsafe.Add(ref ws, p * m + j);
                var a = new Vector<T>(Unsafe.Add(ref xs, p));
                y0 += Vector.LoadUnsafe(ref row) * a;
                y1 += Vector.LoadUnsafe(ref row, (nuint)width) * a;
                y2 += Vector.LoadUnsafe(ref row, (nuint)(2 * width)) * a;
                y3 += Vector.LoadUnsafe(ref row, (nuint)(3 * width)) * a;
                y4 += Vector.LoadUnsafe(ref row, (nuint)(4 * width)) * a;
                y5 += Vector.LoadUnsafe(ref row, (nuint)(5 * width)) * a;
                y6 += Vector.LoadUnsafe(ref row, (nuint)(6 * width)) * a;
                y7 += Vector.LoadUnsafe(ref row, (nuint)(7 * width)) * a;
            }
            Store4(ref ys, j, width, y0, y1, y2, y3);
            Store4(ref ys, j + 4 * width, width, y4, y5, y6, y7);
        }
        for (; j + width <= m; j += width)
        {
            var y0 = Vector<T>.Zero;
            for (int p = 0; p < k; p++)
                y0 += Vector.LoadUnsafe(ref ws, (nuint)(p * m + j)) * new Vector<T>(Unsafe.Add(ref xs, p));
            y0.StoreUnsafe(ref ys, (nuint)j);
        }
        for (; j < m; j++)
        {
            T sum = T.Zero;
            for (int p = 0; p < k; p++) sum += Unsafe.Add(ref ws, p * m + j) * Unsafe.Add(ref xs, p);
            Unsafe.Add(ref ys, j) = sum;
        }
    }

    /// <summary>target [m, n] += column ⊗ row (or −= when <paramref name="subtract"/>): np.outer accumulated in place.</summary>
    public static void AddOuter<T>(Span<T> target, ReadOnlySpan<T> column, ReadOnlySpan<T> row, bool subtract) where T : unmanaged, INumber<T>
    {
        int n = row.Length;
        if (target.Length != column.Length * n) throw new ArgumentException("operand sizes do not match");
        for (int i = 0; i < column.Length; i++)
            AddScaled(row, subtract ? -column[i] : column[i], target.Slice(i * n, n));
    }

    static void Store4<T>(ref T target, int j, int width, Vector<T> v0, Vector<T> v1, Vector<T> v2, Vector<T> v3)
    {
        v0.StoreUnsafe(ref target, (nuint)j);
        v1.StoreUnsafe(ref target, (nuint)(j + width));
        v2.StoreUnsafe(ref target, (nuint)(j + 2 * width));
        v3.StoreUnsafe(ref target, (nuint)(j + 3 * width));
    }

    /// <summary>y = W·x for row-major W [m, k] when x is sparse (see <see cref="SparseVector"/>): only x's nonzero columns of W are read.</summary>
    [SkipLocalsInit]   // the index buffer is written before it is read
    public static bool TrySparseMatVec<T>(ReadOnlySpan<T> w, int m, int k, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumber<T>
    {
        if (w.Length < m * k || x.Length < k || y.Length < m) throw new ArgumentException("operand sizes do not match");
        Span<int> nonZeros = stackalloc int[Math.Min(SparseVector.Limit(k), SparseVector.MaxIndices)];
        int count = SparseVector.NonZeros(x[..k], nonZeros);
        if (count < 0) return false;
        // Column by column into y: each element still sums its products in index order, starting from zero
        // (0 + a is exactly a), and a strided walk down one column costs far less than a row loop per element.
        ref T ws = ref MemoryMarshal.GetReference(w);
        ref T ys = ref MemoryMarshal.GetReference(y);
        for (int c = 0; c < count; c++)
        {
            int p = nonZeros[c];
            T a = x[p];
            ref T column = ref Unsafe.Add(ref ws, p);
            if (c == 0)
                for (int i = 0; i < m; i++) Unsafe.Add(ref ys, i) = T.Zero + Unsafe.Add(ref column, i * k) * a;
            else
                for (int i = 0; i < m; i++) Unsafe.Add(ref ys, i) += Unsafe.Add(ref column, i * k) * a;
        }
        if (count == 0) y[..m].Clear();
        return true;
    }

    /// <summary>y += a·x over equal lengths.</summary>
    public static void AddScaled<T>(ReadOnlySpan<T> x, T a, Span<T> y) where T : unmanaged, INumber<T>
    {
        if (x.Length != y.Length) throw new ArgumentException("operand sizes do not match");
        int width = Vector<T>.Count, j = 0;
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        var av = new Vector<T>(a);
        for (; j + width <= x.Length; j += width)
            (Vector.LoadUnsafe(ref ys, (nuint)j) + Vector.LoadUnsafe(ref xs, (nuint)j) * av).StoreUnsafe(ref ys, (nuint)j);
        for (; j < x.Length; j++) Unsafe.Add(ref ys, j) += Unsafe.Add(ref xs, j) * a;
    }

    /// <summary>References to rows first … first+3 of a row-major matrix whose rows are <paramref name="length"/> long.</summary>
    readonly ref struct FourRows<T>
    {
        public readonly ref T R0, R1, R2, R3;

        public FourRows(ReadOnlySpan<T> w, int first, int length)
        {
            R0 = ref Unsafe.AsRef(in w[first * length]);
            R1 = ref Unsafe.Add(ref R0, length);
            R2 = ref Unsafe.Add(ref R1, length);
            R3 = ref Unsafe.Add(ref R2, length);
        }
    }
}
