using TorchSharp;

namespace TfRnn;

/// <summary>Kernels that write variable state held by the session.</summary>
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
        return OpBuilder.Single("Assign", name, new[] { reference, value }, reference.dtype, shape, ctx =>
        {
            var incoming = ctx.Input(1);
            if (validateShape && reference.shape.is_fully_defined && !incoming.shape.SequenceEqual(reference.shape.dims!))
                throw new InvalidArgumentError($"Assign requires shapes of both tensors to match. lhs shape= {reference.shape.ToShapeFunctionString()} rhs shape= [{string.Join(",", incoming.shape)}]");
            ctx.Output(ctx.Resources.Assign(variableOp, incoming));
        }, new Dictionary<string, object?> { ["validate_shape"] = validateShape }, referenceInputs: 1);
    }

    /// <summary>AssignAdd / AssignSub: updates the stored value in place.</summary>
    public static Tensor AssignUpdate(Tensor reference, Tensor delta, string type, string? name,
        Func<torch.Tensor, torch.Tensor, torch.Tensor> update)
    {
        var variableOp = reference.op;
        var shape = ShapeInference.Broadcast(reference.shape, delta.shape, ShapeInference.PredictName(reference.graph, name, type), type);
        if (!shape.is_compatible_with(reference.shape))
            throw new ValueError($"Shapes {reference.shape} and {delta.shape} are incompatible for '{name ?? type}' (op: '{type}')");
        return OpBuilder.Single(type, name, new[] { reference, delta }, reference.dtype, reference.shape, ctx =>
        {
            if (!ctx.Resources.TryGetVariable(variableOp, out var value))
                throw new FailedPreconditionError($"Attempting to use uninitialized value {variableOp.name}");
            using (torch.no_grad()) update(value, ctx.Input(1));
            ctx.Output(value);
        }, referenceInputs: 1);
    }
}
