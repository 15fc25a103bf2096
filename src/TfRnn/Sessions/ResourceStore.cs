using TorchSharp;

namespace TfRnn;

/// <summary>
/// What a session holds between runs: variable values and per-op state (cached constants, random
/// generators), all owned outside any run's dispose scope. Kernels and <see cref="Saver"/> share it.
/// </summary>
internal sealed class ResourceStore : IDisposable
{
    readonly Dictionary<Operation, torch.Tensor> _variables = new();
    readonly Dictionary<Operation, object> _opState = new();

    public bool TryGetVariable(Operation variableOp, out torch.Tensor value) => _variables.TryGetValue(variableOp, out value!);

    /// <summary>The variable's value; TF's FailedPrecondition when it was never initialized.</summary>
    public torch.Tensor RequireVariable(Operation variableOp) =>
        _variables.TryGetValue(variableOp, out var value) ? value
            : throw new FailedPreconditionError($"Attempting to use uninitialized value {variableOp.name}");

    /// <summary>
    /// Assigns a variable: writes in place when the shape is unchanged (other holders see the update),
    /// else stores a fresh copy (tracking gradients when floating, so it can be differentiated).
    /// </summary>
    public torch.Tensor Assign(Operation variableOp, torch.Tensor incoming)
    {
        using var noGrad = torch.no_grad();
        bool exists = _variables.TryGetValue(variableOp, out var existing);
        if (exists && existing!.shape.SequenceEqual(incoming.shape))
        {
            existing.copy_(incoming);
            return existing;
        }
        var stored = incoming.detach().clone();
        if (torch.is_floating_point(stored.dtype)) stored.requires_grad_(true);
        if (exists) existing!.Dispose();
        stored.DetachFromDisposeScope();
        _variables[variableOp] = stored;
        return stored;
    }

    /// <summary>A variable's current value as a host array (what Saver writes); FailedPrecondition when uninitialized.</summary>
    public NDArray ReadVariable(Variable variable) => TensorConversion.ToNDArray(RequireVariable(variable.op).detach());

    /// <summary>Sets a variable from a host array (what Saver.restore does).</summary>
    public void WriteVariable(Variable variable, NDArray value)
    {
        using var scope = torch.NewDisposeScope();
        Assign(variable.op, TensorConversion.ToTorch(value));
    }

    /// <summary>Per-op state that lives as long as the session (cached constants, random generators).</summary>
    public T GetOrCreateOpState<T>(Operation op, Func<T> create) where T : class
    {
        if (_opState.TryGetValue(op, out var state)) return (T)state;
        var created = create();
        if (created is torch.Tensor t) t.DetachFromDisposeScope();
        _opState[op] = created;
        return created;
    }

    public void Dispose()
    {
        foreach (var value in _variables.Values) value.Dispose();
        foreach (var state in _opState.Values) (state as IDisposable)?.Dispose();
        _variables.Clear();
        _opState.Clear();
    }
}
