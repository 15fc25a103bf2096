using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of tf.nn activations and bias addition.</summary>
internal static class NnKernels
{
    public static void Softmax(KernelContext ctx, int axis) => ctx.Output(torch.softmax(ctx.Input(0), (int)LogitsAxis(ctx.Input(0), axis)));

    public static void LogSoftmax(KernelContext ctx, int axis) => ctx.Output(ctx.Input(0).log_softmax(LogitsAxis(ctx.Input(0), axis)));

    public static void Relu(KernelContext ctx) => ctx.Output(torch.nn.functional.relu(ctx.Input(0)));

    /// <summary>value + bias, the 1-D bias broadcast along the last dimension.</summary>
    public static void BiasAdd(KernelContext ctx)
    {
        var (value, bias) = (ctx.Input(0), ctx.Input(1));
        if (value.dim() < 2) throw new InvalidArgumentError($"Input tensor must be at least 2D: {KernelChecks.Dims(value.shape)}");
        if (bias.dim() != 1) throw new InvalidArgumentError($"Biases must be 1D: {KernelChecks.Dims(bias.shape)}");
        if (bias.shape[0] != value.shape[^1])
            throw new InvalidArgumentError($"Must provide as many biases as the last dimension of the input tensor: {KernelChecks.Dims(bias.shape)} vs. {KernelChecks.Dims(value.shape)}");
        ctx.Output(EngineMath.Add(value, bias));
    }

    static long LogitsAxis(torch.Tensor logits, int axis) =>
        logits.dim() == 0 ? throw new InvalidArgumentError("logits must have >= 1 dimension, got []") : KernelChecks.Axis(axis, logits.dim());
}
