namespace TfRnn;

/// <summary>
/// TF's IndexedSlices: a sparse update holding <see cref="values"/> for the rows <see cref="indices"/> of a
/// tensor of shape <see cref="dense_shape"/>. Clipping scales its values; optimizers apply it row-wise.
/// </summary>
public sealed class IndexedSlices
{
    /// <summary>Rows <paramref name="values"/> at row indices <paramref name="indices"/> of a tensor of shape <paramref name="dense_shape"/>.</summary>
    public IndexedSlices(Tensor values, Tensor indices, Tensor? dense_shape = null)
    {
        this.values = values;
        this.indices = indices;
        this.dense_shape = dense_shape;
    }

    /// <summary>The slices, <c>[n, …]</c>.</summary>
    public Tensor values { get; }
    /// <summary>The row index of each slice, <c>[n]</c>.</summary>
    public Tensor indices { get; }
    /// <summary>The shape of the dense tensor, when known.</summary>
    public Tensor? dense_shape { get; }
    /// <summary>The dtype of the values.</summary>
    public TF_DataType dtype => values.dtype;

    /// <summary>The dense tensor: rows summed into zeros of <see cref="dense_shape"/> (TF's convert_to_tensor).</summary>
    public Tensor ToDense()
    {
        var shape = dense_shape ?? throw new ValueError("Cannot convert an IndexedSlices without dense_shape to a Tensor");
        return OpBuilder.Single("UnsortedSegmentSum", null, new[] { values, indices, shape }, values.dtype, tf.StaticShapeFromValue(shape),
            IndexingKernels.UnsortedSegmentSum);
    }

    /// <inheritdoc/>
    public override string ToString() => $"IndexedSlices(indices={indices}, values={values}, dense_shape={dense_shape})";
}
