using TorchSharp;

namespace TfRnn;

/// <summary>Computes an op's outputs from its inputs during <c>Session.run</c>.</summary>
internal delegate void Kernel(KernelContext ctx);

/// <summary>What a kernel sees while it runs: its inputs, its output slots and the session's state.</summary>
internal sealed class KernelContext
{
    readonly object?[] _values;
    int[] _inputSlots = Array.Empty<int>();
    int[] _outputSlots = Array.Empty<int>();

    internal KernelContext(Session session, object?[] values)
    {
        Session = session;
        _values = values;
    }

    public Session Session { get; }
    public Operation Op { get; private set; } = null!;

    internal void Enter(Operation op, int[] inputSlots, int[] outputSlots)
    {
        Op = op;
        _inputSlots = inputSlots;
        _outputSlots = outputSlots;
    }

    public int InputCount => _inputSlots.Length;

    public torch.Tensor Input(int index) => _values[_inputSlots[index]] as torch.Tensor
        ?? throw new InvalidOperationException($"input {index} of '{Op.name}' is not a numeric tensor");

    public object InputValue(int index) => _values[_inputSlots[index]]!;

    public void Output(int index, object value)
    {
        int slot = _outputSlots[index];
        if (slot >= 0) _values[slot] = value;
    }

    public void Output(torch.Tensor value) => Output(0, value);

    public T Attr<T>(string name) => (T)Op.attrs[name]!;
}
