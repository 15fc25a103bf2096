namespace TfRnn;

/// <summary>
/// The TF1 API surface. Everything reached through <c>tf.</c> keeps TensorFlow's spelling, parameter
/// names and defaults; the module files under Api/ and Ops/ each add one part of it.
/// </summary>
public static partial class tf
{
    /// <summary>16-bit float, <c>tf.float16</c>.</summary>
    public const TF_DataType float16 = TF_DataType.TF_HALF;
    /// <summary>32-bit float, <c>tf.float32</c> (TF's default for float constants and variables).</summary>
    public const TF_DataType float32 = TF_DataType.TF_FLOAT;
    /// <summary>64-bit float, <c>tf.float64</c>.</summary>
    public const TF_DataType float64 = TF_DataType.TF_DOUBLE;
    /// <summary>8-bit signed integer, <c>tf.int8</c>.</summary>
    public const TF_DataType int8 = TF_DataType.TF_INT8;
    /// <summary>16-bit signed integer, <c>tf.int16</c>.</summary>
    public const TF_DataType int16 = TF_DataType.TF_INT16;
    /// <summary>32-bit signed integer, <c>tf.int32</c> (TF's default for integer constants).</summary>
    public const TF_DataType int32 = TF_DataType.TF_INT32;
    /// <summary>64-bit signed integer, <c>tf.int64</c>.</summary>
    public const TF_DataType int64 = TF_DataType.TF_INT64;
    /// <summary>8-bit unsigned integer, <c>tf.uint8</c>.</summary>
    public const TF_DataType uint8 = TF_DataType.TF_UINT8;
    /// <summary>Boolean, <c>tf.bool</c>.</summary>
    public const TF_DataType @bool = TF_DataType.TF_BOOL;
    /// <summary>Byte string, <c>tf.string</c> (serialized summaries).</summary>
    public const TF_DataType @string = TF_DataType.TF_STRING;

    /// <summary>tf.as_dtype(name): the dtype a TF1 string names ("float", "float32", "int32", "bool", …).</summary>
    public static TF_DataType as_dtype(string type_value) => DataTypeExtensions.FromName(type_value);

    /// <summary>tf.Graph(): a new, empty graph.</summary>
    public static Graph Graph() => new();

    /// <summary>tf.get_default_graph().</summary>
    public static Graph get_default_graph() => DefaultGraphStack.Current;

    /// <summary>tf.reset_default_graph(): replaces the global default graph with a new one.</summary>
    public static void reset_default_graph() => DefaultGraphStack.Reset();

    /// <summary>
    /// tf.Session(graph). The session is the default for <c>eval()</c> and <c>op.run()</c> until disposed, so
    /// <c>using var sess = tf.Session();</c> reads as TF's <c>with tf.Session() as sess:</c>.
    /// </summary>
    public static Session Session(Graph? graph = null)
    {
        var session = new Session(graph);
        DefaultSessionStack.Push(session);
        return session;
    }

    /// <summary>tf.InteractiveSession(): a session installed as the default.</summary>
    public static InteractiveSession InteractiveSession(Graph? graph = null) => new(graph);

    /// <summary>tf.get_default_session(): the innermost default session, or null.</summary>
    public static Session? get_default_session() => DefaultSessionStack.Current;

    /// <summary>tf.set_random_seed(seed): the graph-level seed of the default graph.</summary>
    public static void set_random_seed(int seed) => get_default_graph().seed = seed;

    /// <summary>tf.name_scope(name, default_name): a name scope for ops (not variables) until disposed.</summary>
    public static NameScope name_scope(string? name, string? default_name = null) =>
        new(get_default_graph(), name ?? default_name);

    /// <summary>tf.device(name): ops built inside carry this device.</summary>
    public static IDisposable device(string device_name) => get_default_graph().device(device_name);

    /// <summary>tf.control_dependencies(inputs): ops built inside run after <paramref name="control_inputs"/>.</summary>
    public static IDisposable control_dependencies(params ITensorOrOperation[] control_inputs) =>
        get_default_graph().control_dependencies(control_inputs);

    /// <summary>tf.no_op(): an op that does nothing; useful with control dependencies.</summary>
    public static Operation no_op(string? name = null) =>
        get_default_graph().CreateOp("NoOp", name, Array.Empty<Tensor>(), Array.Empty<OutputSpec>(), null);

    /// <summary>tf.group(inputs): an op that runs all of <paramref name="inputs"/>.</summary>
    public static Operation group(params ITensorOrOperation[] inputs) => group(inputs, "group_deps");

    /// <inheritdoc cref="group(ITensorOrOperation[])"/>
    public static Operation group(IEnumerable<ITensorOrOperation> inputs, string name)
    {
        using (get_default_graph().control_dependencies(inputs))
            return no_op(name);
    }
}

/// <summary>An entered name scope; <see cref="ToString"/> and the implicit string give TF's scope string ("a/b/").</summary>
public sealed class NameScope : IDisposable
{
    readonly IDisposable _exit;

    internal NameScope(Graph graph, string? name)
    {
        _exit = graph.EnterNameScope(name, out var entered);
        scope_name = entered;
    }

    /// <summary>The full name of the entered scope, ending in '/', as the string <c>with tf.name_scope(...) as scope</c> binds.</summary>
    public string scope_name { get; }
    /// <summary>Leaves the scope (the end of the <c>with</c> block).</summary>
    public void Dispose() => _exit.Dispose();
    /// <inheritdoc/>
    public override string ToString() => scope_name;
    /// <summary>The scope's name, so the scope can be passed where TF code passes <c>scope</c>.</summary>
    public static implicit operator string(NameScope scope) => scope.scope_name;
}
