using TorchSharp;

namespace TfRnn;

/// <summary>Computes one op's outputs on the host during a small no-gradient run (see <see cref="HostPlan"/>).</summary>
internal delegate void HostKernel(HostContext ctx);

/// <summary>
/// What a host kernel sees: its inputs and output slots. A value is an <see cref="NDArray"/>, or the engine tensor
/// of a variable, read in place (so a run never copies weights).
/// </summary>
internal sealed class HostContext(ResourceStore resources, object?[] values)
{
    int[] _inputSlots = [];
    int[] _outputSlots = [];

    public ResourceStore Resources { get; } = resources;
    public Operation Op { get; private set; } = null!;

    internal void Enter(Operation op, int[] inputSlots, int[] outputSlots)
    {
        Op = op;
        _inputSlots = inputSlots;
        _outputSlots = outputSlots;
    }

    public object Input(int index) => values[_inputSlots[index]]!;

    /// <summary>Input <paramref name="index"/> as a host array (an engine tensor is copied).</summary>
    public NDArray Array(int index) => HostValues.ToArray(Input(index));

    /// <summary>The float32 elements of input <paramref name="index"/>, in place.</summary>
    public ReadOnlySpan<float> Floats(int index) => HostValues.Floats(Input(index));

    public long[] Dims(int index) => HostValues.Dims(Input(index));

    public void Output(int index, object value)
    {
        int slot = _outputSlots[index];
        if (slot >= 0) values[slot] = value;
    }
}

/// <summary>Reads host-run values, whichever side holds them.</summary>
internal static class HostValues
{
    public static ReadOnlySpan<float> Floats(object value) => value switch
    {
        NDArray a => a.Data<float>(),
        torch.Tensor t => TensorMemory.Span<float>(t),
        _ => throw new InvalidOperationException($"not a numeric value: {value}"),
    };

    public static long[] Dims(object value) => value switch
    {
        NDArray a => a.Dims,
        torch.Tensor t => t.shape,
        _ => throw new InvalidOperationException($"not a numeric value: {value}"),
    };

    public static NDArray ToArray(object value) => value as NDArray ?? TensorConversion.ToNDArray((torch.Tensor)value);
}
