namespace TfRnn;

/// <summary>Builds the ops that write variable state (their kernels are <see cref="StateKernels"/>).</summary>
internal static class StateOps
{
    /// <summary>Assign: stores a copy of <paramref name="value"/> as the variable behind <paramref name="reference"/>.</summary>
    public static Tensor Assign(Tensor reference, Tensor value, bool validateShape, string name)
    {
        if (reference.dtype != value.dtype)
            throw new TypeError($"Input 'value' of 'Assign' Op has type {value.dtype.as_numpy_name()} that does not match type {reference.dtype.as_numpy_name()} of argument 'ref'.");
        if (validateShape && !reference.shape.is_compatible_with(value.shape))
            throw new ValueError($"Dimension mismatch: shapes {reference.shape} and {value.shape} are incompatible for '{name}' (op: 'Assign')");
        var variableOp = reference.op;
        var shape = validateShape ? reference.shape : value.shape;
        var shapeChecked = validateShape ? reference : null;
        return OpBuilder.Single("Assign", name, new[] { reference, value }, reference.dtype, shape,
            ctx => StateKernels.Assign(ctx, variableOp, shapeChecked),
            new Dictionary<string, object?> { ["validate_shape"] = validateShape }, referenceInputs: 1);
    }

    /// <summary>AssignAdd / AssignSub: an op updating the stored value in place with <paramref name="kernel"/>.</summary>
    public static Tensor AssignUpdate(Tensor reference, Tensor delta, string type, string? name, Action<KernelContext, Operation> kernel)
    {
        var variableOp = reference.op;
        var shape = ShapeInference.Broadcast(reference.shape, delta.shape, ShapeInference.PredictName(reference.graph, name, type), type);
        if (!shape.is_compatible_with(reference.shape))
            throw new ValueError($"Shapes {reference.shape} and {delta.shape} are incompatible for '{name ?? type}' (op: '{type}')");
        return OpBuilder.Single(type, name, new[] { reference, delta }, reference.dtype, reference.shape, ctx => kernel(ctx, variableOp),
            referenceInputs: 1);
    }
}
