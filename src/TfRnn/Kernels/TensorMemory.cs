using System.Runtime.InteropServices;
using TorchSharp;

namespace TfRnn;

/// <summary>
/// Direct access to a contiguous CPU tensor's memory, for kernels whose inner loops run on host SIMD instead of
/// one TorchSharp call per tiny op. The span is valid while the tensor is alive and not resized.
/// </summary>
internal static unsafe class TensorMemory
{
    [DllImport("LibTorchSharp")]
    static extern IntPtr THSTensor_data(IntPtr handle);

    /// <summary>The elements of <paramref name="tensor"/> (contiguous, on the CPU, of element type T).</summary>
    public static Span<T> Span<T>(torch.Tensor tensor) where T : unmanaged
    {
        if (!tensor.is_contiguous() || tensor.device_type != DeviceType.CPU)
            throw new InvalidOperationException("host access needs a contiguous CPU tensor");
        long count = tensor.numel();
        if (count == 0) return System.Span<T>.Empty;
        if (tensor.element_size() != sizeof(T))
            throw new InvalidOperationException($"element size {tensor.element_size()} does not match {typeof(T).Name}");
        return new Span<T>((void*)THSTensor_data(tensor.Handle), checked((int)count));
    }
}
