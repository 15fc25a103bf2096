using TorchSharp;

namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.reduce_sum(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_sum(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Sum", input_tensor, axis, keepdims, name, (t, dims, keep) => t.sum(dims, keep, t.dtype));

    /// <summary>tf.reduce_mean(input_tensor, axis, keepdims): integer inputs give the truncated integer mean, as TF.</summary>
    public static Tensor reduce_mean(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Mean", input_tensor, axis, keepdims, name, (t, dims, keep) =>
        {
            if (torch.is_floating_point(t.dtype)) return t.mean(dims, keep);
            long count = dims.Aggregate(1L, (a, d) => a * t.shape[d]);
            // TorchSharp ignores div's rounding mode, so truncate explicitly.
            return EngineMath.DividedBy(t.sum(dims, keep, torch.ScalarType.Float64), count).trunc().to_type(t.dtype);
        });

    /// <summary>tf.reduce_max(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_max(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Max", input_tensor, axis, keepdims, name, (t, dims, keep) => t.amax(dims, keep));

    /// <summary>tf.reduce_min(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_min(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Min", input_tensor, axis, keepdims, name, (t, dims, keep) => t.amin(dims, keep));

    /// <summary>tf.reduce_prod(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_prod(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Prod", input_tensor, axis, keepdims, name, (t, dims, keep) =>
        {
            foreach (var d in dims.OrderByDescending(d => d)) t = t.prod(d, keep);
            return t;
        });

    /// <summary>tf.reduce_any(input_tensor, axis, keepdims) over booleans.</summary>
    public static Tensor reduce_any(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Any", input_tensor, axis, keepdims, name, (t, dims, keep) => EngineMath.Greater(t.sum(dims, keep, torch.ScalarType.Int64), 0));

    /// <summary>tf.reduce_all(input_tensor, axis, keepdims) over booleans.</summary>
    public static Tensor reduce_all(object input_tensor, object? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("All", input_tensor, axis, keepdims, name, (t, dims, keep) =>
            EngineMath.Less(t.logical_not().sum(dims, keep, torch.ScalarType.Int64), 1));

    static Tensor Reduce(string type, object input_tensor, object? axis, bool keepdims, string? name,
        Func<torch.Tensor, long[], bool, torch.Tensor> compute)
    {
        var input = OpBuilder.ToTensor(input_tensor);
        long[]? axes = AxesOf(axis);
        if (axes != null && input.shape.is_known_rank)
            axes = axes.Select(a => OpBuilder.NormalizeAxis(a, input.ndim, name ?? type)).ToArray();
        var shape = ShapeInference.Reduce(input.shape, axes, keepdims);
        var dtype = type is "Any" or "All" ? @bool : input.dtype;
        return OpBuilder.Single(type, name, new[] { input }, dtype, shape, ctx =>
        {
            var t = ctx.Input(0);
            var dims = axes?.Select(a => a < 0 ? a + t.dim() : a).ToArray() ?? Enumerable.Range(0, (int)t.dim()).Select(i => (long)i).ToArray();
            ctx.Output(dims.Length == 0 ? t.alias() : compute(t, dims, keepdims));
        }, new Dictionary<string, object?> { ["keep_dims"] = keepdims, ["axis"] = axes });
    }

    /// <summary>An axis argument as a list: null (all), an int, or a list of ints.</summary>
    internal static long[]? AxesOf(object? axis) => axis switch
    {
        null => null,
        int a => new long[] { a },
        long a => new[] { a },
        int[] a => a.Select(x => (long)x).ToArray(),
        long[] a => a,
        IEnumerable<int> a => a.Select(x => (long)x).ToArray(),
        _ => throw new TypeError($"axis must be an int or a list of ints, not {axis.GetType().Name}"),
    };

    /// <summary>tf.argmax(input, axis, output_type): index of the largest value along <paramref name="axis"/> (default 0).</summary>
    public static Tensor argmax(object input, int axis = 0, TF_DataType output_type = int64, string? name = null) =>
        ArgReduce("ArgMax", input, axis, output_type, name, (t, a) => t.argmax(a));

    /// <summary>tf.argmin(input, axis, output_type).</summary>
    public static Tensor argmin(object input, int axis = 0, TF_DataType output_type = int64, string? name = null) =>
        ArgReduce("ArgMin", input, axis, output_type, name, (t, a) => t.argmin(a));

    static Tensor ArgReduce(string type, object input, int axis, TF_DataType outputType, string? name, Func<torch.Tensor, long, torch.Tensor> compute)
    {
        var x = OpBuilder.ToTensor(input);
        long a = OpBuilder.NormalizeAxis(axis, x.ndim, name ?? type);
        var shape = ShapeInference.Reduce(x.shape, new[] { a }, false);
        return OpBuilder.Elementwise(type, name, new[] { x }, outputType, shape, t =>
            compute(t[0], a < 0 ? a + t[0].dim() : a).to_type(outputType.ToTorch()));
    }
}
