namespace TfRnn;

public static partial class np
{
    /// <summary>np.squeeze(a, axis): <paramref name="a"/> without its size-1 axes (only <paramref name="axis"/> when given).</summary>
    public static NDArray squeeze(NDArray a, int? axis = null)
    {
        if (axis is int k)
        {
            int normalized = k < 0 ? k + a.ndim : k;
            if (normalized < 0 || normalized >= a.ndim) throw new ValueError($"axis {k} is out of bounds for array of dimension {a.ndim}");
            if (a.Dims[normalized] != 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
            return a.reshape(a.Dims.Where((_, i) => i != normalized).ToArray());
        }
        return a.reshape(a.Dims.Where(d => d != 1).ToArray());
    }

    /// <summary>
    /// np.argsort(a, axis=-1): the indices that sort <paramref name="a"/> along <paramref name="axis"/> (int64).
    /// Ties keep their order (numpy's <c>kind="stable"</c>; its default quicksort may order ties differently).
    /// </summary>
    public static NDArray argsort(NDArray a, int axis = -1)
    {
        if (a.ndim == 0) return NDArray.Scalar(0L);
        int k = axis < 0 ? axis + a.ndim : axis;
        if (k < 0 || k >= a.ndim) throw new ValueError($"axis {axis} is out of bounds for array of dimension {a.ndim}");
        var values = a.ToArray<double>();
        long length = a.Dims[k], inner = a.Dims.Skip(k + 1).Aggregate(1L, (x, y) => x * y), outer = values.Length / Math.Max(1, length * inner);
        var result = new long[values.Length];
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                long start = o * length * inner + i;
                // NaN sorts last, as in numpy.
                var order = Enumerable.Range(0, (int)length).Select(j => (long)j)
                    .OrderBy(j => double.IsNaN(values[start + j * inner]) ? 1 : 0).ThenBy(j => values[start + j * inner]).ToArray();
                for (long j = 0; j < length; j++) result[start + j * inner] = order[j];
            }
        return new NDArray(result, a.Dims);
    }
}
