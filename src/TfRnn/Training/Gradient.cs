namespace TfRnn;

/// <summary>
/// One gradient as TF1's optimizers and clipping functions take it: a dense <see cref="TfRnn.Tensor"/>, an
/// <see cref="TfRnn.IndexedSlices"/> (the sparse gradient of a gather or embedding lookup), or none (null, TF's
/// None, for a variable the loss does not depend on). Both convert implicitly, so
/// <c>apply_gradients(new Gradient[] { dense, sparse }.Zip(tvars))</c> reads as the Python list does.
/// </summary>
public readonly struct Gradient
{
    readonly object? _value;

    Gradient(object? value) => _value = value;

    /// <summary>A dense gradient (null is no gradient).</summary>
    public static implicit operator Gradient(Tensor? value) => new(value);
    /// <summary>A sparse gradient (null is no gradient).</summary>
    public static implicit operator Gradient(IndexedSlices? value) => new(value);

    /// <summary>The gradient as a dense tensor (an IndexedSlices is summed into zeros, as TF's convert_to_tensor does); null for none.</summary>
    public static explicit operator Tensor?(Gradient gradient) => gradient.Tensor ?? gradient.IndexedSlices?.ToDense();

    /// <summary>Whether there is no gradient (TF's None).</summary>
    public bool IsNone => _value == null;
    /// <summary>The dense gradient; null when there is none or it is an IndexedSlices.</summary>
    public Tensor? Tensor => _value as Tensor;
    /// <summary>The sparse gradient; null when there is none or it is dense.</summary>
    public IndexedSlices? IndexedSlices => _value as IndexedSlices;

    /// <inheritdoc/>
    public override string ToString() => _value?.ToString() ?? "None";
}
