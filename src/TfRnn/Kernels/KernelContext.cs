using TorchSharp;

namespace TfRnn;

/// <summary>Computes an op's outputs from its inputs during <c>Session.run</c>.</summary>
internal delegate void Kernel(KernelContext ctx);

/// <summary>
/// What a kernel sees while it runs: its op, inputs and output slots, the session's resource store, and
/// the executor's sub-plan runner (for loop bodies). Kernels never see the Session itself.
/// </summary>
internal sealed class KernelContext
{
    readonly Executor _executor;
    readonly object?[] _values;
    readonly List<IDisposable> _runDisposables;
    int[] _inputSlots = Array.Empty<int>();
    int[] _outputSlots = Array.Empty<int>();

    internal KernelContext(Executor executor, object?[] values, List<IDisposable> runDisposables)
    {
        _executor = executor;
        _values = values;
        _runDisposables = runDisposables;
    }

    /// <summary>Variable values and per-op state that outlive the run.</summary>
    public ResourceStore Resources => _executor.Resources;
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

    /// <summary>A small integer input (shape, axis, sizes) read to the host.</summary>
    public long[] InputLongs(int index) => Input(index).to_type(torch.ScalarType.Int64).data<long>().ToArray();

    public void Output(int index, object value)
    {
        int slot = _outputSlots[index];
        if (slot >= 0) _values[slot] = value;
    }

    public void Output(torch.Tensor value) => Output(0, value);

    public T Attr<T>(string name) => (T)Op.attrs[name]!;

    /// <summary>Runs <paramref name="plan"/> inside this run (same dispose scope and gradient mode); results stay engine values.</summary>
    public object?[] RunSubPlan(ExecutionPlan plan, object[] feeds) => _executor.RunSubPlan(plan, feeds, _runDisposables);

    /// <summary>
    /// Disposes <paramref name="disposable"/> when the whole run ends, after its gradients: for native objects the
    /// run's dispose scope cannot hold (it takes tensors only), such as a module built for one run.
    /// </summary>
    public void DisposeAfterRun(IDisposable disposable) => _runDisposables.Add(disposable);
}
