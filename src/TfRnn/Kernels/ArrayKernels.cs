using TorchSharp;

namespace TfRnn;

/// <summary>Kernels that rearrange a tensor's elements or report its shape (tf.reshape, tf.concat, tf.shape …).</summary>
internal static class ArrayKernels
{
    /// <summary>Passes the value through, whatever it is (host string arrays too).</summary>
    public static void Identity(KernelContext ctx) => ctx.Output(0, ctx.InputValue(0));

    /// <summary>The input reshaped to the dims held by input 1.</summary>
    public static void Reshape(KernelContext ctx)
    {
        var t = ctx.Input(0);
        ctx.Output(t.reshape(ArrayChecks.ReshapeDims(t.numel(), ctx.InputLongs(1))));
    }

    /// <summary>Permutes dimensions; a null order reverses them.</summary>
    public static void Transpose(KernelContext ctx, long[]? order)
    {
        var t = ctx.Input(0);
        if (order != null && order.Length != t.dim())
            throw new InvalidArgumentError($"transpose expects a vector of size {t.dim()}. But input(1) is a vector of size {order.Length}");
        ctx.Output(t.permute(order ?? Enumerable.Range(0, (int)t.dim()).Reverse().Select(i => (long)i).ToArray()));
    }

    /// <summary>Pieces of the given sizes along <paramref name="axis"/>, or <paramref name="count"/> equal chunks when a size is unknown.</summary>
    public static void Split(KernelContext ctx, long[] sizes, int count, long axis)
    {
        var t = ctx.Input(0);
        long dim = KernelChecks.Axis(axis, t.dim());
        ArrayChecks.Split(t.shape, dim, sizes, count);
        var pieces = sizes.All(s => s >= 0) ? t.split(sizes, dim) : t.chunk(count, dim);
        for (int i = 0; i < count; i++) ctx.Output(i, pieces[i]);
    }

    /// <summary>Removes the listed size-1 dimensions, or all of them when <paramref name="axes"/> is null.</summary>
    public static void Squeeze(KernelContext ctx, ISet<int>? axes)
    {
        var result = ctx.Input(0);
        if (axes == null) result = result.squeeze();
        else
            foreach (var a in axes.OrderByDescending(a => a))
            {
                if (a >= result.dim()) throw new InvalidArgumentError($"Tried to squeeze dim index {a} for tensor with {result.dim()} dimensions.");
                if (result.shape[a] != 1) throw new InvalidArgumentError($"Can not squeeze dim[{a}], expected a dimension of 1, got {result.shape[a]}");
                result = result.squeeze(a);
            }
        ctx.Output(result);
    }

    public static void ExpandDims(KernelContext ctx, int axis)
    {
        var t = ctx.Input(0);
        if (axis < -t.dim() - 1 || axis > t.dim())
            throw new InvalidArgumentError($"Tried to expand dim index {axis} for tensor with {t.dim()} dimensions.");
        ctx.Output(t.unsqueeze(axis < 0 ? axis + t.dim() + 1 : axis));
    }

    public static void Concat(KernelContext ctx, int axis)
    {
        var inputs = Inputs(ctx);
        ctx.Output(torch.cat(inputs, ArrayChecks.Concat(inputs, axis)));
    }

    /// <summary>[time, batch, depth] as [batch, time·depth]: the time steps concatenated along axis 1 (<see cref="TimeSlices.Concat"/>).</summary>
    public static void MergeTimeSteps(KernelContext ctx)
    {
        var x = ctx.Input(0);
        ctx.Output(x.transpose(0, 1).reshape(x.shape[1], x.shape[0] * x.shape[2]));
    }

    /// <summary>Joins the inputs along a new dimension (TF's Pack).</summary>
    public static void Stack(KernelContext ctx, int axis)
    {
        var inputs = Inputs(ctx);
        ctx.Output(torch.stack(inputs, ArrayChecks.Stack(inputs, axis)));
    }

    /// <summary>Splits along <paramref name="axis"/> into <paramref name="count"/> tensors of one rank less (TF's Unpack).</summary>
    public static void Unstack(KernelContext ctx, long axis, int count)
    {
        var pieces = ctx.Input(0).unbind(KernelChecks.Axis(axis, ctx.Input(0).dim()));
        if (pieces.Length != count)
            throw new InvalidArgumentError($"Input shape axis {axis} must equal {count}, got shape [{string.Join(",", ctx.Input(0).shape)}]");
        for (int i = 0; i < count; i++) ctx.Output(i, pieces[i]);
    }

    public static void Tile(KernelContext ctx, long[] multiples)
    {
        var t = ctx.Input(0);
        if (multiples.Length != t.dim())
            throw new InvalidArgumentError($"Expected multiples argument to be a vector of length {t.dim()} but got length {multiples.Length}");
        ctx.Output(t.tile(multiples));
    }

    public static void Reverse(KernelContext ctx, long[] dims)
    {
        var t = ctx.Input(0);
        ctx.Output(t.flip(dims.Select(d => KernelChecks.Axis(d, t.dim(), "'axis'")).ToArray()));
    }

    public static void Shape(KernelContext ctx, TF_DataType outType) => ctx.Output(torch.tensor(ctx.Input(0).shape, dtype: outType.ToTorch()));

    public static void Size(KernelContext ctx, TF_DataType outType) =>
        ctx.Output(EngineMath.Full(Array.Empty<long>(), ctx.Input(0).numel(), outType.ToTorch()));

    public static void Rank(KernelContext ctx) => ctx.Output(EngineMath.Full(Array.Empty<long>(), ctx.Input(0).dim(), torch.ScalarType.Int32));

    static torch.Tensor[] Inputs(KernelContext ctx)
    {
        var inputs = new torch.Tensor[ctx.InputCount];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = ctx.Input(i);
        return inputs;
    }
}
