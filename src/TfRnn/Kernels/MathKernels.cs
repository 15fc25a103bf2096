using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of elementwise arithmetic, comparisons and casts (tf.add … tf.cast).</summary>
internal static class MathKernels
{
    public static void Add(KernelContext ctx) => Binary(ctx, EngineMath.Add);
    public static void Sub(KernelContext ctx) => Binary(ctx, EngineMath.Sub);
    public static void Mul(KernelContext ctx) => Binary(ctx, torch.mul);
    public static void RealDiv(KernelContext ctx) => Binary(ctx, (p, q) => torch.div(p, q));
    public static void FloorDiv(KernelContext ctx) =>
        Binary(ctx, (a, b) => torch.is_integral(a.dtype) ? torch.floor_divide(a, b) : torch.floor(torch.div(a, b)));
    public static void FloorMod(KernelContext ctx) => Binary(ctx, torch.remainder);
    public static void Pow(KernelContext ctx) => Binary(ctx, torch.pow);
    public static void Maximum(KernelContext ctx) => Binary(ctx, torch.maximum);
    public static void Minimum(KernelContext ctx) => Binary(ctx, torch.minimum);
    public static void SquaredDifference(KernelContext ctx) => Binary(ctx, (a, b) => torch.square(EngineMath.Sub(a, b)));

    public static void Equal(KernelContext ctx) => Binary(ctx, torch.eq);
    public static void NotEqual(KernelContext ctx) => Binary(ctx, torch.ne);
    public static void Less(KernelContext ctx) => Binary(ctx, torch.lt);
    public static void LessEqual(KernelContext ctx) => Binary(ctx, torch.le);
    public static void Greater(KernelContext ctx) => Binary(ctx, torch.gt);
    public static void GreaterEqual(KernelContext ctx) => Binary(ctx, torch.ge);
    public static void LogicalAnd(KernelContext ctx) => Binary(ctx, torch.logical_and);
    public static void LogicalOr(KernelContext ctx) => Binary(ctx, torch.logical_or);
    public static void LogicalNot(KernelContext ctx) => Unary(ctx, torch.logical_not);

    public static void Neg(KernelContext ctx) => Unary(ctx, torch.neg);
    public static void Abs(KernelContext ctx) => Unary(ctx, torch.abs);
    public static void Square(KernelContext ctx) => Unary(ctx, torch.square);
    public static void Sqrt(KernelContext ctx) => Unary(ctx, torch.sqrt);
    public static void Rsqrt(KernelContext ctx) => Unary(ctx, torch.rsqrt);
    public static void Exp(KernelContext ctx) => Unary(ctx, torch.exp);
    public static void Log(KernelContext ctx) => Unary(ctx, torch.log);
    public static void Tanh(KernelContext ctx) => Unary(ctx, torch.tanh);
    public static void Sigmoid(KernelContext ctx) => Unary(ctx, torch.sigmoid);
    public static void Sign(KernelContext ctx) => Unary(ctx, torch.sign);
    public static void Floor(KernelContext ctx) => Unary(ctx, torch.floor);
    public static void Ceil(KernelContext ctx) => Unary(ctx, torch.ceil);
    /// <summary>Half to even, as TF.</summary>
    public static void Round(KernelContext ctx) => Unary(ctx, t => torch.round(t));
    public static void Reciprocal(KernelContext ctx) => Unary(ctx, torch.reciprocal);

    /// <summary>Floats to integers truncate toward zero.</summary>
    public static void Cast(KernelContext ctx, TF_DataType dtype) => ctx.Output(ctx.Input(0).to_type(dtype.ToTorch()));

    /// <summary>The elementwise sum of all inputs.</summary>
    public static void AddN(KernelContext ctx)
    {
        var sum = ctx.Input(0);
        for (int i = 1; i < ctx.InputCount; i++)
        {
            KernelChecks.Broadcast(sum.shape, ctx.Input(i).shape);
            sum = EngineMath.Add(sum, ctx.Input(i));
        }
        ctx.Output(sum);
    }

    /// <summary>Shapes that were unknown when the graph was built must broadcast now (TF's "Incompatible shapes").</summary>
    static void Binary(KernelContext ctx, Func<torch.Tensor, torch.Tensor, torch.Tensor> compute)
    {
        var (a, b) = (ctx.Input(0), ctx.Input(1));
        KernelChecks.Broadcast(a.shape, b.shape);
        ctx.Output(compute(a, b));
    }

    static void Unary(KernelContext ctx, Func<torch.Tensor, torch.Tensor> compute) => ctx.Output(compute(ctx.Input(0)));
}
