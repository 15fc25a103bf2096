namespace TfRnn;

/// <summary>
/// What <c>tf.get_variable</c>, <c>tf.variable_scope</c> and the cells accept as an initializer, as TF1 does:
/// an <see cref="Initializer"/> (<c>tf.zeros_initializer()</c>, <c>tf.random_uniform_initializer(…)</c>, …) that
/// builds a value of the requested shape, or the initial value itself — a tensor, variable, NDArray, C# array or
/// number (then leave <c>shape</c> unset: the variable takes the value's shape, and an explicit dtype must match it).
/// </summary>
public readonly struct InitializerLike
{
    readonly object? _value;

    InitializerLike(object? value) => _value = value;

    /// <summary>A custom <see cref="IInitializer"/> (one deriving from <see cref="Initializer"/> converts implicitly).</summary>
    public InitializerLike(IInitializer initializer) : this((object?)initializer) { }

    /// <summary>The initializer or value as given, or null for none (TF's None, also a null reference converted).</summary>
    internal static object? ValueOrNone(InitializerLike? like) => like?._value;

    /// <summary>An initializer object, called with the variable's shape and dtype.</summary>
    public static implicit operator InitializerLike(Initializer? value) => new((object?)value);
    /// <summary>A tensor: the initial value (null is no initializer).</summary>
    public static implicit operator InitializerLike(Tensor? value) => new(value);
    /// <summary>A variable: its value is the initial value.</summary>
    public static implicit operator InitializerLike(Variable? value) => new(value);
    /// <summary>An array: the initial value, as a constant.</summary>
    public static implicit operator InitializerLike(NDArray? value) => new(value);
    /// <summary>A C# array (any rank): the initial value, as a constant.</summary>
    public static implicit operator InitializerLike(Array? value) => new(value);
    /// <summary>Anything a <c>tf.*</c> op takes as a tensor: the initial value.</summary>
    public static implicit operator InitializerLike(TensorLike value) => new(TensorLike.ValueOrNone(value));
    /// <summary>A number: a scalar initial value (C# floating numbers become float32, as with <c>tf.constant</c>).</summary>
    public static implicit operator InitializerLike(int value) => new(value);
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator InitializerLike(long value) => new(value);
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator InitializerLike(float value) => new(value);
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator InitializerLike(double value) => new(value);
    /// <summary>A boolean scalar initial value.</summary>
    public static implicit operator InitializerLike(bool value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => _value?.ToString() ?? "None";
}
