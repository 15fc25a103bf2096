using System.Runtime.CompilerServices;
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

    /// <summary>Where a tensor's elements are: looked up once per tensor (variables are read every character).</summary>
    sealed record Location(IntPtr Data, int Count, long ElementSize, long[] Dims);

    static readonly ConditionalWeakTable<torch.Tensor, Location> Locations = new();

    /// <summary>The elements of <paramref name="tensor"/> (contiguous, on the CPU, of element type T).</summary>
    public static Span<T> Span<T>(torch.Tensor tensor) where T : unmanaged
    {
        var location = Locations.GetValue(tensor, Locate);
        if (location.ElementSize != sizeof(T))
            throw new InvalidOperationException($"element size {location.ElementSize} does not match {typeof(T).Name}");
        return location.Count == 0 ? System.Span<T>.Empty : new Span<T>((void*)location.Data, location.Count);
    }

    /// <summary>The tensor's dimensions, looked up with its memory (<c>tensor.shape</c> makes a new array per call); never write them.</summary>
    public static long[] Dims(torch.Tensor tensor) => Locations.GetValue(tensor, Locate).Dims;

    /// <summary>A new contiguous CPU tensor of these dimensions holding <paramref name="values"/> (its element type's <paramref name="type"/>).</summary>
    public static torch.Tensor Copy<T>(ReadOnlySpan<T> values, long[] dims, torch.ScalarType type) where T : unmanaged
    {
        var tensor = torch.empty(dims, type);
        if (tensor.element_size() != sizeof(T)) throw new InvalidOperationException($"{type} does not hold {typeof(T).Name}");
        if (values.Length != tensor.numel()) throw new ArgumentException($"{values.Length} values do not fill a tensor of {tensor.numel()} elements");
        if (values.Length > 0) values.CopyTo(new Span<T>((void*)THSTensor_data(tensor.Handle), values.Length));
        return tensor;
    }

    static Location Locate(torch.Tensor tensor)
    {
        if (!tensor.is_contiguous() || tensor.device_type != DeviceType.CPU)
            throw new InvalidOperationException("host access needs a contiguous CPU tensor");
        long count = tensor.numel();
        return new Location(count == 0 ? IntPtr.Zero : THSTensor_data(tensor.Handle), checked((int)count), tensor.element_size(), tensor.shape);
    }
}
