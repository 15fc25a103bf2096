namespace TfRnn;

/// <summary>
/// TF's VariableScope: the prefix of variable names, the reuse flag and the default initializer and dtype.
/// The object returned by <c>tf.variable_scope(...)</c> leaves the scope when disposed and can be passed to
/// <c>tf.variable_scope</c> again to re-enter it (its variable names, with a fresh name scope).
/// </summary>
public sealed class VariableScope : IDisposable
{
    Action? _exit;

    internal VariableScope(ReuseFlag reuse, string name = "", InitializerLike? initializer = null, TF_DataType dtype = TF_DataType.TF_FLOAT,
        string? nameScope = null)
    {
        _reuse = reuse;
        this.name = name;
        this.initializer = initializer;
        this.dtype = dtype;
        original_name_scope = nameScope ?? "";
    }

    ReuseFlag _reuse;

    /// <summary>The scope's full name (<c>rnnlm/softmax</c>).</summary>
    public string name { get; }
    /// <summary>Whether get_variable in this scope reuses existing variables (True, False or AUTO_REUSE).</summary>
    public ReuseFlag reuse => _reuse;
    /// <summary>
    /// Default initializer for variables created without one (an initializer, a tensor or a value). C# reserves
    /// <c>set_initializer</c> for this property, so TF's <c>scope.set_initializer(x)</c> is <c>scope.initializer = x</c>.
    /// </summary>
    public InitializerLike? initializer { get; set; }
    /// <summary>Default dtype of new variables; TF's <c>set_dtype(d)</c> is <c>scope.dtype = d</c>.</summary>
    public TF_DataType dtype { get; set; }
    /// <summary>The name scope this scope was first opened with ("tower/" or "outer_1/").</summary>
    public string original_name_scope { get; }

    /// <summary>Makes later get_variable calls in this scope reuse existing variables, as <c>scope.reuse_variables()</c>.</summary>
    public void reuse_variables() => _reuse = true;

    /// <summary>Gets or creates <c>name</c> under this scope (see <c>tf.get_variable</c>).</summary>
    public Variable get_variable(string name, Shape? shape = null, TF_DataType dtype = TF_DataType.DtInvalid, InitializerLike? initializer = null,
        bool? trainable = null, IEnumerable<string>? collections = null, bool validate_shape = true) =>
        VariableStore.GetVariable(this, name, shape, dtype, initializer, trainable, collections, validate_shape);

    internal void OnExit(Action exit) => _exit = exit;

    /// <summary>Leaves the scope entered by <c>tf.variable_scope</c>.</summary>
    public void Dispose()
    {
        var exit = _exit;
        _exit = null;
        exit?.Invoke();
    }

    /// <inheritdoc/>
    public override string ToString() => $"<VariableScope '{name}' reuse={reuse}>";
}

/// <summary>Per-graph state: the current variable scope, how often each scope name was opened, and the variables by name.</summary>
internal sealed class VariableScopeStore
{
    public VariableScope Current { get; set; } = new(false);
    public Dictionary<string, int> OpenCounts { get; set; } = new();
    public Dictionary<string, Variable> Variables { get; } = new();

    public void Open(string scopeName) => OpenCounts[scopeName] = OpenCounts.GetValueOrDefault(scopeName) + 1;

    public void CloseSubscopes(string scopeName)
    {
        foreach (var key in OpenCounts.Keys.ToList())
            if (key.StartsWith(scopeName + "/", StringComparison.Ordinal)) OpenCounts[key] = 0;
    }

    public int Count(string scopeName) => OpenCounts.GetValueOrDefault(scopeName);
}
