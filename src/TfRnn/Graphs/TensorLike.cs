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

    public static implicit operator TensorLike(Tensor? value) => new(value!);   // null: TF's None (see ValueOrNone)
    public static implicit operator TensorLike(Variable value) => new(value);
    public static implicit operator TensorLike(NDArray value) => new(value);
    public static implicit operator TensorLike(Shape value) => new(value);
    public static implicit operator TensorLike(Nest<Tensor> value) => new(value);
    public static implicit operator TensorLike(int value) => new(value);
    public static implicit operator TensorLike(long value) => new(value);
    public static implicit operator TensorLike(float value) => new(value);
    public static implicit operator TensorLike(double value) => new(value);
    public static implicit operator TensorLike(bool value) => new(value);
    public static implicit operator TensorLike(string value) => new(value);
    public static implicit operator TensorLike(Array? value) => new(value!);

    /// <summary>A collection expression: its items as one list value.</summary>
    public static TensorLike Create(ReadOnlySpan<object> items) => new(items.ToArray());

    /// <summary>The items of a list value (a single value enumerates as itself).</summary>
    public IEnumerator<object> GetEnumerator() => (Value is object[] items ? items : new[] { Value }).AsEnumerable().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Value.ToString() ?? "";
}
