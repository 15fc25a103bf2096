using System.Numerics;

namespace TfRnn;

public static partial class np
{
    /// <summary>
    /// np.dot(a, b): inner product of vectors, matrix-vector or matrix-matrix product (float32 when both are
    /// float32, else float64), on host SIMD. A deferred <c>W.T</c> operand is read in W's own order (never
    /// copied), and a column times a row (<c>np.dot(dy, h.T)</c>) is an outer product that <c>+=</c> adds
    /// into its target without a temporary matrix.
    /// </summary>
    public static NDArray dot(NDArray a, NDArray b)
    {
        if (a.ndim == 0 || b.ndim == 0) return a * b;
        if (a.ndim > 2 || b.ndim > 2) throw new ValueError("np.dot supports arrays of rank 0, 1 and 2");
        long m = a.ndim == 1 ? 1 : a.Dims[0], k = a.Dims[^1];
        long kb = b.Dims[0], n = b.ndim == 1 ? 1 : b.Dims[1];
        if (kb != k)
            throw new ValueError($"shapes {a.shape} and {b.shape} not aligned: {k} (dim {a.ndim - 1}) != {kb} (dim 0)");
        long[] dims = (a.ndim, b.ndim) switch
        {
            (1, 1) => Array.Empty<long>(),
            (1, _) => new[] { n },
            (_, 1) => new[] { m },
            _ => new[] { m, n },
        };
        bool single = Broadcasting.Promote(a.dtype, b.dtype) == float32;
        if (k == 1 && dims.Length == 2)
            return single ? Outer<float>(a, b, dims) : Outer<double>(a, b, dims);
        Array product = single ? Product<float>(a, b, (int)m, (int)k, (int)n) : Product<double>(a, b, (int)m, (int)k, (int)n);
        return new NDArray(product, dims);
    }

    static NDArray Outer<T>(NDArray column, NDArray row, long[] dims) where T : unmanaged, INumber<T> =>
        NDArray.Deferring(new DeferredOuter<T>(Snapshot<T>(column), Snapshot<T>(row)), dims, typeof(T) == typeof(float) ? float32 : float64);

    // A vector's elements as they are now, for a deferred outer product: its own storage when it can be captured
    // (copy-on-write keeps it unchanged), else a copy. A transposed vector has its source's element order.
    static T[] Snapshot<T>(NDArray vector) where T : unmanaged, INumber<T>
    {
        if (vector.Deferred is DeferredTranspose { Source: var source } && (source.ndim == 1 || (source.ndim == 2 && (source.Dims[0] == 1 || source.Dims[1] == 1))))
            return Snapshot<T>(source);
        return vector.CanCapture<T>() ? vector.Capture<T>() : vector.ToArray<T>();
    }

    // [m, k] x [k, n] into a fresh row-major [m, n].
    static T[] Product<T>(NDArray a, NDArray b, int m, int k, int n) where T : unmanaged, INumber<T>
    {
        // The matrix-vector kernels write (MatTVec: clear first) every element; the general product adds into zeros.
        var result = n == 1 ? GC.AllocateUninitializedArray<T>(m * n) : new T[m * n];
        if (n == 1 && a.Deferred is DeferredTranspose at)
            MatrixKernels.MatTVec<T>(at.Source.Data<T>(), k, m, b.Data<T>(), result);
        else if (n == 1)
        {
            if (!MatrixKernels.TrySparseMatVec<T>(a.Data<T>(), m, k, b.Data<T>(), result))
                MatrixKernels.MatVec<T>(a.Data<T>(), m, k, b.Data<T>(), result);
        }
        else
        {
            // Row i of the result is the sum over p of x[i, p] * (row p of y).
            var x = a.Data<T>();
            var y = b.Data<T>();
            for (int i = 0; i < m; i++)
                for (int p = 0; p < k; p++)
                    MatrixKernels.AddScaled<T>(y.AsSpan(p * n, n), x[i * k + p], result.AsSpan(i * n, n));
        }
        return result;
    }
}
