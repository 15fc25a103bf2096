namespace TfRnn;

/// <summary>
/// Run-time checks a kernel makes before it calls the engine, with TensorFlow's error texts. Shapes that are
/// unknown while the graph is built can clash only here; checking first gives TF's InvalidArgumentError
/// instead of a libtorch message (and some libtorch paths, such as matmul, abort the process instead of throwing).
/// </summary>
internal static class KernelChecks
{
    /// <summary>A shape as TF's DebugString writes it: <c>[2,3]</c>.</summary>
    public static string Dims(long[] shape) => $"[{string.Join(",", shape)}]";

    /// <summary>NumPy broadcasting of two run-time shapes, or TF's "Incompatible shapes" error.</summary>
    public static long[] Broadcast(long[] a, long[] b)
    {
        if (a.AsSpan().SequenceEqual(b)) return a;
        int rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1) throw new InvalidArgumentError($"Incompatible shapes: {Dims(a)} vs. {Dims(b)}");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>Both inputs of a binary op have the same element type (a graph built by tf.* always does).</summary>
    public static void SameType(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b, string opType)
    {
        if (a.dtype != b.dtype)
            throw new InvalidArgumentError($"cannot compute {opType} as input #1(zero-based) was expected to be a " +
                $"{EngineTypes.FromTorch(a.dtype).as_numpy_name()} tensor but is a {EngineTypes.FromTorch(b.dtype).as_numpy_name()} tensor");
    }

    /// <summary>An axis in [-rank, rank) resolved to [0, rank), or TF's range error.</summary>
    public static long Axis(long axis, long rank, string what = "dimension")
    {
        if (axis < -rank || axis >= rank)
            throw new InvalidArgumentError($"Expected {what} in the range [{-rank}, {rank}), but got {axis}");
        return axis < 0 ? axis + rank : axis;
    }

    /// <summary>Dims read from a shape input: no negative sizes.</summary>
    public static long[] NonNegative(long[] dims)
    {
        foreach (var d in dims)
            if (d < 0) throw new InvalidArgumentError($"Dimension {d} must be >= 0");
        return dims;
    }

    public static long Elements(long[] shape) => shape.Aggregate(1L, (p, d) => p * d);
}
