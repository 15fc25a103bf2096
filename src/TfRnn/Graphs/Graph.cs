namespace TfRnn;

/// <summary>
/// A TF1 computation graph: operations in creation order (which is also a valid execution order),
/// TF's op naming and name scopes, collections, the graph-level seed and the variable-scope store.
/// </summary>
public sealed partial class Graph
{
    readonly List<Operation> _operations = new();
    readonly Dictionary<string, Operation> _byName = new();
    readonly Dictionary<string, List<object>> _collections = new();
    int _tensorCount;

    /// <summary>The graph-level random seed (<c>tf.set_random_seed</c>); null when unset.</summary>
    public int? seed { get; set; }

    internal VariableScopeStore VariableScopes { get; } = new();

    /// <summary>Ops created so far; TF's <c>graph.version</c>.</summary>
    public int version => _operations.Count;

    /// <summary>Every op in creation order, as <c>graph.get_operations()</c>.</summary>
    public IReadOnlyList<Operation> get_operations() => _operations;

    /// <summary>Makes this graph the default until the returned scope is disposed (TF's <c>with g.as_default():</c>).</summary>
    public IDisposable as_default() => DefaultGraphStack.Push(this);

    /// <summary>The op named <paramref name="name"/>; KeyNotFoundException with TF's text when there is none.</summary>
    public Operation get_operation_by_name(string name) =>
        _byName.TryGetValue(name, out var op) ? op
            : throw new KeyNotFoundException($"The name '{name}' refers to an Operation not in the graph.");

    /// <summary>Looks up <c>op:index</c>; TF's errors for a bare op name or a missing op.</summary>
    public Tensor get_tensor_by_name(string name)
    {
        int colon = name.LastIndexOf(':');
        if (colon < 0)
            throw new ValueError($"The name '{name}' looks like an (invalid) Operation name, not a Tensor. Tensor names must be of the form \"<op_name>:<output_index>\".");
        string opName = name[..colon];
        if (!int.TryParse(name[(colon + 1)..], out int index) || !_byName.TryGetValue(opName, out var op))
            throw new KeyNotFoundException($"The name '{name}' refers to a Tensor which does not exist. The operation, '{opName}', does not exist in the graph.");
        if (index >= op.outputs.Length)
            throw new KeyNotFoundException($"The name '{name}' refers to a Tensor which does not exist. The operation, '{opName}', exists but only has {op.outputs.Length} outputs.");
        return op.outputs[index];
    }

    /// <summary>Resolves a fetch or feed name: <c>op:0</c> is a tensor, a bare name an operation.</summary>
    internal object ResolveName(string name) =>
        name.Contains(':') ? get_tensor_by_name(name) : get_operation_by_name(name);

    // ---- collections -------------------------------------------------------------------------

    /// <summary>Appends <paramref name="value"/> to the named collection (created on first use), as <c>tf.add_to_collection</c>.</summary>
    public void add_to_collection(string name, object value)
    {
        if (!_collections.TryGetValue(name, out var list)) _collections[name] = list = new List<object>();
        list.Add(value);
    }

    /// <summary>A copy of the collection, optionally filtered to items whose name starts with <paramref name="scope"/>.</summary>
    public List<object> get_collection(string name, string? scope = null)
    {
        if (!_collections.TryGetValue(name, out var list)) return new List<object>();
        if (scope == null) return list.ToList();
        return list.Where(item => NameOf(item) is string n && n.StartsWith(scope, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The collection's items of type <typeparamref name="T"/> (e.g. <c>get_collection&lt;Variable&gt;</c>), filtered by scope as <see cref="get_collection(string, string?)"/>.</summary>
    public List<T> get_collection<T>(string name, string? scope = null) => get_collection(name, scope).OfType<T>().ToList();

    /// <summary>The collection's own list (created when missing): changes to it change the collection, as <c>get_collection_ref</c>.</summary>
    public List<object> get_collection_ref(string name)
    {
        if (!_collections.TryGetValue(name, out var list)) _collections[name] = list = new List<object>();
        return list;
    }

    /// <summary>The names of every non-empty collection.</summary>
    public IEnumerable<string> get_all_collection_keys() => _collections.Keys;

    static string? NameOf(object item) => item switch
    {
        Variable v => v.name,
        Tensor t => t.name,
        Operation o => o.name,
        _ => null,
    };

    // ---- op creation -------------------------------------------------------------------------

    internal int NextTensorId() => _tensorCount++;

    internal void Register(Operation op)
    {
        if (_byName.ContainsKey(op.name))
            throw new ValueError($"Duplicate node name in graph: '{op.name}'");
        _operations.Add(op);
        _byName[op.name] = op;
    }
}
