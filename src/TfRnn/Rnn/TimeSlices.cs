using System.Runtime.CompilerServices;

namespace TfRnn;

/// <summary>
/// static_rnn's lists of [batch, depth] steps as one [time, batch, depth] tensor, going in and coming out. The graph always stacks the steps, as
/// written. When the slides build that list by slicing one [batch, time, depth] tensor along time
/// (<c>tf.unstack(X, n, 1)</c>, or <c>tf.split(X, n, 1)</c> with each piece squeezed), the stack also gets a shortcut:
/// the tensor with its first two axes swapped, built outside the graph's op list (<see cref="Graph.Unregistered"/>)
/// and with the stack's id, so op names, random seeds and the GraphDef stay as without it. A run takes it
/// (<see cref="ExecutionPlan"/>) when nothing in between is fed, differentiated, stopped or fetched: one transpose and
/// one gradient instead of n squeezes, a split and a stack forward and as many autograd nodes backward on every
/// training step (char-rnn: 200 of each).
/// </summary>
internal static class TimeSlices
{
    /// <summary>
    /// What a plan may run instead of an op's output (the transposed source of a stack, the merged source of a concat),
    /// the steps between the two (none of them may be fed, fetched or differentiated) and the ops that slice them.
    /// </summary>
    internal sealed record Shortcut(Tensor Replacement, Tensor[] Between, Operation[] SlicingOps);

    static readonly ConditionalWeakTable<Operation, Shortcut> Shortcuts = new();

    public static Tensor Stack(Tensor[] steps)
    {
        if (steps.Length <= 1 || Slicing(steps) is not { } slicing) return tf.stack(steps);
        // Built first, so it takes the id the stack gets next: a plan runs it where the stack would have run.
        var source = slicing.source;
        var transposed = source.graph.Unregistered(() => tf.transpose(source, new[] { 1, 0, 2 }));
        var stacked = tf.stack(steps);
        Shortcuts.AddOrUpdate(stacked.op, new Shortcut(transposed, slicing.between, slicing.ops));
        return stacked;
    }

    /// <summary>The shortcut recorded for <paramref name="op"/>: a stack of time slices, or a concatenation of unstacked steps.</summary>
    public static Shortcut? For(Operation op) => Shortcuts.TryGetValue(op, out var shortcut) ? shortcut : null;

    /// <summary>
    /// The other direction: <c>tf.concat(outputs, 1)</c> over static_rnn's unstacked [batch, depth] outputs, in order (the
    /// slides' char-rnn), gets a shortcut too: the [time, batch, depth] tensor they were unstacked from with its first
    /// two axes swapped and the last two merged, one op instead of n unstacked views joined (and, backward, n gradients
    /// stacked). <paramref name="concat"/> builds the graph's own ConcatV2; <paramref name="axis"/> is its normalized
    /// axis, or -1 when the rank is unknown.
    /// </summary>
    public static Tensor Concat(Tensor[] values, long axis, string name, Func<Tensor> concat)
    {
        if (axis != 1 || values.Length <= 1 || UnstackedSteps(values) is not { } unstack) return concat();
        var source = unstack.inputs[0];
        var shape = source.shape;
        long merged = shape[0] >= 0 && shape[2] >= 0 ? shape[0] * shape[2] : -1;
        var joined = source.graph.Unregistered(() =>
            OpBuilder.Single("MergeTimeSteps", name, new[] { source }, source.dtype, new Shape(shape[1], merged), ArrayKernels.MergeTimeSteps));
        var concatenated = concat();
        Shortcuts.AddOrUpdate(concatenated.op, new Shortcut(joined, unstack.outputs, new[] { unstack }));
        return concatenated;
    }

    /// <summary>The Unpack along axis 0 of a [time, batch, depth] tensor whose outputs, in order, are exactly <paramref name="values"/>; else null.</summary>
    static Operation? UnstackedSteps(Tensor[] values)
    {
        var unstack = values[0].op;
        if (unstack.type != "Unpack" || unstack.outputs.Length != values.Length) return null;
        for (int t = 0; t < values.Length; t++)
            if (values[t].op != unstack || values[t].value_index != t) return null;
        var source = unstack.inputs[0];
        bool alongTime = unstack.attrs.TryGetValue("axis", out var axis) && axis is int or long && Convert.ToInt64(axis) == 0;
        return alongTime && source.shape.is_known_rank && source.ndim == 3 ? unstack : null;
    }

    /// <summary>
    /// The [batch, time, depth] tensor whose time slices, in order, are exactly <paramref name="steps"/>, with every
    /// tensor and op between it and the steps; else null.
    /// </summary>
    static (Tensor source, Tensor[] between, Operation[] ops)? Slicing(Tensor[] steps)
    {
        Operation? slicer = null;
        var between = new List<Tensor>(steps);
        var ops = new List<Operation>();
        for (int t = 0; t < steps.Length; t++)
        {
            // An unstack slice is a step as it is; a split piece ([batch, 1, depth]) only once squeezed along time.
            bool squeezed = steps[t].op.type == "Squeeze" && SqueezesOnlyTime(steps[t].op);
            var piece = squeezed ? steps[t].op.inputs[0] : steps[t];
            bool slice = piece.op.type == (squeezed ? "Split" : "Unpack");
            if (!slice || piece.value_index != t || (slicer ??= piece.op) != piece.op) return null;
            if (squeezed)
            {
                between.Add(piece);
                ops.Add(steps[t].op);
            }
        }
        var source = slicer!.inputs[0];
        bool alongTime = slicer.attrs.TryGetValue("axis", out var axis) && axis is int or long && Convert.ToInt64(axis) == 1
                         && slicer.outputs.Length == steps.Length && source.shape.is_known_rank && source.ndim == 3
                         && source.shape[1] == steps.Length;
        ops.Add(slicer);
        return alongTime ? (source, between.ToArray(), ops.ToArray()) : null;
    }

    static bool SqueezesOnlyTime(Operation squeeze) =>
        squeeze.attrs.TryGetValue("squeeze_dims", out var dims) && dims is long[] { Length: 1 } d && d[0] is 1 or -2
        && squeeze.inputs[0].shape is { is_known_rank: true } shape && shape.ndim == 3;
}
