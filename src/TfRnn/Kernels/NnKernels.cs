using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of tf.nn activations and bias addition.</summary>
internal static class NnKernels
{
    public static void Softmax(KernelContext ctx, int axis) => ctx.Output(torch.softmax(ctx.Input(0), axis));

    public static void LogSoftmax(KernelContext ctx, int axis) => ctx.Output(ctx.Input(0).log_softmax(axis));

    public static void Relu(KernelContext ctx) => ctx.Output(torch.nn.functional.relu(ctx.Input(0)));

    /// <summary>value + bias, the 1-D bias broadcast along the last dimension.</summary>
    public static void BiasAdd(KernelContext ctx) => ctx.Output(EngineMath.Add(ctx.Input(0), ctx.Input(1)));
}
