namespace TfRnn;

/// <summary>
/// Host kernels of ops that only relabel their input's elements (reshape, squeeze, a split or stack of one
/// piece): the output shares the input's storage under the op's fully known static shape.
/// </summary>
internal static class HostShapeKernels
{
    static readonly HashSet<string> Relabelling = new() { "Identity", "Reshape", "Squeeze", "ExpandDims" };
    static readonly HashSet<string> OnePieceSplits = new() { "Split", "SplitV", "Unpack" };
    static readonly HashSet<string> OnePieceJoins = new() { "Pack", "ConcatV2" };

    public static HostKernel? For(Operation op)
    {
        if (op.type == "Identity") return ctx => ctx.Output(0, ctx.Input(0));   // a variable's read stays in place
        bool relabels = Relabelling.Contains(op.type)
                        || OnePieceSplits.Contains(op.type) && op.outputs.Length == 1
                        || OnePieceJoins.Contains(op.type) && op.inputs.Length == 1;
        if (!relabels || op.outputs.Length != 1 || !op.outputs[0].shape.is_fully_defined) return null;
        long[] dims = op.outputs[0].shape.dims!;
        return ctx => ctx.Output(0, ctx.Array(0).reshape(dims));
    }
}
