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
            Vector<T> s0 = Vector<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
            int p = 0;
            for (; p + width <= k; p += width)
            {
                var xv = Vector.LoadUnsafe(ref xs, (nuint)p);
                s0 += Vector.LoadUnsafe(ref r0, (nuint)p) * xv;
                s1 += Vector.LoadUnsafe(ref r1, (nuint)p) * xv;
                s2 += Vector.LoadUnsafe(ref r2, (nuint)p) * xv;
                s3 += Vector.LoadUnsafe(ref r3, (nuint)p) * xv;
            }
            T t0 = Vector.Sum(s0), t1 = Vector.Sum(s1), t2 = Vector.Sum(s2), t3 = Vector.Sum(s3);
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
        for (; i < m; i++) y[i] = TensorPrimitives.Dot(w.Slice(i * k, k), x);
    }

    /// <summary>y = Wᵀ·x for row-major W [k, m]: the rows of W weighted by x and summed, read in W's own order.</summary>
    public static void MatTVec<T>(ReadOnlySpan<T> w, int k, int m, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, INumber<T>
    {
        if (w.Length < k * m || x.Length < k || y.Length < m) throw new ArgumentException("operand sizes do not match");
        y[..m].Clear();
        int width = Vector<T>.Count, p = 0;
        ref T ys = ref MemoryMarshal.GetReference(y);
        for (; p + 4 <= k; p += 4)
        {
            var r = new FourRows<T>(w, p, m);
            ref T r0 = ref r.R0, r1 = ref r.R1, r2 = ref r.R2, r3 = ref r.R3;
            T a0 = x[p], a1 = x[p + 1], a2 = x[p + 2], a3 = x[p + 3];
            Vector<T> v0 = new(a0), v1 = new(a1), v2 = new(a2), v3 = new(a3);
            int j = 0;
            for (; j + width <= m; j += width)
            {
                var sum = Vector.LoadUnsafe(ref ys, (nuint)j)
                    + Vector.LoadUnsafe(ref r0, (nuint)j) * v0 + Vector.LoadUnsafe(ref r1, (nuint)j) * v1
                    + Vector.LoadUnsafe(ref r2, (nuint)j) * v2 + Vector.LoadUnsafe(ref r3, (nuint)j) * v3;
                sum.StoreUnsafe(ref ys, (nuint)j);
            }
            for (; j < m; j++)
                y[j] += Unsafe.Add(ref r0, j) * a0 + Unsafe.Add(ref r1, j) * a1 + Unsafe.Add(ref r2, j) * a2 + Unsafe.Add(ref r3, j) * a3;
        }
        for (; p < k; p++) AddScaled(w.Slice(p * m, m), x[p], y[..m]);
    }

    /// <summary>target [m, n] += column ⊗ row (or −= when <paramref name="subtract"/>): np.outer accumulated in place.</summary>
    public static void AddOuter<T>(Span<T> target, ReadOnlySpan<T> column, ReadOnlySpan<T> row, bool subtract) where T : unmanaged, INumber<T>
    {
        int n = row.Length;
        if (target.Length != column.Length * n) throw new ArgumentException("operand sizes do not match");
        for (int i = 0; i < column.Length; i++)
            AddScaled(row, subtract ? -column[i] : column[i], target.Slice(i * n, n));
    }

    /// <summary>
    /// target [m, n] += Σ_t columns[t] ⊗ rows[t] over the first k products, in one pass: each block of four
    /// vectors of a target row stays in registers while it takes every product in queue order (the same
    /// additions, in the same order, as applying them one by one), and is stored once. With
    /// <paramref name="fromZero"/> the target's old contents are not read: the sums start from zero.
    /// </summary>
    public static void AddOuters<T>(T[] target, T[][] columns, T[][] rows, int k, int m, int n, bool fromZero = false) where T : unmanaged, INumber<T>
    {
        if (target.Length != m * n || columns.Length < k || rows.Length < k) throw new ArgumentException("operand sizes do not match");
        for (int t = 0; t < k; t++)
            if (columns[t].Length != m || rows[t].Length != n) throw new ArgumentException("operand sizes do not match");
        int width = Vector<T>.Count;
        for (int i = 0; i < m; i++)
        {
            ref T y = ref target[i * n];
            int j = 0;
            for (; j + 4 * width <= n; j += 4 * width)
            {
                Vector<T> y0 = Vector<T>.Zero, y1 = y0, y2 = y0, y3 = y0;
                if (!fromZero)
                {
                    y0 = Vector.LoadUnsafe(ref y, (nuint)j);
                    y1 = Vector.LoadUnsafe(ref y, (nuint)(j + width));
                    y2 = Vector.LoadUnsafe(ref y, (nuint)(j + 2 * width));
                    y3 = Vector.LoadUnsafe(ref y, (nuint)(j + 3 * width));
                }
                for (int t = 0; t < k; t++)
                {
                    var a = new Vector<T>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(columns[t]), i));
                    ref T r = ref MemoryMarshal.GetArrayDataReference(rows[t]);
                    y0 += Vector.LoadUnsafe(ref r, (nuint)j) * a;
                    y1 += Vector.LoadUnsafe(ref r, (nuint)(j + width)) * a;
                    y2 += Vector.LoadUnsafe(ref r, (nuint)(j + 2 * width)) * a;
                    y3 += Vector.LoadUnsafe(ref r, (nuint)(j + 3 * width)) * a;
                }
                y0.StoreUnsafe(ref y, (nuint)j);
                y1.StoreUnsafe(ref y, (nuint)(j + width));
                y2.StoreUnsafe(ref y, (nuint)(j + 2 * width));
                y3.StoreUnsafe(ref y, (nuint)(j + 3 * width));
            }
            for (; j + width <= n; j += width)
            {
                var y0 = fromZero ? Vector<T>.Zero : Vector.LoadUnsafe(ref y, (nuint)j);
                for (int t = 0; t < k; t++)
                    y0 += Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(rows[t]), (nuint)j) * new Vector<T>(Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(columns[t]), i));
                y0.StoreUnsafe(ref y, (nuint)j);
            }
            for (; j < n; j++)
            {
                T sum = fromZero ? T.Zero : Unsafe.Add(ref y, j);
                for (int t = 0; t < k; t++) sum += Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows[t]), j) * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(columns[t]), i);
                Unsafe.Add(ref y, j) = sum;
            }
        }
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
