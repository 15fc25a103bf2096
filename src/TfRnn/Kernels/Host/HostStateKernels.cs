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
        long[] dims = ctx.Dims(0), idsDims = ctx.Dims(1);
        var ids = ctx.Input(1);
        long rows = dims[0];
        int width = rows == 0 ? 0 : (int)(table.Length / rows), count = (int)HostValues.Count(ids);
        Span<long> outDims = stackalloc long[idsDims.Length + dims.Length - 1];   // ids' shape, then a row's
        idsDims.CopyTo(outDims);
        dims.AsSpan(1).CopyTo(outDims[idsDims.Length..]);
        var result = ctx.OutputFloats(0, outDims);
        for (int i = 0; i < count; i++)
        {
            long id = HostValues.Index(ids, i);
            if (id < 0 || id >= rows) throw new InvalidArgumentError($"indices[{i}] = {id} is not in [0, {rows})");
            table.Slice((int)id * width, width).CopyTo(result.AsSpan(i * width, width));
        }
    }
}
