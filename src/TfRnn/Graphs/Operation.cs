namespace TfRnn;

/// <summary>Something a session can fetch or run: a tensor, an operation or a variable.</summary>
public interface ITensorOrOperation
{
    /// <summary>The graph-unique name (<c>scope/op</c> for an op, <c>scope/op:0</c> for a tensor).</summary>
    string name { get; }
    /// <summary>The graph this belongs to.</summary>
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

    /// <summary>The op's unique name in its graph, with its name scopes (<c>rnn/basic_lstm_cell/MatMul</c>).</summary>
    public string name { get; }
    /// <summary>The op type as in TF's GraphDef (<c>MatMul</c>, <c>Placeholder</c>, <c>VariableV2</c>).</summary>
    public string type { get; }
    /// <summary>The graph that holds this op.</summary>
    public Graph graph { get; }
    /// <summary>The requested device from <c>tf.device</c> (empty when none; everything runs on the CPU).</summary>
    public string device { get; }
    /// <summary>The tensors this op reads, in TF's input order.</summary>
    public Tensor[] inputs { get; }
    /// <summary>The tensors this op produces (<c>op.outputs[i]</c> is <c>name:i</c>).</summary>
    public Tensor[] outputs { get; internal set; } = Array.Empty<Tensor>();
    /// <summary>Ops that must run before this one (<c>tf.control_dependencies</c>).</summary>
    public IReadOnlyList<Operation> control_inputs => _controlInputs;
    /// <summary>The op's attributes by TF's names (<c>dtype</c>, <c>shape</c>, <c>transpose_a</c>, …).</summary>
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

    /// <summary>The value of attribute <paramref name="attr"/>, as <c>op.get_attr</c>; ValueError when the op has none of that name.</summary>
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

    /// <inheritdoc/>
    public override string ToString() => $"<tf.Operation '{name}' type={type}>";
}
