using TorchSharp;

namespace TfRnn;

/// <summary>Kernels that pick elements by index or condition (tf.gather, tf.slice, tf.one_hot, tf.where …).</summary>
internal static class IndexingKernels
{
    /// <summary>Slices of input 0 at the indices of input 1 along <paramref name="axis"/>; an index out of range is TF's error.</summary>
    public static void Gather(KernelContext ctx, long axis)
    {
        var p = ctx.Input(0);
        var indices = ctx.Input(1);
        axis = KernelChecks.Axis(axis, p.dim(), "axis");
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
        ctx.Output(picked.reshape(dims));
    }

    /// <summary>Rows of input 0 in a fixed order (joins "mod"-sharded embedding tables).</summary>
    public static Kernel SelectRows(long[] order) => ctx => ctx.Output(ctx.Input(0).index_select(0, torch.tensor(order)));

    /// <summary>The block starting at <paramref name="begin"/>; a size of -1 takes the rest of that axis.</summary>
    public static void Slice(KernelContext ctx, int[] begin, int[] size)
    {
        var result = ctx.Input(0);
        if (begin.Length != result.dim())
            throw new InvalidArgumentError($"Expected begin and size arguments to be 1-D tensors of size {result.dim()}, but got shapes [{begin.Length}] and [{size.Length}] instead.");
        for (int d = 0; d < begin.Length; d++)
        {
            long length = size[d] >= 0 ? size[d] : result.shape[d] - begin[d];
            if (begin[d] < 0 || begin[d] + length > result.shape[d])
                throw new InvalidArgumentError($"Expected begin[{d}] + size[{d}] <= input.dim_size({d}), but got {begin[d]} + {length} > {result.shape[d]}");
            result = result.narrow(d, begin[d], length);
        }
        ctx.Output(result);
    }

    /// <summary>NumPy-style indexing; the torch indices are built once, when the op is built.</summary>
    public static Kernel StridedSlice(tf.SliceSpec[] specs)
    {
        if (specs.All(s => s.Kind is tf.SliceKind.Index or tf.SliceKind.Slice or tf.SliceKind.NewAxis))
        {
            var indices = specs.Select(s => TorchIndex(s, null)).ToArray();   // static: built once
            return ctx =>
            {
                var t = ctx.Input(0);
                CheckSliceIndices(specs, t.shape, null);
                ctx.Output(t.index(indices));
            };
        }
        return ctx =>
        {
            var t = ctx.Input(0);
            var expanded = tf.SliceSpec.Expand(specs, t.shape.Length);
            CheckSliceIndices(expanded, t.shape, ctx);
            ctx.Output(t.index(expanded.Select(s => TorchIndex(s, ctx)).ToArray()));
        };
    }

    static torch.TensorIndex TorchIndex(tf.SliceSpec spec, KernelContext? ctx) => spec.Kind switch
    {
        tf.SliceKind.Index => torch.TensorIndex.Single(spec.Index),
        tf.SliceKind.TensorIndex => torch.TensorIndex.Single(ctx!.Input((int)spec.Index).ToInt64()),
        tf.SliceKind.NewAxis => torch.TensorIndex.None,
        _ => torch.TensorIndex.Slice(spec.Start, spec.Stop, spec.Step),
    };

    /// <summary>No more indices than dims, and every single index inside its dim (TF's StridedSlice texts); tensor indices are read from <paramref name="ctx"/>.</summary>
    static void CheckSliceIndices(tf.SliceSpec[] specs, long[] shape, KernelContext? ctx)
    {
        if (specs.Count(s => s.ConsumesAxis) > shape.Length)
            throw new InvalidArgumentError($"Index out of range using input dim {shape.Length}; input has only {shape.Length} dims");
        int d = 0;
        foreach (var spec in specs.Where(s => s.ConsumesAxis))
        {
            long? index = spec.Kind switch
            {
                tf.SliceKind.Index => spec.Index,
                tf.SliceKind.TensorIndex => ctx!.Input((int)spec.Index).ToInt64(),
                _ => null,
            };
            if (index is long i && (i < -shape[d] || i >= shape[d]))
                throw new InvalidArgumentError($"slice index {i} of dimension {d} out of bounds.");
            d++;
        }
    }

    /// <summary>One-hot rows of <paramref name="depth"/>; out-of-range indices give all off_value.</summary>
    public static void OneHot(KernelContext ctx, int depth, double onValue, double offValue, int axis, TF_DataType dtype)
    {
        var i = ctx.Input(0).to_type(torch.ScalarType.Int64);
        var valid = torch.logical_and(EngineMath.GreaterEqual(i, 0), EngineMath.Less(i, depth));
        var hot = torch.nn.functional.one_hot(torch.where(valid, i, torch.zeros_like(i)), depth)
            .mul(valid.unsqueeze(-1)).to_type(dtype.ToTorch());
        var result = EngineMath.Add(EngineMath.Times(hot, onValue), EngineMath.Times(EngineMath.Minus(1, hot), offValue));
        ctx.Output(axis < 0 || axis == i.dim() ? result : result.movedim(new long[] { -1 }, new long[] { axis }));
    }

    /// <summary>The int64 coordinates of the true elements.</summary>
    public static void Where(KernelContext ctx) => ctx.Output(ctx.Input(0).nonzero());

    /// <summary>x where the condition holds, else y; a vector condition picks rows.</summary>
    public static void Select(KernelContext ctx)
    {
        var c = ctx.Input(0);
        var x = ctx.Input(1);
        var y = ctx.Input(2);
        if (!x.shape.AsSpan().SequenceEqual(y.shape))
            throw new InvalidArgumentError($"'then' and 'else' must have the same size.  but received: {KernelChecks.Dims(x.shape)} vs. {KernelChecks.Dims(y.shape)}");
        bool rows = c.dim() == 1 && x.dim() > 1 && c.shape[0] == x.shape[0];
        if (!rows && c.dim() != 0 && !c.shape.AsSpan().SequenceEqual(x.shape))
            throw new InvalidArgumentError($"'cond' and 'then' must have the same size (or cond a vector of its first dimension).  but received: {KernelChecks.Dims(c.shape)} vs. {KernelChecks.Dims(x.shape)}");
        if (c.dim() == 1 && x.dim() > 1) c = c.reshape(new[] { c.shape[0] }.Concat(Enumerable.Repeat(1L, (int)x.dim() - 1)).ToArray());
        ctx.Output(torch.where(c, x, y));
    }

    /// <summary>Reverses the first seq_lengths[b] steps of each batch entry, leaving the rest in place.</summary>
    public static void ReverseSequence(KernelContext ctx, int seqAxis, int batchAxis)
    {
        if (seqAxis == batchAxis) throw new InvalidArgumentError($"Invalid batch_dim == seq_dim == {seqAxis}");
        var data = ctx.Input(0);
        var len = ctx.Input(1).to_type(torch.ScalarType.Int64);
        long batch = data.shape[batchAxis], steps = data.shape[seqAxis];
        if (len.shape.Length != 1 || len.shape[0] != batch)
            throw new InvalidArgumentError($"Length of seq_lengths != input.dims({batchAxis}), ({len.shape.FirstOrDefault()} vs. {batch})");
        if (EngineMath.Greater(len, steps).any().item<bool>() || EngineMath.Less(len, 0).any().item<bool>())
            throw new InvalidArgumentError($"seq_lengths must be in [0, {steps}]");
        var time = torch.tensor(Enumerable.Range(0, (int)steps).Select(i => (long)i).ToArray()).unsqueeze(0);   // [1, time]
        var l = len.unsqueeze(1);                                          // [batch, 1]
        var index = torch.where(time.lt(l), EngineMath.Sub(EngineMath.Sub(l, torch.ones_like(l)), time), time);   // [batch, time], int64
        var moved = data.movedim(new long[] { batchAxis, seqAxis }, new long[] { 0, 1 });
        var shape = new[] { batch, steps }.Concat(Enumerable.Repeat(1L, (int)moved.dim() - 2)).ToArray();
        var gathered = moved.gather(1, index.reshape(shape).expand(moved.shape));
        ctx.Output(gathered.movedim(new long[] { 0, 1 }, new long[] { batchAxis, seqAxis }));
    }

    /// <summary>Rows of values (input 0) summed at the indices (input 1) into zeros of the dense shape (input 2).</summary>
    public static void UnsortedSegmentSum(KernelContext ctx)
    {
        var dense = torch.zeros(KernelChecks.NonNegative(ctx.InputLongs(2)), dtype: ctx.Input(0).dtype);
        ctx.Output(EngineMath.IndexAdd(dense, 0, ctx.Input(1).to_type(torch.ScalarType.Int64), ctx.Input(0)));
    }
}
