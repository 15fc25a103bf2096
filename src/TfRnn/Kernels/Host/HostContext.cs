using TorchSharp;

namespace TfRnn;

/// <summary>Computes one op's outputs on the host during a small no-gradient run (see <see cref="HostPlan"/>).</summary>
internal delegate void HostKernel(HostContext ctx);

/// <summary>
/// What a host kernel sees: its inputs and output slots. A value is an <see cref="NDArray"/>, or the engine tensor
/// of a variable, read in place (so a run never copies weights). A value may carry other dimensions than its own
/// (a reshape relabels its input without copying). Kernels write only into the output arrays the context lends
/// them (<see cref="OutputFloats"/>): one per op output, kept by the plan and reused while its shape is unchanged,
/// so inputs (feeds, constants, variables) are never written.
/// </summary>
internal sealed class HostContext(object?[] values, long[]?[] relabelled, NDArray?[][] outputs)
{
    int[] _inputSlots = [];
    int[] _outputSlots = [];
    int _step;

    public ResourceStore Resources { get; internal set; } = null!;
    public Operation Op { get; private set; } = null!;

    internal void Enter(Operation op, int step, int[] inputSlots, int[] outputSlots)
    {
        Op = op;
        _step = step;
        _inputSlots = inputSlots;
        _outputSlots = outputSlots;
    }

    public object Input(int index) => values[_inputSlots[index]]!;

    /// <summary>Input <paramref name="index"/> as a host array of its dimensions (an engine tensor is copied).</summary>
    public NDArray Array(int index)
    {
        var array = HostValues.ToArray(Input(index));
        return relabelled[_inputSlots[index]] is { } dims ? array.reshape(dims) : array;
    }

    /// <summary>The float32 elements of input <paramref name="index"/>, in place.</summary>
    public ReadOnlySpan<float> Floats(int index) => HostValues.Floats(Input(index));

    /// <summary>Input <paramref name="index"/>'s dimensions (never write them).</summary>
    public long[] Dims(int index) => relabelled[_inputSlots[index]] ?? HostValues.Dims(Input(index));

    public void Output(int index, object value) => Pass(index, value, null);

    /// <summary>Output <paramref name="index"/> is input <paramref name="input"/>'s value, under <paramref name="dims"/> when given.</summary>
    public void Relabel(int index, int input, long[]? dims = null) =>
        Pass(index, Input(input), dims ?? relabelled[_inputSlots[input]]);

    void Pass(int index, object value, long[]? dims)
    {
        int slot = _outputSlots[index];
        if (slot < 0) return;
        values[slot] = value;
        relabelled[slot] = dims;
    }

    /// <summary>
    /// The float32 array of output <paramref name="index"/> with dimensions <paramref name="dims"/>: this op's own from
    /// the last run when its shape is unchanged (stale elements: the kernel writes every one), else a new one.
    /// </summary>
    public float[] OutputFloats(int index, ReadOnlySpan<long> dims)
    {
        ref var buffer = ref outputs[_step][index];
        if (buffer == null || !buffer.Dims.AsSpan().SequenceEqual(dims))
            buffer = new NDArray(new float[NDArray.ElementCount(dims)], dims.ToArray());   // a new dims array: results may share the old one
        Output(index, buffer);
        return (float[])buffer.Storage;
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
        torch.Tensor t => TensorMemory.Dims(t),
        _ => throw new InvalidOperationException($"not a numeric value: {value}"),
    };

    public static NDArray ToArray(object value) => value as NDArray ?? TensorConversion.ToNDArray((torch.Tensor)value);

    /// <summary>Element <paramref name="i"/> of an integer value (int32 or int64 indices, lengths), without converting the rest.</summary>
    public static long Index(object value, int i) => value switch
    {
        NDArray { Storage: int[] a } => a[i],
        NDArray { Storage: long[] a } => a[i],
        torch.Tensor { dtype: torch.ScalarType.Int32 } t => TensorMemory.Span<int>(t)[i],
        torch.Tensor { dtype: torch.ScalarType.Int64 } t => TensorMemory.Span<long>(t)[i],
        _ => ToArray(value).Data<long>()[i],
    };

    /// <summary>The number of elements of a value.</summary>
    public static long Count(object value) => value is NDArray a ? a.size : ((torch.Tensor)value).numel();
}
