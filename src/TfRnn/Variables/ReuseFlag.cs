namespace TfRnn;

/// <summary>TF's <c>reuse</c> argument: <c>true</c>, <c>false</c> or <c>tf.AUTO_REUSE</c>.</summary>
public readonly struct ReuseFlag : IEquatable<ReuseFlag>
{
    internal enum Mode { False, True, Auto }

    internal ReuseFlag(Mode mode) => Value = mode;
    internal Mode Value { get; }

    /// <summary>Python truthiness: True and AUTO_REUSE are truthy, which decides inheritance.</summary>
    internal bool IsTruthy => Value != Mode.False;
    /// <summary>Whether this is <c>tf.AUTO_REUSE</c> (create variables when missing, reuse them otherwise).</summary>
    public bool is_auto_reuse => Value == Mode.Auto;

    /// <summary><c>reuse=True</c> or <c>reuse=False</c>.</summary>
    public static implicit operator ReuseFlag(bool reuse) => new(reuse ? Mode.True : Mode.False);
    /// <summary>True only for reuse=True (AUTO_REUSE is not True, as in TF).</summary>
    public static implicit operator bool(ReuseFlag flag) => flag.Value == Mode.True;

    /// <summary>Whether both are the same setting.</summary>
    public bool Equals(ReuseFlag other) => Value == other.Value;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReuseFlag f && Equals(f);
    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;
    /// <inheritdoc/>
    public override string ToString() => Value switch { Mode.True => "True", Mode.Auto => "AUTO_REUSE", _ => "False" };
}
