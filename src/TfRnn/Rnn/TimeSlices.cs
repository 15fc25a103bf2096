namespace TfRnn;

/// <summary>
/// static_rnn's list of [batch, depth] steps as one [time, batch, depth] tensor. The slides build that list by
/// slicing one [batch, time, depth] tensor along time (<c>tf.unstack(X, n, 1)</c>, or <c>tf.split(X, n, 1)</c> with
/// each piece squeezed); then the sequence is that tensor with its first two axes swapped: one transpose, and one
/// gradient, where stacking the slices back costs n squeezes, a split and a stack forward and as many autograd
/// nodes backward on every training step (char-rnn: 200 of each).
/// </summary>
internal static class TimeSlices
{
    public static Tensor Stack(Tensor[] steps) =>
        steps.Length > 1 && SlicedTensor(steps) is { } source ? tf.transpose(source, new[] { 1, 0, 2 }) : tf.stack(steps);

    /// <summary>The [batch, time, depth] tensor whose time slices, in order, are exactly <paramref name="steps"/>; else null.</summary>
    static Tensor? SlicedTensor(Tensor[] steps)
    {
        Operation? slicer = null;
        for (int t = 0; t < steps.Length; t++)
        {
            // An unstack slice is a step as it is; a split piece ([batch, 1, depth]) only once squeezed along time.
            bool squeezed = steps[t].op.type == "Squeeze" && SqueezesOnlyTime(steps[t].op);
            var piece = squeezed ? steps[t].op.inputs[0] : steps[t];
            bool slice = piece.op.type == (squeezed ? "Split" : "Unpack");
            if (!slice || piece.value_index != t || (slicer ??= piece.op) != piece.op) return null;
        }
        var source = slicer!.inputs[0];
        bool alongTime = slicer.attrs.TryGetValue("axis", out var axis) && axis is int or long && Convert.ToInt64(axis) == 1
                         && slicer.outputs.Length == steps.Length && source.shape.is_known_rank && source.ndim == 3
                         && source.shape[1] == steps.Length;
        return alongTime ? source : null;
    }

    static bool SqueezesOnlyTime(Operation squeeze) =>
        squeeze.attrs.TryGetValue("squeeze_dims", out var dims) && dims is long[] { Length: 1 } d && d[0] is 1 or -2
        && squeeze.inputs[0].shape is { is_known_rank: true } shape && shape.ndim == 3;
}
