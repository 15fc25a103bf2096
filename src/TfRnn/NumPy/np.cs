using System.Numerics.Tensors;

namespace TfRnn;

/// <summary>
/// The NumPy subset TF1 tutorials use (min-char-rnn, sampling): creation, elementwise math,
/// reductions, dot/outer, cumsum/searchsorted and <see cref="random"/>. Defaults follow NumPy (float64).
/// </summary>
public static partial class np
{
    /// <summary>numpy's <c>np.float32</c> dtype.</summary>
    public const TF_DataType float32 = TF_DataType.TF_FLOAT;
    /// <summary>numpy's <c>np.float64</c> dtype (the default of <see cref="zeros"/> and <see cref="ones"/>).</summary>
    public const TF_DataType float64 = TF_DataType.TF_DOUBLE;
    /// <summary>numpy's <c>np.int32</c> dtype.</summary>
    public const TF_DataType int32 = TF_DataType.TF_INT32;
    /// <summary>numpy's <c>np.int64</c> dtype (the default of <see cref="arange"/>).</summary>
    public const TF_DataType int64 = TF_DataType.TF_INT64;

    /// <summary>np.array(value, dtype): a copy of a scalar, array or nested arrays.</summary>
    public static NDArray array(object value, TF_DataType? dtype = null)
    {
        var result = NDArray.FromObject(value);
        if (ReferenceEquals(result, value)) result = result.copy();
        return dtype is TF_DataType t && t != result.dtype ? result.astype(t) : result;
    }

    /// <summary>np.zeros(shape, dtype): an array of zeros, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    public static NDArray zeros(Shape shape, TF_DataType dtype = float64) => Zeros(shape.as_list(), dtype);
    /// <summary>np.zeros((rows, columns)): the tuple spelling, without building a Shape first (min-char-rnn makes one per time step).</summary>
    public static NDArray zeros((int rows, int columns) shape, TF_DataType dtype = float64) => Zeros([shape.rows, shape.columns], dtype);
    /// <summary>np.ones(shape, dtype): an array of ones, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    public static NDArray ones(Shape shape, TF_DataType dtype = float64) => Filled(shape.as_list(), dtype, 1);
    /// <summary>np.zeros_like(a): zeros with <paramref name="a"/>'s shape and dtype.</summary>
    public static NDArray zeros_like(NDArray a) => Zeros(a.Dims, a.dtype);
    /// <summary>np.ones_like(a): ones with <paramref name="a"/>'s shape and dtype.</summary>
    public static NDArray ones_like(NDArray a) => Filled(a.Dims, a.dtype, 1);

    /// <summary>np.full(shape, fill_value).</summary>
    public static NDArray full(long[] shape, NDArray fill_value)
    {
        var data = Array.CreateInstance(fill_value.Storage.GetType().GetElementType()!, NDArray.ElementCount(shape));
        object value = fill_value.Storage.GetValue(0)!;
        for (int i = 0; i < data.Length; i++) data.SetValue(value, i);
        return new NDArray(data, shape.AsSpan().ToArray());
    }

    // Zeros and Filled own `shape` (a fresh as_list() or an operand's never-written dims), so they keep it uncopied.
    // Matrix-sized float zeros are deferred (see DeferredZeros): min-char-rnn's gradients take their first
    // values from queued outer products, so their zeros need never be written.
    static NDArray Zeros(long[] shape, TF_DataType dtype)
    {
        long count = NDArray.ElementCount(shape);
        if (count < DeferredZeros.MinElements || dtype is not (float32 or float64)) return Filled(shape, dtype, 0);
        var zeros = dtype == float32 ? (DeferredValue)new DeferredZeros<float>((int)count) : new DeferredZeros<double>((int)count);
        return NDArray.Deferring(zeros, shape, dtype);
    }

    // Typed fills: zeros/zeros_like run per time step in min-char-rnn, so no boxing and no second copy.
    static NDArray Filled(long[] shape, TF_DataType dtype, int value)
    {
        long count = NDArray.ElementCount(shape);
        Array data = dtype switch
        {
            float32 => Fill(new float[count], value),
            float64 => Fill(new double[count], value),
            int32 => Fill(new int[count], value),
            int64 => Fill(new long[count], value),
            _ => full(shape, value).astype(dtype).Storage,
        };
        return new NDArray(data, shape);
    }

    static T[] Fill<T>(T[] data, int value) where T : System.Numerics.INumber<T>
    {
        if (value != 0) Array.Fill(data, T.CreateChecked(value));
        return data;
    }

    /// <summary>np.arange(start, stop, step, dtype): integers by default, like Python's range.</summary>
    public static NDArray arange(double start, double? stop = null, double step = 1, TF_DataType dtype = int64)
    {
        if (stop == null) (start, stop) = (0, start);
        long count = Math.Max(0, (long)Math.Ceiling((stop.Value - start) / step));
        var values = new double[count];
        for (long i = 0; i < count; i++) values[i] = start + i * step;
        return new NDArray(values, new[] { count }).astype(dtype);
    }

    /// <summary>np.copy(a): a copy with its own storage.</summary>
    public static NDArray copy(NDArray a) => a.copy();
    /// <summary>np.reshape(a, shape): <see cref="NDArray.reshape(long[])"/>, a view with new dimensions (one may be -1).</summary>
    public static NDArray reshape(NDArray a, params long[] shape) => a.reshape(shape);

    /// <summary>np.add(a, b): elementwise <c>a + b</c> with broadcasting; the result has the promoted dtype.</summary>
    public static NDArray add(NDArray a, NDArray b) => a + b;
    /// <summary>np.subtract(a, b): elementwise <c>a - b</c> with broadcasting; the result has the promoted dtype.</summary>
    public static NDArray subtract(NDArray a, NDArray b) => a - b;
    /// <summary>np.multiply(a, b): elementwise <c>a * b</c> with broadcasting; the result has the promoted dtype.</summary>
    public static NDArray multiply(NDArray a, NDArray b) => a * b;
    /// <summary>np.divide(a, b): elementwise true division <c>a / b</c> with broadcasting; the result has the promoted dtype, float64 when both are integer or bool.</summary>
    public static NDArray divide(NDArray a, NDArray b) => a / b;
    /// <summary>np.maximum(a, b): elementwise larger value with broadcasting; NaN propagates.</summary>
    public static NDArray maximum(NDArray a, NDArray b) => Broadcasting.Apply(a, b, Broadcasting.Binary.Maximum);
    /// <summary>np.minimum(a, b): elementwise smaller value with broadcasting; NaN propagates.</summary>
    public static NDArray minimum(NDArray a, NDArray b) => Broadcasting.Apply(a, b, Broadcasting.Binary.Minimum);
    /// <summary>np.power(a, b): elementwise <c>a ** b</c> with broadcasting; the result has the promoted dtype.</summary>
    public static NDArray power(NDArray a, NDArray b) => Broadcasting.Apply(a, b, Broadcasting.Binary.Power);

    /// <summary>np.exp(a): elementwise <c>e**a</c>; float32 stays float32, any other dtype gives float64.</summary>
    public static NDArray exp(NDArray a) => Broadcasting.Unary(a, ElementwiseFunction.Exp);
    /// <summary>np.log(a): elementwise natural logarithm; float32 stays float32, any other dtype gives float64.</summary>
    public static NDArray log(NDArray a) => Broadcasting.Unary(a, ElementwiseFunction.Log);
    /// <summary>np.tanh(a): elementwise hyperbolic tangent; float32 stays float32, any other dtype gives float64.</summary>
    public static NDArray tanh(NDArray a) => Broadcasting.Unary(a, ElementwiseFunction.Tanh);
    /// <summary>np.sqrt(a): elementwise square root; float32 stays float32, any other dtype gives float64.</summary>
    public static NDArray sqrt(NDArray a) => Broadcasting.Unary(a, ElementwiseFunction.Sqrt);
    /// <summary>np.abs(a): elementwise absolute value; float32 stays float32, any other dtype gives float64 (numpy keeps integers).</summary>
    public static NDArray abs(NDArray a) => Broadcasting.Unary(a, ElementwiseFunction.Abs);
    /// <summary>np.square(a): elementwise <c>a * a</c>, in <paramref name="a"/>'s dtype (bool gives int32).</summary>
    public static NDArray square(NDArray a) => a * a;

    /// <summary>np.clip(a, a_min, a_max, out): limits values; writes into <paramref name="out"/> when given (as min-char-rnn does).</summary>
    public static NDArray clip(NDArray a, double a_min, double a_max, NDArray? @out = null)
    {
        var target = @out ?? a.copy();
        if (!ReferenceEquals(target, a)) target.CopyFrom(a);
        switch (target.WritableStorage)
        {
            case float[] f: SimdLoops.Clamp<float>(f, (float)a_min, (float)a_max); break;
            case double[] d: SimdLoops.Clamp<double>(d, a_min, a_max); break;
            default:
                var clipped = a.ToArray<double>().Select(v => Math.Clamp(v, a_min, a_max)).ToArray();
                target.CopyFrom(new NDArray(clipped, a.Dims).astype(target.dtype));
                break;
        }
        return target;
    }

    /// <summary>np.transpose(a): axes reversed (see <see cref="NDArray.T"/> for when it shares memory).</summary>
    public static NDArray transpose(NDArray a) => a.Transpose();

    /// <summary>np.transpose(a, axes): the axes permuted as <paramref name="axes"/> lists them, in a copy.</summary>
    public static NDArray transpose(NDArray a, int[] axes)
    {
        if (axes.Length != a.ndim || axes.Order().Where((axis, i) => axis != i).Any())
            throw new ValueError($"axes {string.Join(", ", axes)} don't match array of {a.ndim} dimensions");
        return TransposeAnyRank(a, axes);
    }

    /// <summary>A copy of any rank and element type with its axes permuted (reversed by default), element by element (not on a hot path).</summary>
    internal static NDArray TransposeAnyRank(NDArray a, int[]? axes = null)
    {
        axes ??= Enumerable.Range(0, a.ndim).Reverse().ToArray();
        var dims = axes.Select(axis => a.Dims[axis]).ToArray();
        var source = a.Strides();
        var sourceStrides = axes.Select(axis => source[axis]).ToArray();
        var result = Array.CreateInstance(a.Storage.GetType().GetElementType()!, a.Storage.Length);
        var index = new long[dims.Length];
        long offset = 0;
        for (int i = 0; i < result.Length; i++)
        {
            result.SetValue(a.Storage.GetValue(offset), i);
            for (int d = dims.Length - 1; d >= 0; d--)
            {
                index[d]++;
                offset += sourceStrides[d];
                if (index[d] < dims[d]) break;
                offset -= sourceStrides[d] * dims[d];
                index[d] = 0;
            }
        }
        return new NDArray(result, dims);
    }

    /// <summary>np.outer(a, b): a[i] * b[j] over the flattened inputs.</summary>
    public static NDArray outer(NDArray a, NDArray b) => a.ravel().reshape(-1, 1) * b.ravel().reshape(1, -1);

    /// <summary>np.cumsum(a): running sum of the flattened array.</summary>
    public static NDArray cumsum(NDArray a)
    {
        var values = a.ToArray<double>();
        for (int i = 1; i < values.Length; i++) values[i] += values[i - 1];
        var result = new NDArray(values, new long[] { values.Length });
        return a.dtype.is_floating() ? result.astype(a.dtype) : result.astype(int64);
    }

    /// <summary>np.searchsorted(a, v): the first index where <paramref name="v"/> could be inserted keeping <paramref name="a"/> sorted (side='left').</summary>
    public static int searchsorted(NDArray a, double v)
    {
        var values = a.Data<double>();
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (values[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
