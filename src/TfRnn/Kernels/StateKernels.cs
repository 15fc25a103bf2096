using TorchSharp;

namespace TfRnn;

/// <summary>Kernels that read and write variables held in the session's resource store.</summary>
internal static class StateKernels
{
    /// <summary>VariableV2: the stored value; TF's FailedPrecondition naming the node when uninitialized.</summary>
    public static void Read(KernelContext ctx) => ctx.Output(Value(ctx.Resources, ctx.Op));

    /// <summary>The value a VariableV2 node reads (host runs read it in place too).</summary>
    public static torch.Tensor Value(ResourceStore resources, Operation variableOp) =>
        resources.TryGetVariable(variableOp, out var value) ? value
            : throw new FailedPreconditionError($"Attempting to use uninitialized value {variableOp.name}\n\t [[node {variableOp.name}]]");

    /// <summary>The variable's <c>read</c> snapshot: the stored tensor itself, so gradients reach the variable.</summary>
    public static void Snapshot(KernelContext ctx) => ctx.Output(ctx.Input(0));

    /// <summary>
    /// Assign: stores input 1 as <paramref name="variableOp"/>'s value. With validate_shape the value must
    /// match <paramref name="shapeChecked"/>'s static shape exactly once that shape is fully defined, as in TF.
    /// </summary>
    public static void Assign(KernelContext ctx, Operation variableOp, Tensor? shapeChecked)
    {
        var incoming = ctx.Input(1);
        var required = shapeChecked?.shape;
        if (required is { is_fully_defined: true } && !incoming.shape.SequenceEqual(required.dims!))
            throw new InvalidArgumentError($"Assign requires shapes of both tensors to match. lhs shape= {required.ToShapeFunctionString()} rhs shape= [{string.Join(",", incoming.shape)}]");
        ctx.Output(ctx.Resources.Assign(variableOp, incoming));
    }

    /// <summary>AssignAdd: adds input 1 to the stored value in place.</summary>
    public static void AssignAdd(KernelContext ctx, Operation variableOp) => Update(ctx, variableOp, EngineMath.AddInPlace);

    /// <summary>AssignSub: subtracts input 1 from the stored value in place.</summary>
    public static void AssignSub(KernelContext ctx, Operation variableOp) => Update(ctx, variableOp, EngineMath.SubInPlace);

    static void Update(KernelContext ctx, Operation variableOp, Func<torch.Tensor, torch.Tensor, torch.Tensor> update)
    {
        var value = ctx.Resources.RequireVariable(variableOp);
        var delta = ctx.Input(1);
        if (!value.shape.AsSpan().SequenceEqual(delta.shape))
            throw new InvalidArgumentError($"Cannot update variable with shape {KernelChecks.Dims(value.shape)} using a Tensor with shape {KernelChecks.Dims(delta.shape)}, shapes must be equal.");
        using (torch.no_grad()) update(value, delta);
        ctx.Output(value);
    }
}
