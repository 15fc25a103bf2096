using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of tf.reduce_* (over the given axes, all when null) and tf.argmax/argmin.</summary>
internal static class ReductionKernels
{
    public static void Sum(KernelContext ctx, long[]? axes, bool keepdims) =>
        Reduce(ctx, axes, keepdims, (t, dims, keep) => t.sum(dims, keep, t.dtype));

    /// <summary>Integer inputs give the truncated integer mean, as TF.</summary>
    public static void Mean(KernelContext ctx, long[]? axes, bool keepdims) =>
        Reduce(ctx, axes, keepdims, (t, dims, keep) =>
        {
            if (torch.is_floating_point(t.dtype)) return t.mean(dims, keep);
            long count = dims.Aggregate(1L, (a, d) => a * t.shape[d]);
            // TorchSharp ignores div's rounding mode, so truncate explicitly.
            return EngineMath.DividedBy(t.sum(dims, keep, torch.ScalarType.Float64), count).trunc().to_type(t.dtype);
        });

    public static void Max(KernelContext ctx, long[]? axes, bool keepdims) => Reduce(ctx, axes, keepdims, (t, dims, keep) => t.amax(dims, keep));

    public static void Min(KernelContext ctx, long[]? axes, bool keepdims) => Reduce(ctx, axes, keepdims, (t, dims, keep) => t.amin(dims, keep));

    public static void Prod(KernelContext ctx, long[]? axes, bool keepdims) =>
        Reduce(ctx, axes, keepdims, (t, dims, keep) =>
        {
            foreach (var d in dims.OrderByDescending(d => d)) t = t.prod(d, keep);
            return t;
        });

    public static void Any(KernelContext ctx, long[]? axes, bool keepdims) =>
        Reduce(ctx, axes, keepdims, (t, dims, keep) => EngineMath.Greater(t.sum(dims, keep, torch.ScalarType.Int64), 0));

    public static void All(KernelContext ctx, long[]? axes, bool keepdims) =>
        Reduce(ctx, axes, keepdims, (t, dims, keep) => EngineMath.Less(t.logical_not().sum(dims, keep, torch.ScalarType.Int64), 1));

    public static void ArgMax(KernelContext ctx, long axis, TF_DataType outputType) =>
        ArgReduce(ctx, axis, outputType, (t, a) => t.argmax(a));

    public static void ArgMin(KernelContext ctx, long axis, TF_DataType outputType) =>
        ArgReduce(ctx, axis, outputType, (t, a) => t.argmin(a));

    /// <summary>Resolves negative axes against the runtime rank; reducing no axes is the identity.</summary>
    static void Reduce(KernelContext ctx, long[]? axes, bool keepdims, Func<torch.Tensor, long[], bool, torch.Tensor> compute)
    {
        var t = ctx.Input(0);
        long rank = t.dim();
        var dims = axes?.Select(a => a < -rank || a >= rank
                ? throw new InvalidArgumentError($"Invalid reduction dimension ({a} for input with {rank} dimension(s)")
                : a < 0 ? a + rank : a).ToArray()
            ?? Enumerable.Range(0, (int)rank).Select(i => (long)i).ToArray();
        ctx.Output(dims.Length == 0 ? t.alias() : compute(t, dims, keepdims));
    }

    static void ArgReduce(KernelContext ctx, long axis, TF_DataType outputType, Func<torch.Tensor, long, torch.Tensor> compute)
    {
        var t = ctx.Input(0);
        long dim = KernelChecks.Axis(axis, t.dim());
        if (t.shape[dim] == 0) throw new InvalidArgumentError($"Reduction axis {axis} is empty in shape {KernelChecks.Dims(t.shape)}");
        ctx.Output(compute(t, dim).to_type(outputType.ToTorch()));
    }
}
