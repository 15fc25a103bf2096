namespace TfRnn;

/// <summary>
/// One index of <c>NDArray</c>'s multi-axis indexer, as numpy takes them: an integer (drops the axis), a C#
/// <see cref="Range"/> or <see cref="System.Index"/> (<c>a[..n]</c>, <c>a[^1]</c>), or an integer or boolean array
/// (fancy and mask indexing). A bare <c>int[]</c> is the integer indexer <c>a[i, j]</c>; fancy indexing takes
/// <c>a[np.array(new[] { 0, 2 })]</c>.
/// </summary>
public readonly struct NDIndex
{
    internal enum IndexKind { Integer, Slice, Array }

    NDIndex(IndexKind kind, Index single = default, Range range = default, NDArray? array = null)
    {
        Kind = kind;
        Single = single;
        Slice = range;
        Values = array;
    }

    internal IndexKind Kind { get; }
    internal Index Single { get; }
    internal Range Slice { get; }
    internal NDArray? Values { get; }

    /// <summary>An integer index that drops its axis; negative counts from the end (<c>-1</c> is the last).</summary>
    public static implicit operator NDIndex(int index) => new(IndexKind.Integer, index < 0 ? Index.FromEnd(-index) : Index.FromStart(index));
    /// <summary>An integer index given as a C# <see cref="System.Index"/> (<c>^1</c> is the last); drops its axis.</summary>
    public static implicit operator NDIndex(Index index) => new(IndexKind.Integer, index);
    /// <summary>A slice, as numpy's <c>start:stop</c> (<c>..</c> takes the whole axis).</summary>
    public static implicit operator NDIndex(Range range) => new(IndexKind.Slice, range: range);
    /// <summary>A fancy index: an integer array picks positions along the axis; a bool array masks as many axes as it has dimensions.</summary>
    public static implicit operator NDIndex(NDArray indices) => new(IndexKind.Array, array: indices);
    /// <summary>A boolean mask over the leading axes (numpy's <c>a[mask]</c>).</summary>
    public static implicit operator NDIndex(bool[] mask) => new(IndexKind.Array, array: mask);
}
