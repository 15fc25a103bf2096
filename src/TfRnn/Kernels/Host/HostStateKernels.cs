namespace TfRnn;

/// <summary>Host kernels that read what the session holds: constants, variables, embedding rows.</summary>
internal static class HostStateKernels
{
    public static HostKernel? For(Operation op) => op.type switch
    {
        "Const" when op.attrs.TryGetValue("value", out var v) && v is NDArray value => ctx => ctx.Output(0, value),
        "VariableV2" => ctx => ctx.Output(0, StateKernels.Value(ctx.Resources, ctx.Op)),
        "GatherV2" when op.attrs.TryGetValue("axis", out var axis) && axis is EngineAttr<long> { Value: 0 } && op.inputs[0].dtype == TF_DataType.TF_FLOAT => GatherRows,
        _ => null,
    };

    /// <summary>gather(params, ids) along axis 0: one row copy per id, checked against the row count as TF does.</summary>
    static void GatherRows(HostContext ctx)
    {
        var table = ctx.Floats(0);
        long[] dims = ctx.Dims(0);
        var ids = ctx.Array(1).Data<long>();
        long rows = dims[0];
        int width = rows == 0 ? 0 : (int)(table.Length / rows);
        var result = new float[ids.Length * width];
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] < 0 || ids[i] >= rows) throw new InvalidArgumentError($"indices[{i}] = {ids[i]} is not in [0, {rows})");
            table.Slice((int)ids[i] * width, width).CopyTo(result.AsSpan(i * width, width));
        }
        var outDims = ctx.Dims(1).Concat(dims.Skip(1)).ToArray();
        ctx.Output(0, new NDArray(result, outDims));
    }
}
