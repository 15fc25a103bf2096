namespace TfRnn;

/// <summary>
/// numpy's basic and advanced indexing over <see cref="NDIndex"/>es: <c>a[..n]</c>, <c>a[.., i..j]</c>,
/// <c>a[idx]</c>, <c>a[mask]</c>, <c>a[^1, ..]</c>. Reading gives a copy (numpy gives a view for slices);
/// assigning writes through, broadcasting the value.
/// </summary>
public sealed partial class NDArray
{
    /// <summary>numpy's <c>a[i, ..n, idx]</c>: reading returns a copy of the selection; setting writes into this array, broadcasting <c>value</c> and converting it to this dtype (<see cref="ValueError"/> when it does not broadcast).</summary>
    public NDArray this[params NDIndex[] indices]
    {
        get
        {
            var (offsets, dims) = Select(indices);
            var result = Array.CreateInstance(Storage.GetType().GetElementType()!, offsets.Length);
            for (int i = 0; i < offsets.Length; i++) result.SetValue(Storage.GetValue(offsets[i]), i);
            return new NDArray(result, dims);
        }
        set
        {
            PrepareWrite();
            var (offsets, dims) = Select(indices);
            var source = value.dtype == dtype ? value : value.astype(dtype);
            var sourceDims = source._dims.SkipWhile((d, i) => d == 1 && source._dims.Length - i > dims.Length).ToArray();
            bool fits = sourceDims.Length <= dims.Length
                        && sourceDims.Select((d, i) => d == 1 || d == dims[dims.Length - sourceDims.Length + i]).All(ok => ok);
            if (!fits) throw new ValueError($"could not broadcast input array from shape {source.shape} into shape {new Shape(dims)}");
            var map = Broadcasting.BroadcastStrides(sourceDims, dims);
            var coords = new long[dims.Length];
            for (int i = 0; i < offsets.Length; i++)
            {
                long at = 0, rest = i;
                for (int axis = dims.Length - 1; axis >= 0; axis--)
                {
                    coords[axis] = rest % dims[axis];
                    rest /= dims[axis];
                    at += coords[axis] * map[axis];
                }
                Storage.SetValue(source.Storage.GetValue(at), offsets[i]);
            }
        }
    }

    /// <summary>The flat storage offsets the indices select, in result order, and the result's dimensions.</summary>
    (long[] offsets, long[] dims) Select(NDIndex[] indices)
    {
        var strides = Strides();
        var groups = new List<(long[] steps, long[] dims)>();   // each output group: offset steps and its dims
        long baseOffset = 0;
        int axis = 0;
        (long[] steps, long[] dims)? advanced = null;
        int consumed = indices.Sum(i => i.Kind == NDIndex.IndexKind.Array && i.Values!.dtype == TF_DataType.TF_BOOL ? i.Values.ndim : 1);
        if (consumed > _dims.Length)
            throw new IndexOutOfRangeException($"too many indices for array: array is {_dims.Length}-dimensional, but {consumed} were indexed");
        // With an array index, integers are advanced indices too; numpy puts the advanced dimensions where
        // the (adjacent) advanced indices stand, or first when a slice separates them.
        bool anyArray = indices.Any(i => i.Kind == NDIndex.IndexKind.Array);
        var advancedPositions = Enumerable.Range(0, indices.Length)
            .Where(i => indices[i].Kind == NDIndex.IndexKind.Array || anyArray && indices[i].Kind == NDIndex.IndexKind.Integer).ToArray();
        bool separated = advancedPositions.Length > 0 && advancedPositions[^1] - advancedPositions[0] + 1 != advancedPositions.Length;
        int advancedAt = advancedPositions.Length == 0 ? 0 : indices.Take(advancedPositions[0]).Count(i => i.Kind == NDIndex.IndexKind.Slice);
        foreach (var index in indices)
        {
            switch (index.Kind)
            {
                case NDIndex.IndexKind.Integer:
                    baseOffset += Position(index.Single, axis) * strides[axis];
                    axis++;
                    break;
                case NDIndex.IndexKind.Slice:
                    var (start, length) = index.Slice.GetOffsetAndLength((int)_dims[axis]);
                    groups.Add((Enumerable.Range(start, length).Select(p => p * strides[axis]).ToArray(), new[] { (long)length }));
                    axis++;
                    break;
                default:
                    if (advanced != null) throw new IndexOutOfRangeException("only one integer or boolean array index per selection is supported");
                    advanced = index.Values!.dtype == TF_DataType.TF_BOOL ? MaskSteps(index.Values, axis, strides) : TakeSteps(index.Values, axis, strides);
                    axis += index.Values.dtype == TF_DataType.TF_BOOL ? index.Values.ndim : 1;
                    break;
            }
        }
        for (; axis < _dims.Length; axis++)
            groups.Add((Enumerable.Range(0, (int)_dims[axis]).Select(p => p * strides[axis]).ToArray(), new[] { _dims[axis] }));
        // numpy puts the broadcast dimensions of separated advanced indices first, else where they stand.
        if (advanced != null) groups.Insert(separated ? 0 : advancedAt, advanced.Value);
        var offsets = new[] { baseOffset };
        foreach (var (steps, _) in groups)
            offsets = offsets.SelectMany(o => steps.Select(s => o + s)).ToArray();
        return (offsets, groups.SelectMany(g => g.dims).ToArray());
    }

    long Position(Index index, int axis)
    {
        long size = _dims[axis], p = index.IsFromEnd ? size - index.Value : index.Value;
        if (p < 0 || p >= size)
            throw new IndexOutOfRangeException($"index {(index.IsFromEnd ? -index.Value : index.Value)} is out of bounds for axis {axis} with size {size}");
        return p;
    }

    (long[] steps, long[] dims) TakeSteps(NDArray indices, int axis, long[] strides)
    {
        if (!indices.dtype.is_integer()) throw new IndexOutOfRangeException("arrays used as indices must be of integer (or boolean) type");
        var steps = indices.ToArray<long>().Select(i => Position(i < 0 ? Index.FromEnd((int)-i) : Index.FromStart((int)i), axis) * strides[axis]).ToArray();
        return (steps, indices._dims);
    }

    /// <summary>A boolean mask over axes [axis, axis + mask.ndim): the true positions in row-major order.</summary>
    (long[] steps, long[] dims) MaskSteps(NDArray mask, int axis, long[] strides)
    {
        for (int k = 0; k < mask.ndim; k++)
            if (mask._dims[k] != _dims[axis + k])
                throw new IndexOutOfRangeException($"boolean index did not match indexed array along axis {axis + k}; size of axis is {_dims[axis + k]} but size of corresponding boolean axis is {mask._dims[k]}");
        var flags = (bool[])mask.Storage;
        var maskStrides = mask.Strides();
        var steps = new List<long>();
        for (int i = 0; i < flags.Length; i++)
        {
            if (!flags[i]) continue;
            long step = 0, rest = i;
            for (int k = 0; k < mask.ndim; k++)
            {
                step += rest / maskStrides[k] * strides[axis + k];
                rest %= maskStrides[k];
            }
            steps.Add(step);
        }
        return (steps.ToArray(), new long[] { steps.Count });
    }
}
