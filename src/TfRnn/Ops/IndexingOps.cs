using TorchSharp;

namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.gather(params, indices, axis): slices of <paramref name="params"/> at <paramref name="indices"/> along <paramref name="axis"/>.</summary>
    public static Tensor gather(object @params, object indices, int axis = 0, string? name = null)
    {
        var p = OpBuilder.ToTensor(@params);
        var idx = OpBuilder.ToTensor(indices, TF_DataType.DtInvalid, "indices");
        if (!idx.dtype.is_integer()) throw new TypeError($"Value passed to parameter 'indices' has DataType {idx.dtype.as_numpy_name()} not in list of allowed values: int32, int64");
        long a = OpBuilder.NormalizeAxis(axis, p.ndim, name ?? "GatherV2");
        Shape shape = p.shape.is_known_rank && idx.shape.is_known_rank
            ? p.shape.Slice(0, (int)a).concatenate(idx.shape).concatenate(p.shape.Slice((int)a + 1))
            : Shape.unknown();
        return OpBuilder.Elementwise("GatherV2", name, new[] { p, idx }, p.dtype, shape, t => GatherKernel(t[0], t[1], a),
            new Dictionary<string, object?> { ["axis"] = new EngineAttr<long>(a) });
    }

    internal static torch.Tensor GatherKernel(torch.Tensor p, torch.Tensor indices, long axis)
    {
        long limit = p.shape[axis];
        var flat = indices.to_type(torch.ScalarType.Int64).flatten();
        if (flat.numel() > 0)
        {
            var bad = torch.logical_or(EngineMath.Less(flat, 0), EngineMath.GreaterEqual(flat, limit)).nonzero();
            if (bad.numel() > 0)
            {
                long position = bad[0, 0].item<long>();
                throw new InvalidArgumentError($"indices[{position}] = {flat[position].item<long>()} is not in [0, {limit})");
            }
        }
        var picked = p.index_select(axis, flat);
        var dims = p.shape.Take((int)axis).Concat(indices.shape).Concat(p.shape.Skip((int)axis + 1)).ToArray();
        return picked.reshape(dims);
    }

    /// <summary>tf.slice(input_, begin, size): the block starting at <paramref name="begin"/>; a size of -1 takes the rest.</summary>
    public static Tensor slice(object input_, int[] begin, int[] size, string? name = null)
    {
        var x = OpBuilder.ToTensor(input_);
        var shape = new Shape(size.Select((s, i) => s >= 0 ? s : x.shape[i] >= 0 ? x.shape[i] - begin[i] : -1L).ToArray());
        return OpBuilder.Elementwise("Slice", name, new[] { x }, x.dtype, shape, t =>
        {
            var result = t[0];
            for (int d = 0; d < begin.Length; d++)
            {
                long length = size[d] >= 0 ? size[d] : result.shape[d] - begin[d];
                if (begin[d] < 0 || begin[d] + length > result.shape[d])
                    throw new InvalidArgumentError($"Expected begin[{d}] + size[{d}] <= input.dim_size({d}), but got {begin[d]} + {length} > {result.shape[d]}");
                result = result.narrow(d, begin[d], length);
            }
            return result;
        });
    }

    /// <summary>tf.one_hot(indices, depth, on_value, off_value, axis, dtype): out-of-range indices give all off_value.</summary>
    public static Tensor one_hot(object indices, int depth, double on_value = 1, double off_value = 0, int axis = -1,
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
        return OpBuilder.Elementwise("OneHot", name, new[] { idx }, dtype, shape, t =>
        {
            var i = t[0].to_type(torch.ScalarType.Int64);
            var valid = torch.logical_and(EngineMath.GreaterEqual(i, 0), EngineMath.Less(i, depth));
            var hot = torch.nn.functional.one_hot(torch.where(valid, i, torch.zeros_like(i)), depth)
                .mul(valid.unsqueeze(-1)).to_type(dtype.ToTorch());
            var result = EngineMath.Add(EngineMath.Times(hot, on_value), EngineMath.Times(EngineMath.Minus(1, hot), off_value));
            return axis < 0 || axis == i.dim() ? result : result.movedim(new long[] { -1 }, new long[] { axis });
        });
    }

    /// <summary>tf.shape(input, out_type): the dynamic shape as a 1-D tensor.</summary>
    public static Tensor shape(object input, TF_DataType out_type = int32, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Elementwise("Shape", name, new[] { x }, out_type, new Shape(x.ndim >= 0 ? x.ndim : -1L),
            t => torch.tensor(t[0].shape, dtype: out_type.ToTorch()));
    }

    /// <summary>tf.size(input, out_type): the number of elements.</summary>
    public static Tensor size(object input, TF_DataType out_type = int32, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Elementwise("Size", name, new[] { x }, out_type, Shape.scalar(),
            t => EngineMath.Full(Array.Empty<long>(), t[0].numel(), out_type.ToTorch()));
    }

    /// <summary>tf.rank(input): the number of dimensions.</summary>
    public static Tensor rank(object input, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Elementwise("Rank", name, new[] { x }, int32, Shape.scalar(), t => EngineMath.Full(Array.Empty<long>(), t[0].dim(), torch.ScalarType.Int32));
    }

    /// <summary>
    /// tf.where(condition, x, y): elements of x where condition holds, else y (a vector condition picks rows);
    /// with only a condition, the int64 coordinates of its true elements.
    /// </summary>
    public static Tensor where(object condition, object? x = null, object? y = null, string? name = null)
    {
        var cond = OpBuilder.ToTensor(condition);
        if (x == null && y == null)
            return OpBuilder.Elementwise("Where", name, new[] { cond }, int64, new Shape(-1, cond.ndim), t => t[0].nonzero());
        if (x == null || y == null) throw new ValueError("x and y must both be non-None or both be None.");
        var (a, b) = OpBuilder.ToTensorPair(x, y, "Select");
        if (!a.shape.is_compatible_with(b.shape))
            throw new ValueError($"Shapes {a.shape} and {b.shape} are incompatible for '{name ?? "Select"}' (op: 'Select')");
        return OpBuilder.Elementwise("Select", name, new[] { cond, a, b }, a.dtype, a.shape.merge_with(b.shape), t =>
        {
            var c = t[0];
            if (c.dim() == 1 && t[1].dim() > 1) c = c.reshape(new[] { c.shape[0] }.Concat(Enumerable.Repeat(1L, (int)t[1].dim() - 1)).ToArray());
            return torch.where(c, t[1], t[2]);
        });
    }

    /// <summary>
    /// tf.reverse_sequence(input, seq_lengths, seq_axis, batch_axis): reverses the first seq_lengths[b]
    /// steps of each batch entry, leaving the rest in place.
    /// </summary>
    public static Tensor reverse_sequence(object input, object seq_lengths, int seq_axis = 1, int batch_axis = 0, string? name = null)
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
        return OpBuilder.Elementwise("ReverseSequence", name, new[] { x, lengths }, x.dtype, x.shape, t =>
        {
            if (seq_axis == batch_axis) throw new InvalidArgumentError($"Invalid batch_dim == seq_dim == {seq_axis}");
            var data = t[0];
            var len = t[1].to_type(torch.ScalarType.Int64);
            long batch = data.shape[batch_axis], steps = data.shape[seq_axis];
            if (len.shape.Length != 1 || len.shape[0] != batch)
                throw new InvalidArgumentError($"Length of seq_lengths != input.dims({batch_axis}), ({len.shape.FirstOrDefault()} vs. {batch})");
            if (EngineMath.Greater(len, steps).any().item<bool>() || EngineMath.Less(len, 0).any().item<bool>())
                throw new InvalidArgumentError($"seq_lengths must be in [0, {steps}]");
            var time = torch.tensor(Enumerable.Range(0, (int)steps).Select(i => (long)i).ToArray()).unsqueeze(0);   // [1, time]
            var l = len.unsqueeze(1);                                          // [batch, 1]
            var index = torch.where(time.lt(l), EngineMath.Sub(EngineMath.Sub(l, torch.ones_like(l)), time), time);   // [batch, time], int64
            var moved = data.movedim(new long[] { batch_axis, seq_axis }, new long[] { 0, 1 });
            var shape = new[] { batch, steps }.Concat(Enumerable.Repeat(1L, (int)moved.dim() - 2)).ToArray();
            var gathered = moved.gather(1, index.reshape(shape).expand(moved.shape));
            return gathered.movedim(new long[] { 0, 1 }, new long[] { batch_axis, seq_axis });
        }, new Dictionary<string, object?> { ["seq_dim"] = seq_axis, ["batch_dim"] = batch_axis });
    }
}
