namespace TfRnn;

/// <summary>Static shape rules shared by op constructors, with TensorFlow's error messages.</summary>
internal static class ShapeInference
{
    /// <summary>The name an op will get, for error messages raised before it exists.</summary>
    public static string PredictName(Graph graph, string? name, string type) => graph.unique_name(name ?? type, mark_as_used: false);

    public static ValueError Incompatible(string detail, string opName, string opType, params Shape[] inputs) =>
        new($"{detail} for '{opName}' (op: '{opType}') with input shapes: {string.Join(", ", inputs.Select(s => s.ToShapeFunctionString()))}.");

    /// <summary>NumPy broadcasting of two static shapes.</summary>
    public static Shape Broadcast(Shape a, Shape b, string opName, string opType)
    {
        if (!a.is_known_rank || !b.is_known_rank) return Shape.unknown();
        var x = a.dims!;
        var y = b.dims!;
        int rank = Math.Max(x.Length, y.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long dx = i < rank - x.Length ? 1 : x[i - (rank - x.Length)];
            long dy = i < rank - y.Length ? 1 : y[i - (rank - y.Length)];
            if (dx == 1) result[i] = dy;
            else if (dy == 1) result[i] = dx;
            else if (dx < 0 || dy < 0) result[i] = dx < 0 ? dy : dx;
            else if (dx == dy) result[i] = dx;
            else throw Incompatible($"Dimensions must be equal, but are {dx} and {dy}", opName, opType, a, b);
        }
        return new Shape(result);
    }

    /// <summary>The shape after reducing <paramref name="axes"/> (all when null).</summary>
    public static Shape Reduce(Shape input, long[]? axes, bool keepdims)
    {
        if (!input.is_known_rank) return Shape.unknown();
        int rank = input.ndim;
        var reduced = axes == null ? Enumerable.Range(0, rank).Select(i => (long)i).ToHashSet()
            : axes.Select(a => a < 0 ? a + rank : a).ToHashSet();
        var dims = new List<long>();
        for (int i = 0; i < rank; i++)
        {
            if (!reduced.Contains(i)) dims.Add(input[i]);
            else if (keepdims) dims.Add(1);
        }
        return new Shape(dims.ToArray());
    }

    /// <summary>Checks that two dimensions agree when both are known.</summary>
    public static void RequireEqual(long a, long b, string opName, string opType, params Shape[] inputs)
    {
        if (a >= 0 && b >= 0 && a != b)
            throw Incompatible($"Dimensions must be equal, but are {a} and {b}", opName, opType, inputs);
    }
}
