namespace TfRnn;

/// <summary>The dtype and static shape of one op output, decided when the op is built.</summary>
internal readonly record struct OutputSpec(TF_DataType DType, Shape Shape);

public sealed partial class Graph
{
    readonly Stack<List<Operation>> _controlDependencies = new();
    readonly Stack<string> _devices = new();

    internal string CurrentDevice => _devices.Count > 0 ? _devices.Peek() : "";

    /// <summary>
    /// Adds an op named uniquely from <paramref name="name"/> (or its type) in the current name scope, with
    /// the current device and control dependencies; returns it with its outputs made.
    /// </summary>
    internal Operation CreateOp(string type, string? name, Tensor[] inputs, OutputSpec[] outputs, Kernel? kernel,
        IReadOnlyDictionary<string, object?>? attrs = null, int referenceInputs = 0, GradientsSpec? gradients = null)
    {
        foreach (var input in inputs)
            if (!ReferenceEquals(input.graph, this))
                throw new ValueError($"Tensor {input.name} must be from the same graph as the op being created ('{name ?? type}').");
        bool unregistered = _unregistered > 0;
        string opName = name != null && name.EndsWith('/') ? name[..^1] : unique_name(name ?? type, mark_as_used: !unregistered);
        var op = new Operation(this, opName, type, inputs, attrs ?? EmptyAttrs, kernel, CurrentDevice)
        {
            ReferenceInputCount = referenceInputs,
            Gradients = gradients,
        };
        op.outputs = outputs.Select((o, i) => new Tensor(op, i, o.DType, o.Shape)).ToArray();
        foreach (var deps in _controlDependencies)
            foreach (var dep in deps)
                op.AddControlInput(dep);
        if (!unregistered) Register(op);
        return op;
    }

    int _unregistered;

    /// <summary>
    /// Builds ops that exist for execution plans only (<see cref="TimeSlices"/>' shortcut): their names are not
    /// reserved, they are not in the graph's op list or its GraphDef, and they do not count towards
    /// <see cref="version"/>, the op count that seeds random ops without a seed of their own, so building them changes
    /// nothing a TF program can see. Each shares the id of the next registered op, so a plan orders it where that op
    /// would run.
    /// </summary>
    internal T Unregistered<T>(Func<T> build)
    {
        _unregistered++;
        try { return build(); }
        finally { _unregistered--; }
    }

    static readonly IReadOnlyDictionary<string, object?> EmptyAttrs = new Dictionary<string, object?>();

    /// <summary>TF's <c>control_dependencies</c>: ops built inside run only after <paramref name="controlInputs"/>; null clears.</summary>
    public IDisposable control_dependencies(IEnumerable<ITensorOrOperation>? controlInputs)
    {
        if (controlInputs == null)
        {
            var saved = _controlDependencies.ToArray();
            _controlDependencies.Clear();
            return new Restore(() =>
            {
                foreach (var deps in saved.Reverse()) _controlDependencies.Push(deps);
            });
        }
        var ops = controlInputs.Select(c => c switch
        {
            Operation o => o,
            Tensor t => t.op,
            Variable v => v.op,
            _ => throw new TypeError($"Can not convert {c} to an Operation for control_dependencies"),
        }).ToList();
        _controlDependencies.Push(ops);
        return new Restore(() => _controlDependencies.Pop());
    }

    /// <summary>TF's <c>graph.device</c>: ops built inside carry this device string.</summary>
    public IDisposable device(string deviceName)
    {
        _devices.Push(DeviceSpec.Canonical(deviceName));
        return new Restore(() => _devices.Pop());
    }
}
