namespace TfRnn;

/// <summary>
/// Host kernels of ops that arrange elements without arithmetic. Ops that only relabel their input (reshape,
/// squeeze, a split or stack of one piece) pass its value on under the op's fully known static shape;
/// transpose permutes a copy; fill makes the zero states.
/// </summary>
internal static class HostShapeKernels
{
    static readonly HashSet<string> Relabelling = new() { "Identity", "Reshape", "Squeeze", "ExpandDims" };
    static readonly HashSet<string> OnePieceSplits = new() { "Split", "SplitV", "Unpack" };
    static readonly HashSet<string> OnePieceJoins = new() { "Pack", "ConcatV2" };

    public static HostKernel? For(Operation op)
    {
        if (op.type == "Identity") return ctx => ctx.Relabel(0, 0);   // a variable's read stays in place
        if (op.type == "Transpose" && op.attrs.TryGetValue("perm", out var p) && p is EngineAttr<long[]> perm)
        {
            int[] axes = perm.Value.Select(a => (int)a).ToArray();
            return ctx => ctx.Output(0, np.transpose(ctx.Array(0), axes));
        }
        if (op.type == "Fill" && op.inputs.Length == 0 && op.outputs[0].shape.is_fully_defined)   // zeros, ones: the zero state
        {
            var (filledDims, value, dtype) = (op.outputs[0].shape.dims!, (double)op.attrs["value"]!, (TF_DataType)op.attrs["dtype"]!);
            var filled = np.full(filledDims, value).astype(dtype);   // host kernels never write their inputs: one array serves every run
            return ctx => ctx.Output(0, filled);
        }
        bool relabels = Relabelling.Contains(op.type)
                        || OnePieceSplits.Contains(op.type) && op.outputs.Length == 1
                        || OnePieceJoins.Contains(op.type) && op.inputs.Length == 1;
        if (!relabels || op.outputs.Length != 1 || !op.outputs[0].shape.is_fully_defined) return null;
        long[] dims = op.outputs[0].shape.dims!.ToArray();   // the plan's own: results share it
        return ctx => ctx.Relabel(0, 0, dims);
    }
}
