using System.Numerics;

namespace TfRnn;

/// <summary>Elementwise binary and unary kernels over NDArrays: SIMD for same-shape and scalar cases, strided loops otherwise.</summary>
internal static class Broadcasting
{
    public enum Binary { Add, Subtract, Multiply, Divide, Maximum, Minimum, Power }

    /// <summary>numpy's result type for two arrays (bool &lt; int32 &lt; int64 &lt; float32 &lt; float64).</summary>
    public static TF_DataType Promote(TF_DataType a, TF_DataType b)
    {
        static int Rank(TF_DataType t) => t switch
        {
            TF_DataType.TF_BOOL => 0, TF_DataType.TF_UINT8 or TF_DataType.TF_INT8 or TF_DataType.TF_INT16 => 1,
            TF_DataType.TF_INT32 => 2, TF_DataType.TF_INT64 => 3, TF_DataType.TF_FLOAT => 4, TF_DataType.TF_DOUBLE => 5,
            _ => throw new TypeError($"no arithmetic on arrays of dtype {t.as_numpy_name()}"),
        };
        var promoted = Rank(a) >= Rank(b) ? a : b;
        if (promoted == TF_DataType.TF_BOOL || Rank(promoted) == 1) return TF_DataType.TF_INT32;
        // int64 with float32 is float64 in numpy.
        if (promoted == TF_DataType.TF_FLOAT && (a == TF_DataType.TF_INT64 || b == TF_DataType.TF_INT64)) return TF_DataType.TF_DOUBLE;
        return promoted;
    }

    public static NDArray Apply(NDArray a, NDArray b, Binary op)
    {
        // Large float results are left lazy, for a compound assignment to consume in one pass (LazyElementwise.cs).
        var lazy = a.dtype switch
        {
            TF_DataType.TF_DOUBLE => LazyElementwise<double>.TryBinary(a, b, op),
            TF_DataType.TF_FLOAT => LazyElementwise<float>.TryBinary(a, b, op),
            _ => null,
        };
        if (lazy != null) return lazy;
        var type = Promote(a.dtype, b.dtype);
        if (op == Binary.Divide && !type.is_floating()) type = TF_DataType.TF_DOUBLE;
        return type switch
        {
            TF_DataType.TF_FLOAT => Apply<float>(a, b, op),
            TF_DataType.TF_DOUBLE => Apply<double>(a, b, op),
            TF_DataType.TF_INT32 => Apply<int>(a, b, op),
            _ => Apply<long>(a, b, op),
        };
    }

    /// <summary>
    /// a op s, or s op a with <paramref name="scalarLeft"/>, for a C# number beside a small float array (`1 - h * h`):
    /// the number stays a number (no 0-d array). Null when the general path applies (large, lazy or other dtypes).
    /// </summary>
    public static NDArray? TryWithNumber(NDArray a, double s, Binary op, bool scalarLeft)
    {
        if (op > Binary.Divide || a.ndim == 0 || a.size >= LazyElementwise<double>.MinElements) return null;
        switch (a.Storage)
        {
            case double[] x: return new NDArray(WithNumber(x, s, op, scalarLeft), a.Dims);
            case float[] x: return new NDArray(WithNumber(x, (float)s, op, scalarLeft), a.Dims);
            default: return null;
        }
    }

    static T[] WithNumber<T>(T[] x, T s, Binary op, bool scalarLeft) where T : unmanaged, INumber<T>
    {
        var result = GC.AllocateUninitializedArray<T>(x.Length);
        if (scalarLeft) ScalarLeft(s, x, result, op);
        else ScalarRight(x, s, result, op);
        return result;
    }

    /// <summary>Writes <paramref name="target"/> op <paramref name="other"/> into target's storage when both are float32/float64 of one type and other is target-shaped or a scalar.</summary>
    public static bool TryInPlace(NDArray target, NDArray other, Binary op)
    {
        if (target.dtype != other.dtype || op is not (Binary.Add or Binary.Subtract or Binary.Multiply or Binary.Divide)) return false;
        bool same = other.Dims.AsSpan().SequenceEqual(target.Dims), scalar = other.size == 1;
        if (!same && !scalar) return false;
        switch (target.WritableStorage)
        {
            case float[] x: InPlace(x, (float[])other.Storage, same, op); return true;
            case double[] x: InPlace(x, (double[])other.Storage, same, op); return true;
            default: return false;
        }
    }

    static void InPlace<T>(T[] x, T[] y, bool same, Binary op) where T : unmanaged, INumber<T>
    {
        if (same) Same(x, y, x, op);
        else ScalarRight(x, y[0], x, op);
    }

    static NDArray Apply<T>(NDArray a, NDArray b, Binary op) where T : unmanaged, INumber<T>
    {
        var x = a.Data<T>();
        var y = b.Data<T>();
        bool same = a.Dims.AsSpan().SequenceEqual(b.Dims);
        // A 0-d operand (a C# number beside an array) broadcasts to the other's shape: no shape arithmetic.
        long[] dims = same || b.ndim == 0 ? a.Dims : a.ndim == 0 ? b.Dims : BroadcastDims(a.Dims, b.Dims);
        int count = same || b.ndim == 0 ? x.Length : a.ndim == 0 ? y.Length : (int)NDArray.ElementCount(dims);
        var result = GC.AllocateUninitializedArray<T>(count); // every element is written below
        if (same) Same(x, y, result, op);
        else if (y.Length == 1 && x.Length == result.Length) ScalarRight(x, y[0], result, op);
        else if (x.Length == 1 && y.Length == result.Length) ScalarLeft(x[0], y, result, op);
        else Strided(x, a.Dims, y, b.Dims, result, dims, op);
        return new NDArray(result, dims);
    }

    public static void Same<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> r, Binary op) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case Binary.Add: SimdLoops.Binary<T, AddOperator<T>>(x, y, r); break;
            case Binary.Subtract: SimdLoops.Binary<T, SubtractOperator<T>>(x, y, r); break;
            case Binary.Multiply: SimdLoops.Binary<T, MultiplyOperator<T>>(x, y, r); break;
            case Binary.Divide: SimdLoops.Binary<T, DivideOperator<T>>(x, y, r); break;
            default: for (int i = 0; i < r.Length; i++) r[i] = Scalar(x[i], y[i], op); break;
        }
    }

    public static void ScalarRight<T>(ReadOnlySpan<T> x, T y, Span<T> r, Binary op) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case Binary.Add: SimdLoops.BinaryScalarRight<T, AddOperator<T>>(x, y, r); break;
            case Binary.Subtract: SimdLoops.BinaryScalarRight<T, SubtractOperator<T>>(x, y, r); break;
            case Binary.Multiply: SimdLoops.BinaryScalarRight<T, MultiplyOperator<T>>(x, y, r); break;
            case Binary.Divide: SimdLoops.BinaryScalarRight<T, DivideOperator<T>>(x, y, r); break;
            default: for (int i = 0; i < r.Length; i++) r[i] = Scalar(x[i], y, op); break;
        }
    }

    public static void ScalarLeft<T>(T x, ReadOnlySpan<T> y, Span<T> r, Binary op) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case Binary.Add: SimdLoops.BinaryScalarLeft<T, AddOperator<T>>(x, y, r); break;
            case Binary.Subtract: SimdLoops.BinaryScalarLeft<T, SubtractOperator<T>>(x, y, r); break;   // `1 - h * h` in min-char-rnn's backward pass
            case Binary.Multiply: SimdLoops.BinaryScalarLeft<T, MultiplyOperator<T>>(x, y, r); break;
            case Binary.Divide: SimdLoops.BinaryScalarLeft<T, DivideOperator<T>>(x, y, r); break;
            default: for (int i = 0; i < r.Length; i++) r[i] = Scalar(x, y[i], op); break;
        }
    }

    static T Scalar<T>(T a, T b, Binary op) where T : unmanaged, INumber<T> => op switch
    {
        Binary.Add => a + b,
        Binary.Subtract => a - b,
        Binary.Multiply => a * b,
        Binary.Divide => a / b,
        Binary.Maximum => T.IsNaN(a) || a > b ? a : b,
        Binary.Minimum => T.IsNaN(a) || a < b ? a : b,
        _ => T.CreateChecked(Math.Pow(double.CreateChecked(a), double.CreateChecked(b))),
    };

    static void Strided<T>(T[] x, long[] xDims, T[] y, long[] yDims, T[] r, long[] dims, Binary op) where T : unmanaged, INumber<T>
    {
        var xs = BroadcastStrides(xDims, dims);
        var ys = BroadcastStrides(yDims, dims);
        var index = new long[dims.Length];
        long xi = 0, yi = 0;
        for (long i = 0; i < r.Length; i++)
        {
            r[i] = Scalar(x[xi], y[yi], op);
            for (int d = dims.Length - 1; d >= 0; d--)
            {
                index[d]++;
                xi += xs[d];
                yi += ys[d];
                if (index[d] < dims[d]) break;
                xi -= xs[d] * dims[d];
                yi -= ys[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>Strides of <paramref name="dims"/> seen through the broadcast shape (0 where it repeats).</summary>
    public static long[] BroadcastStrides(long[] dims, long[] target)
    {
        var strides = new long[target.Length];
        long stride = 1;
        for (int i = dims.Length - 1, t = target.Length - 1; i >= 0; i--, t--)
        {
            strides[t] = dims[i] == 1 ? 0 : stride;
            stride *= dims[i];
        }
        return strides;
    }

    public static long[] BroadcastDims(long[] a, long[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ValueError($"operands could not be broadcast together with shapes {NDArray.FormatDims(a)} {NDArray.FormatDims(b)}");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>A float function over a float32 or float64 array (integers become float64, as numpy's ufuncs); large results are lazy.</summary>
    public static NDArray Unary(NDArray a, ElementwiseFunction f)
    {
        if (a.dtype == TF_DataType.TF_FLOAT)
            return LazyElementwise<float>.TryUnary(a, f) ?? Eager(a.Data<float>(), a.Dims, f);
        var lazy = a.dtype == TF_DataType.TF_DOUBLE ? LazyElementwise<double>.TryUnary(a, f) : null;
        return lazy ?? Eager(a.Data<double>(), a.Dims, f);
    }

    static NDArray Eager<T>(T[] values, long[] dims, ElementwiseFunction f) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = GC.AllocateUninitializedArray<T>(values.Length);
        ElementwiseFunctions.Apply<T>(f, values, result);
        return new NDArray(result, dims);   // dims arrays are never written, so results share them
    }
}
