using System.Collections;
using System.Runtime.CompilerServices;

namespace TfRnn;

/// <summary>
/// What a <c>tf.*</c> function accepts where TF1 takes "a Tensor or anything convertible to one": a tensor, a
/// variable, an NDArray, a fully known Shape, a C# scalar or array, or a collection expression
/// (<c>tf.reshape(x, [-1, n_input])</c>; a list holding tensors is stacked, as TF's auto-packing does).
/// Conversion happens when the op is built, with TF's errors.
/// </summary>
[CollectionBuilder(typeof(TensorLike), nameof(Create))]
public readonly struct TensorLike : IEnumerable<object>
{
    readonly object? _value;

    TensorLike(object value) => _value = value;

    /// <summary>The value as given (unwrapped by <c>OpBuilder.ToTensor</c>).</summary>
    internal object Value => _value ?? throw new ValueError("None values not supported.");

    /// <summary>The value, or null for a missing one or a null reference converted (TF's None).</summary>
    internal static object? ValueOrNone(TensorLike? like) => like?._value;

    /// <summary>A tensor, used as is (null is TF's None).</summary>
    public static implicit operator TensorLike(Tensor? value) => new(value!);   // null: TF's None (see ValueOrNone)
    /// <summary>A variable: its value (TF reads the variable where a tensor is expected).</summary>
    public static implicit operator TensorLike(Variable value) => new(value);
    /// <summary>An array, converted to a constant.</summary>
    public static implicit operator TensorLike(NDArray value) => new(value);
    /// <summary>A fully known shape, as an int32 vector of its dimensions.</summary>
    public static implicit operator TensorLike(Shape value) => new(value);
    /// <summary>A nest of tensors (a tuple is packed like a list of tensors; a leaf is its tensor).</summary>
    public static implicit operator TensorLike(Nest<Tensor> value) => new(value);
    /// <summary>A number, converted to a constant of the dtype the op infers.</summary>
    public static implicit operator TensorLike(int value) => new(value);
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator TensorLike(long value) => new(value);
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator TensorLike(float value) => new(value);
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator TensorLike(double value) => new(value);
    /// <summary>A boolean constant.</summary>
    public static implicit operator TensorLike(bool value) => new(value);
    /// <summary>A string constant (or a dtype/shape spelling where the op takes one).</summary>
    public static implicit operator TensorLike(string value) => new(value);
    /// <summary>A C# array (any rank), converted to a constant (null is TF's None).</summary>
    public static implicit operator TensorLike(Array? value) => new(value!);

    /// <summary>A collection expression: its items as one list value.</summary>
    public static TensorLike Create(ReadOnlySpan<object> items) => new(items.ToArray());

    /// <summary>The items of a list value (a single value enumerates as itself).</summary>
    public IEnumerator<object> GetEnumerator() => (Value is object[] items ? items : new[] { Value }).AsEnumerable().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => Value.ToString() ?? "";
}
