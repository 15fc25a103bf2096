using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of constants and filled tensors (tf.constant, tf.fill, tf.zeros, tf.range …).</summary>
internal static class ConstantKernels
{
    /// <summary>A numeric constant: converted to an engine tensor once per session and cached in its resource store.</summary>
    public static void Const(KernelContext ctx, NDArray value) =>
        ctx.Output(ctx.Resources.GetOrCreateOpState(ctx.Op, () => TensorConversion.ToTorch(value)));

    /// <summary>A string constant stays a host array (the engine has no string tensors).</summary>
    public static void HostConst(KernelContext ctx, NDArray value) => ctx.Output(0, value);

    /// <summary>Dims from input 0, filled with the one-element input 1.</summary>
    public static void Fill(KernelContext ctx)
    {
        var value = ctx.Input(1);
        if (value.numel() != 1) throw new InvalidArgumentError($"value must be a scalar, got shape {KernelChecks.Dims(value.shape)}");
        ctx.Output(EngineMath.Full(KernelChecks.NonNegative(ctx.InputLongs(0)), value));
    }

    public static void Filled(KernelContext ctx, long[] dims, double value, TF_DataType dtype) =>
        ctx.Output(EngineMath.Full(dims, value, dtype.ToTorch()));

    /// <summary>The shape of input 0 filled with <paramref name="value"/> (zeros_like, ones_like).</summary>
    public static void FilledLike(KernelContext ctx, double value, TF_DataType dtype) =>
        ctx.Output(EngineMath.FullLike(ctx.Input(0), value, dtype.ToTorch()));

    /// <summary>start, limit, delta from the three inputs, like Python's range.</summary>
    public static void Range(KernelContext ctx, TF_DataType dtype) =>
        ctx.Output(EngineMath.Range(ctx.Input(0), ctx.Input(1), ctx.Input(2), dtype.ToTorch()));
}
