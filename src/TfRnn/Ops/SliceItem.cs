namespace TfRnn;

/// <summary>
/// One item of NumPy-style tensor indexing (<c>x[1..3, ^1]</c>, TF's <c>x[1:3, -1]</c>): an index (an int, a long,
/// a C# <see cref="System.Index"/> such as <c>^1</c>, or a scalar integer tensor) drops its axis; a slice (a C#
/// <see cref="System.Range"/> or a string <c>":"</c>, <c>"1:"</c>, <c>"::2"</c>) keeps it; <see cref="tf.newaxis"/>
/// inserts an axis of 1 and <see cref="Ellipsis"/> (or <c>"..."</c>) stands for every axis not indexed.
/// </summary>
public readonly struct SliceItem
{
    internal SliceItem(tf.SliceSpec spec, Tensor? index = null)
    {
        Spec = spec;
        IndexTensor = index;
    }

    internal tf.SliceSpec Spec { get; }
    /// <summary>The index of a dynamic item (an op input), else null.</summary>
    internal Tensor? IndexTensor { get; }

    /// <summary>TF's <c>...</c>: as many full slices as the axes the other items leave unindexed.</summary>
    public static SliceItem Ellipsis { get; } = new(new tf.SliceSpec(tf.SliceKind.Ellipsis));
    /// <summary>TF's <c>tf.newaxis</c> (None): a new axis of length 1.</summary>
    public static SliceItem NewAxis { get; } = new(new tf.SliceSpec(tf.SliceKind.NewAxis));

    /// <summary>An index: drops the axis (negative counts from the end).</summary>
    public static implicit operator SliceItem(int index) => new(tf.SliceSpec.At(index));
    /// <inheritdoc cref="op_Implicit(int)"/>
    public static implicit operator SliceItem(long index) => new(tf.SliceSpec.At(index));
    /// <summary>A C# index: <c>^1</c> is the last element (Python's -1).</summary>
    public static implicit operator SliceItem(Index index) => new(tf.SliceSpec.At(!index.IsFromEnd ? index.Value
        : index.Value > 0 ? -index.Value : throw new ValueError("Index ^0 is past the end of the axis")));
    /// <summary>A C# range: <c>1..3</c>, <c>..^1</c>, <c>2..</c> (Python's 1:3, :-1, 2:).</summary>
    public static implicit operator SliceItem(Range range) =>
        new(new tf.SliceSpec(tf.SliceKind.Slice, Start: SliceStart(range.Start), Stop: SliceStop(range.End)));

    /// <summary><c>^k</c> is Python's <c>-k</c>; <c>^0</c> as a start lies past every axis, so the slice is empty (torch clamps it).</summary>
    static long SliceStart(Index start) => !start.IsFromEnd ? start.Value : start.Value > 0 ? -start.Value : int.MaxValue;
    /// <summary><c>^0</c> as a stop is the end of the axis (Python's omitted stop).</summary>
    static long? SliceStop(Index end) => !end.IsFromEnd ? end.Value : end.Value > 0 ? -end.Value : null;

    /// <summary>A slice string (<c>":"</c>, <c>"1:3"</c>, <c>"::2"</c>), an index as a string (<c>"-1"</c>) or <c>"..."</c>.</summary>
    public static implicit operator SliceItem(string slice) => new(tf.SliceSpec.Parse(slice));
    /// <summary>A scalar int32 or int64 tensor: an index read when the op runs (drops the axis).</summary>
    public static implicit operator SliceItem(Tensor index)
    {
        if (!index.dtype.is_integer() || index.shape.is_known_rank && index.ndim != 0)
            throw new TypeError("Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices, " +
                $"got {index}");
        return new(new tf.SliceSpec(tf.SliceKind.TensorIndex), index);
    }

    /// <inheritdoc/>
    public override string ToString() => IndexTensor?.ToString() ?? Spec.ToString();
}
