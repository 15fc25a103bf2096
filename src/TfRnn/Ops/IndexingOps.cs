namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.gather(params, indices, axis): slices of <paramref name="params"/> at <paramref name="indices"/> along <paramref name="axis"/>.</summary>
    public static Tensor gather(TensorLike @params, TensorLike indices, int axis = 0, string? name = null)
    {
        var p = OpBuilder.ToTensor(@params);
        var idx = OpBuilder.ToTensor(indices, TF_DataType.DtInvalid, "indices");
        if (!idx.dtype.is_integer()) throw new TypeError($"Value passed to parameter 'indices' has DataType {idx.dtype.as_numpy_name()} not in list of allowed values: int32, int64");
        long a = OpBuilder.NormalizeAxis(axis, p.ndim, name ?? "GatherV2");
        Shape shape = p.shape.is_known_rank && idx.shape.is_known_rank
            ? p.shape.Slice(0, (int)a).concatenate(idx.shape).concatenate(p.shape.Slice((int)a + 1))
            : Shape.unknown();
        return OpBuilder.Single("GatherV2", name, new[] { p, idx }, p.dtype, shape, ctx => IndexingKernels.Gather(ctx, a),
            new Dictionary<string, object?> { ["axis"] = new EngineAttr<long>(a) });
    }

    /// <summary>tf.slice(input_, begin, size): the block starting at <paramref name="begin"/>; a size of -1 takes the rest.</summary>
    public static Tensor slice(TensorLike input_, int[] begin, int[] size, string? name = null)
    {
        var x = OpBuilder.ToTensor(input_);
        var shape = new Shape(size.Select((s, i) => s >= 0 ? s : x.shape[i] >= 0 ? x.shape[i] - begin[i] : -1L).ToArray());
        return OpBuilder.Single("Slice", name, new[] { x }, x.dtype, shape, ctx => IndexingKernels.Slice(ctx, begin, size));
    }

    /// <summary>tf.one_hot(indices, depth, on_value, off_value, axis, dtype): out-of-range indices give all off_value.</summary>
    public static Tensor one_hot(TensorLike indices, int depth, double on_value = 1, double off_value = 0, int axis = -1,
        TF_DataType dtype = float32, string? name = null)
    {
        var idx = OpBuilder.ToTensor(indices);
        Shape shape = Shape.unknown();
        if (idx.shape.is_known_rank)
        {
            var dims = idx.shape.as_list().ToList();
            dims.Insert(axis < 0 ? dims.Count : axis, depth);
            shape = new Shape(dims.ToArray());
        }
        return OpBuilder.Single("OneHot", name, new[] { idx }, dtype, shape,
            ctx => IndexingKernels.OneHot(ctx, depth, on_value, off_value, axis, dtype));
    }

    /// <summary>tf.shape(input, out_type): the dynamic shape as a 1-D tensor.</summary>
    public static Tensor shape(TensorLike input, TF_DataType out_type = int32, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Single("Shape", name, new[] { x }, out_type, new Shape(x.ndim >= 0 ? x.ndim : -1L), ctx => ArrayKernels.Shape(ctx, out_type));
    }

    /// <summary>tf.size(input, out_type): the number of elements.</summary>
    public static Tensor size(TensorLike input, TF_DataType out_type = int32, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Single("Size", name, new[] { x }, out_type, Shape.scalar(), ctx => ArrayKernels.Size(ctx, out_type));
    }

    /// <summary>tf.rank(input): the number of dimensions.</summary>
    public static Tensor rank(TensorLike input, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Single("Rank", name, new[] { x }, int32, Shape.scalar(), ArrayKernels.Rank);
    }

    /// <summary>
    /// tf.where(condition, x, y): elements of x where condition holds, else y (a vector condition picks rows);
    /// with only a condition, the int64 coordinates of its true elements.
    /// </summary>
    public static Tensor where(TensorLike condition, TensorLike? x = null, TensorLike? y = null, string? name = null)
    {
        var cond = OpBuilder.ToTensor(condition);
        object? xValue = TensorLike.ValueOrNone(x), yValue = TensorLike.ValueOrNone(y);
        if (xValue == null && yValue == null)
            return OpBuilder.Single("Where", name, new[] { cond }, int64, new Shape(-1, cond.ndim), IndexingKernels.Where);
        if (xValue == null || yValue == null) throw new ValueError("x and y must both be non-None or both be None.");
        var (a, b) = OpBuilder.ToTensorPair(xValue, yValue, "Select");
        if (!a.shape.is_compatible_with(b.shape))
            throw new ValueError($"Shapes {a.shape} and {b.shape} are incompatible for '{name ?? "Select"}' (op: 'Select')");
        return OpBuilder.Single("Select", name, new[] { cond, a, b }, a.dtype, a.shape.merge_with(b.shape), IndexingKernels.Select);
    }

    /// <summary>
    /// tf.reverse_sequence(input, seq_lengths, seq_axis, batch_axis): reverses the first seq_lengths[b]
    /// steps of each batch entry, leaving the rest in place.
    /// </summary>
    public static Tensor reverse_sequence(TensorLike input, TensorLike seq_lengths, int seq_axis = 1, int batch_axis = 0, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        var lengths = OpBuilder.ToTensor(seq_lengths, TF_DataType.DtInvalid, "seq_lengths");
        if (x.shape.is_known_rank)
        {
            if (seq_axis >= x.ndim) throw new ValueError($"seq_dim must be < input rank ( {seq_axis} vs. {x.ndim})");
            if (batch_axis >= x.ndim) throw new ValueError($"batch_dim must be < input rank ( {batch_axis} vs. {x.ndim})");
            if (lengths.shape.is_known_rank && lengths.ndim == 1 && x.shape[batch_axis] >= 0 && lengths.shape[0] >= 0 && lengths.shape[0] != x.shape[batch_axis])
                throw new ValueError($"Dimensions must be equal, but are {x.shape[batch_axis]} and {lengths.shape[0]} for '{name ?? "ReverseSequence"}' (op: 'ReverseSequence')");
        }
        return OpBuilder.Single("ReverseSequence", name, new[] { x, lengths }, x.dtype, x.shape,
            ctx => IndexingKernels.ReverseSequence(ctx, seq_axis, batch_axis),
            new Dictionary<string, object?> { ["seq_dim"] = seq_axis, ["batch_dim"] = batch_axis });
    }
}
