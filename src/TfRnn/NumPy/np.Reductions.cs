using System.Numerics.Tensors;

namespace TfRnn;

public static partial class np
{
    /// <summary>np.sum(a, axis): float inputs keep their dtype, integers sum as int64 (numpy's rule).</summary>
    public static NDArray sum(NDArray a, int? axis = null)
    {
        if (axis == null && a.Storage is float[] f) return NDArray.Scalar(SimdLoops.Sum<float>(f));
        if (axis == null && a.Storage is double[] d) return NDArray.Scalar(SimdLoops.Sum<double>(d));
        var result = Reduce(a, axis, values => values.Sum());
        return result.astype(a.dtype.is_floating() ? a.dtype : int64);
    }

    /// <summary>np.mean(a, axis): float64 for integer input.</summary>
    public static NDArray mean(NDArray a, int? axis = null)
    {
        var result = Reduce(a, axis, values => values.Average());
        return a.dtype == float32 ? result.astype(float32) : result;
    }

    /// <summary>np.max(a, axis): the largest value (of all elements when no axis), in <paramref name="a"/>'s dtype.</summary>
    public static NDArray max(NDArray a, int? axis = null) => Reduce(a, axis, values => values.Max()).astype(a.dtype);
    /// <summary>np.min(a, axis): the smallest value (of all elements when no axis), in <paramref name="a"/>'s dtype.</summary>
    public static NDArray min(NDArray a, int? axis = null) => Reduce(a, axis, values => values.Min()).astype(a.dtype);

    /// <summary>np.argmax(a, axis): index of the first largest value (of the flattened array when no axis).</summary>
    public static NDArray argmax(NDArray a, int? axis = null)
    {
        if (axis == null && a.Storage is float[] f) return NDArray.Scalar((long)TensorPrimitives.IndexOfMax<float>(f));
        return Reduce(a, axis, values => IndexOf(values, values.Max())).astype(int64);
    }

    /// <summary>np.argmin(a, axis): index of the first smallest value (of the flattened array when no axis), as int64.</summary>
    public static NDArray argmin(NDArray a, int? axis = null) => Reduce(a, axis, values => IndexOf(values, values.Min())).astype(int64);

    static double IndexOf(double[] values, double target) => Array.IndexOf(values, target);

    /// <summary>Applies <paramref name="reduce"/> to every lane along <paramref name="axis"/> (all elements when null), in float64.</summary>
    static NDArray Reduce(NDArray a, int? axis, Func<double[], double> reduce)
    {
        var values = a.ToArray<double>();
        if (axis == null)
        {
            if (values.Length == 0) throw new ValueError("zero-size array to reduction operation which has no identity");
            return NDArray.Scalar(reduce(values));
        }
        int ax = axis.Value < 0 ? axis.Value + a.ndim : axis.Value;
        if (ax < 0 || ax >= a.ndim) throw new ValueError($"axis {axis} is out of bounds for array of dimension {a.ndim}");
        long outer = a.Dims.Take(ax).Aggregate(1L, (p, d) => p * d);
        long length = a.Dims[ax];
        long inner = a.Dims.Skip(ax + 1).Aggregate(1L, (p, d) => p * d);
        var result = new double[outer * inner];
        var lane = new double[length];
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                for (long k = 0; k < length; k++) lane[k] = values[(o * length + k) * inner + i];
                result[o * inner + i] = reduce(lane);
            }
        var dims = a.Dims.Where((_, i) => i != ax).ToArray();
        return new NDArray(result, dims);
    }
}
