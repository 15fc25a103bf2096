namespace TfRnn;

/// <summary>
/// What the RNN loops and <c>cell.call</c> take as <c>scope</c>, as TF1 does: a variable scope name
/// (<c>scope: "rnnlm"</c>) or a captured <see cref="VariableScope"/>; null (or a null reference) is the default scope.
/// </summary>
public readonly struct ScopeLike
{
    readonly string? _name;
    readonly VariableScope? _scope;

    ScopeLike(string? name, VariableScope? scope)
    {
        _name = name;
        _scope = scope;
    }

    /// <summary>A scope name, opened under the current variable scope.</summary>
    public static implicit operator ScopeLike(string? name) => new(name, null);
    /// <summary>A captured scope, re-entered (its variable names, a fresh name scope).</summary>
    public static implicit operator ScopeLike(VariableScope? scope) => new(null, scope);

    /// <summary>Whether no scope was given (TF's None).</summary>
    internal bool IsNone => _scope == null && _name == null;

    /// <summary>Enters the scope as <c>tf.variable_scope</c> does; dispose to leave.</summary>
    internal VariableScope Enter() => _scope != null ? tf.variable_scope(_scope) : tf.variable_scope(_name);

    /// <summary>Enters <paramref name="scope"/>, or <paramref name="defaultName"/> when it is none.</summary>
    internal static VariableScope Enter(ScopeLike? scope, string defaultName) =>
        scope is { IsNone: false } given ? given.Enter() : tf.variable_scope(defaultName);

    /// <inheritdoc/>
    public override string ToString() => _scope?.name ?? _name ?? "None";
}
