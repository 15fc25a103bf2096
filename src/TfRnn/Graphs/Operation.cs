namespace TfRnn;

/// <summary>Something a session can fetch or run: a tensor, an operation or a variable.</summary>
public interface ITensorOrOperation
{
    string name { get; }
    Graph graph { get; }
}

/// <summary>A graph node: op type, inputs, attributes, outputs and the kernel that computes them.</summary>
public sealed class Operation : ITensorOrOperation, IFetch<NDArray?>
{
    readonly List<Operation> _controlInputs = new();

    internal Operation(Graph graph, string name, string type, Tensor[] inputs, IReadOnlyDictionary<string, object?> attrs,
        Kernel? kernel, string device)
    {
        this.graph = graph;
        this.name = name;
        this.type = type;
        this.inputs = inputs;
        this.attrs = attrs;
        Kernel = kernel;
        this.device = device;
        Id = graph.version;
    }

    public string name { get; }
    public string type { get; }
    public Graph graph { get; }
    public string device { get; }
    public Tensor[] inputs { get; }
    public Tensor[] outputs { get; internal set; } = Array.Empty<Tensor>();
    public IReadOnlyList<Operation> control_inputs => _controlInputs;
    public IReadOnlyDictionary<string, object?> attrs { get; }

    /// <summary>Position in creation order; inputs always have smaller ids, so ids order execution.</summary>
    internal int Id { get; }
    internal Kernel? Kernel { get; }

    /// <summary>
    /// How many leading inputs are variable references (TF's ref inputs): the op writes the variable's
    /// state, so running it must not first read (and so require an initialized) variable.
    /// </summary>
    internal int ReferenceInputCount { get; init; }

    /// <summary>The typed description of a <c>Gradients</c> op; null for every other op.</summary>
    internal GradientsSpec? Gradients { get; init; }

    /// <summary>Ops whose failure to run should not name a kernel: placeholders are fed, not run.</summary>
    internal bool IsPlaceholder => type == "Placeholder";

    public object? get_attr(string attr) =>
        attrs.TryGetValue(attr, out var value) ? value : throw new ValueError($"Operation '{name}' has no attr named '{attr}'.");

    internal void AddControlInput(Operation op)
    {
        if (!_controlInputs.Contains(op)) _controlInputs.Add(op);
    }

    /// <summary>Runs this op in <paramref name="session"/> (or the default session): TF's <c>op.run()</c>.</summary>
    public void run(Session? session = null, params FeedItem[] feed_dict) =>
        (session ?? Session.RequireDefault(this)).run(this, feed_dict);

    /// <inheritdoc cref="run(Session?, FeedItem[])"/>
    public void run(params FeedItem[] feed_dict) => run(null, feed_dict);

    public override string ToString() => $"<tf.Operation '{name}' type={type}>";
}
