using TorchSharp;

namespace TfRnn;

/// <summary>Run-time checks of the array kernels (reshape, split, concat, stack) with TensorFlow's texts.</summary>
internal static class ArrayChecks
{
    /// <summary>The requested dims, checked against the element count (at most one -1, filled in by the engine).</summary>
    public static long[] ReshapeDims(long count, long[] dims)
    {
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] == -1)
            {
                if (unknown >= 0) throw new InvalidArgumentError($"Only one input size may be -1, not both {unknown} and {i}");
                unknown = i;
            }
            else if (dims[i] < 0) throw new InvalidArgumentError($"Size {i} must be non-negative, not {dims[i]}");
            else known *= dims[i];
        }
        if (unknown < 0 ? known != count : known == 0 ? count != 0 : count % known != 0)
            throw new InvalidArgumentError(unknown < 0
                ? $"Input to reshape is a tensor with {count} values, but the requested shape has {known}"
                : $"Input to reshape is a tensor with {count} values, but the requested shape requires a multiple of {known}");
        return dims;
    }

    /// <summary>Sizes along the split axis fit the input: all known and summing to it, or one unknown and no larger.</summary>
    public static void Split(long[] shape, long dim, long[] sizes, int count)
    {
        long length = shape[dim];
        if (sizes.All(s => s >= 0))
        {
            if (sizes.Sum() != length)
                throw new InvalidArgumentError("Determined shape must either match input shape along split_dim exactly if fully specified, " +
                    $"or be less than the size of the input along split_dim if not fully specified.  Got: {sizes.Sum()}");
        }
        else if (length % count != 0)
            throw new InvalidArgumentError($"Number of ways to split should evenly divide the split dimension, but got split_dim {dim} (size = {length}) and num_split {count}");
    }

    /// <summary>The resolved concat axis; every input has the first one's rank and its dims off the axis.</summary>
    public static long Concat(torch.Tensor[] inputs, long axis)
    {
        var first = inputs[0].shape;
        long a = first.Length == 0 ? axis : axis < -first.Length || axis >= first.Length
            ? throw new InvalidArgumentError($"ConcatOp : Expected concatenating dimensions in the range [{-first.Length}, {first.Length}), but got {axis}")
            : axis < 0 ? axis + first.Length : axis;
        if (first.Length == 0) throw new InvalidArgumentError("ConcatOp : Can't concatenate scalars (use tf.stack instead)");
        for (int i = 1; i < inputs.Length; i++)
        {
            var shape = inputs[i].shape;
            if (shape.Length != first.Length)
                throw new InvalidArgumentError($"ConcatOp : Ranks of all input tensors should match: shape[0] = {KernelChecks.Dims(first)} vs. shape[{i}] = {KernelChecks.Dims(shape)}");
            for (int d = 0; d < shape.Length; d++)
                if (d != a && shape[d] != first[d])
                    throw new InvalidArgumentError($"ConcatOp : Dimensions of inputs should match: shape[0] = {KernelChecks.Dims(first)} vs. shape[{i}] = {KernelChecks.Dims(shape)}");
        }
        return a;
    }

    /// <summary>The resolved stack axis (in [-rank-1, rank]); every input has the first one's shape.</summary>
    public static long Stack(torch.Tensor[] inputs, long axis)
    {
        var first = inputs[0].shape;
        for (int i = 1; i < inputs.Length; i++)
            if (!inputs[i].shape.AsSpan().SequenceEqual(first))
                throw new InvalidArgumentError($"Shapes of all inputs must match: values[0].shape = {KernelChecks.Dims(first)} != values[{i}].shape = {KernelChecks.Dims(inputs[i].shape)}");
        long rank = first.Length + 1;
        return KernelChecks.Axis(axis, rank, "axis");
    }
}
