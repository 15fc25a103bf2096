namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.reduce_sum(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_sum(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Sum", input_tensor, axis, keepdims, name, ReductionKernels.Sum);

    /// <summary>tf.reduce_mean(input_tensor, axis, keepdims): integer inputs give the truncated integer mean, as TF.</summary>
    public static Tensor reduce_mean(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Mean", input_tensor, axis, keepdims, name, ReductionKernels.Mean);

    /// <summary>tf.reduce_max(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_max(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Max", input_tensor, axis, keepdims, name, ReductionKernels.Max);

    /// <summary>tf.reduce_min(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_min(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Min", input_tensor, axis, keepdims, name, ReductionKernels.Min);

    /// <summary>tf.reduce_prod(input_tensor, axis, keepdims).</summary>
    public static Tensor reduce_prod(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Prod", input_tensor, axis, keepdims, name, ReductionKernels.Prod);

    /// <summary>tf.reduce_any(input_tensor, axis, keepdims) over booleans.</summary>
    public static Tensor reduce_any(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("Any", input_tensor, axis, keepdims, name, ReductionKernels.Any);

    /// <summary>tf.reduce_all(input_tensor, axis, keepdims) over booleans.</summary>
    public static Tensor reduce_all(TensorLike input_tensor, TensorLike? axis = null, bool keepdims = false, string? name = null) =>
        Reduce("All", input_tensor, axis, keepdims, name, ReductionKernels.All);

    static Tensor Reduce(string type, object input_tensor, TensorLike? axis, bool keepdims, string? name,
        Action<KernelContext, long[]?, bool> kernel)
    {
        var input = OpBuilder.ToTensor(input_tensor);
        long[]? axes = AxesOf(axis);
        if (axes != null && input.shape.is_known_rank)
            axes = axes.Select(a => OpBuilder.NormalizeAxis(a, input.ndim, name ?? type)).ToArray();
        var shape = ShapeInference.Reduce(input.shape, axes, keepdims);
        var dtype = type is "Any" or "All" ? @bool : input.dtype;
        return OpBuilder.Single(type, name, new[] { input }, dtype, shape, ctx => kernel(ctx, axes, keepdims),
            new Dictionary<string, object?> { ["keep_dims"] = keepdims, ["axis"] = axes });
    }

    /// <summary>An axis argument as a list: null (all), an int, or a list of ints (an array or a collection expression).</summary>
    internal static long[]? AxesOf(TensorLike? axis) => TensorLike.ValueOrNone(axis) switch
    {
        null => null,
        int a => new long[] { a },
        long a => new[] { a },
        int[] a => a.Select(x => (long)x).ToArray(),
        long[] a => a,
        object[] a when a.All(x => x is int or long) => a.Select(Convert.ToInt64).ToArray(),
        var other => throw new TypeError($"axis must be an int or a list of ints, not {other.GetType().Name}"),
    };

    /// <summary>tf.argmax(input, axis, output_type): index of the largest value along <paramref name="axis"/> (default 0).</summary>
    public static Tensor argmax(TensorLike input, int axis = 0, TF_DataType output_type = int64, string? name = null) =>
        ArgReduce("ArgMax", input, axis, output_type, name, ReductionKernels.ArgMax);

    /// <summary>tf.argmin(input, axis, output_type).</summary>
    public static Tensor argmin(TensorLike input, int axis = 0, TF_DataType output_type = int64, string? name = null) =>
        ArgReduce("ArgMin", input, axis, output_type, name, ReductionKernels.ArgMin);

    static Tensor ArgReduce(string type, object input, int axis, TF_DataType outputType, string? name, Action<KernelContext, long, TF_DataType> kernel)
    {
        var x = OpBuilder.ToTensor(input);
        long a = OpBuilder.NormalizeAxis(axis, x.ndim, name ?? type);
        var shape = ShapeInference.Reduce(x.shape, new[] { a }, false);
        return OpBuilder.Single(type, name, new[] { x }, outputType, shape, ctx => kernel(ctx, a, outputType));
    }
}
