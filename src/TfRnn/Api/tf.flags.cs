using System.Dynamic;

namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.flags (also tf.app.flags): command-line flags defined by name, read as <c>FLAGS.name</c>, parsed by <c>tf.app.run</c>.</summary>
    public static FlagsModule flags { get; } = new();
}

/// <summary>
/// The DEFINE_* functions of TF1's <c>tf.flags</c> and the <c>FLAGS</c> object they fill. Before
/// <c>tf.app.run</c> parses the command line, each flag reads as its default.
/// </summary>
public sealed class FlagsModule
{
    internal FlagValues Values { get; } = new();

    /// <summary>tf.flags.FLAGS: every defined flag as a member (<c>FLAGS.batch_size</c>); assignable, as in Python.</summary>
    public dynamic FLAGS => Values;

    /// <summary>tf.flags.DEFINE_string(name, default, help).</summary>
    public void DEFINE_string(string name, string? default_value, string help) => Values.Define(name, typeof(string), default_value, help);

    /// <summary>tf.flags.DEFINE_integer(name, default, help).</summary>
    public void DEFINE_integer(string name, int default_value, string help) => Values.Define(name, typeof(int), default_value, help);

    /// <summary>tf.flags.DEFINE_float(name, default, help).</summary>
    public void DEFINE_float(string name, double default_value, string help) => Values.Define(name, typeof(double), default_value, help);

    /// <summary>tf.flags.DEFINE_boolean(name, default, help): set by a bare <c>--name</c>, cleared by <c>--noname</c>.</summary>
    public void DEFINE_boolean(string name, bool default_value, string help) => Values.Define(name, typeof(bool), default_value, help);

    /// <inheritdoc cref="DEFINE_boolean"/>
    public void DEFINE_bool(string name, bool default_value, string help) => DEFINE_boolean(name, default_value, help);
}

/// <summary>One defined flag: its type, help text and current value.</summary>
internal sealed class Flag(string name, Type type, object? value, string help)
{
    public string Name { get; } = name;
    public Type Type { get; } = type;
    public string Help { get; } = help;
    public object? Value { get; set; } = value;
}

/// <summary>The <c>FLAGS</c> object: a dynamic view of the defined flags.</summary>
internal sealed class FlagValues : DynamicObject
{
    readonly Dictionary<string, Flag> _flags = new();

    public IReadOnlyCollection<Flag> All => _flags.Values;

    public void Define(string name, Type type, object? value, string help)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('-')) throw new ValueError($"Flag name must be a plain name, got '{name}'");
        if (!_flags.TryAdd(name, new Flag(name, type, value, help))) throw new ValueError($"The flag '{name}' is defined twice.");
    }

    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        result = Find(binder.Name).Value;
        return true;
    }

    public override bool TrySetMember(SetMemberBinder binder, object? value)
    {
        var flag = Find(binder.Name);
        flag.Value = value is null || flag.Type.IsInstanceOfType(value) ? value : Convert.ChangeType(value, flag.Type, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public override IEnumerable<string> GetDynamicMemberNames() => _flags.Keys;

    Flag Find(string name) => _flags.TryGetValue(name, out var flag)
        ? flag
        : throw new KeyNotFoundException($"FLAGS has no flag '{name}'; define it first with tf.flags.DEFINE_string/integer/float/boolean.");
}
