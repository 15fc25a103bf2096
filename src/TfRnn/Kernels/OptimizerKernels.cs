using TorchSharp;

namespace TfRnn;

/// <summary>
/// Kernels of the optimizers' apply ops: TF's update formulas, written in place (under no-grad) into the
/// variable and its slots. Each update gets the written state tensors and the op's other inputs.
/// </summary>
internal static class OptimizerKernels
{
    /// <summary>Runs <paramref name="update"/> on the stored values of <paramref name="written"/> (the op's leading reference inputs).</summary>
    public static void Apply(KernelContext ctx, Operation[] written, Action<torch.Tensor[], torch.Tensor[]> update)
    {
        var state = written.Select(ctx.Resources.RequireVariable).ToArray();
        var values = new torch.Tensor[ctx.InputCount - written.Length];
        for (int i = 0; i < values.Length; i++) values[i] = ctx.Input(written.Length + i);
        using (torch.no_grad()) update(state, values);
        ctx.Output(state[0]);
    }

    /// <summary>var −= lr·g. State: var; values: lr, g.</summary>
    public static void GradientDescent(torch.Tensor[] s, torch.Tensor[] v) => EngineMath.AddScaledInPlace(s[0], v[1], -Scalar(v[0]));

    /// <summary>var[indices] −= lr·values. State: var; values: lr, values, indices.</summary>
    public static void ScatterSub(torch.Tensor[] s, torch.Tensor[] v) =>
        EngineMath.IndexAddInPlace(s[0], 0, v[2].to_type(torch.ScalarType.Int64), EngineMath.Times(v[1], -Scalar(v[0])));

    /// <summary>accumulator += g²; var −= lr·g/√accumulator. State: var, accumulator; values: lr, g.</summary>
    public static void Adagrad(torch.Tensor[] s, torch.Tensor[] v)
    {
        EngineMath.AddProductInPlace(s[1], v[1], v[1], 1);        // accumulate first, then use
        EngineMath.AddQuotientInPlace(s[0], v[1], s[1].sqrt(), -Scalar(v[0]));
    }

    /// <summary>State: var, m, v; values: beta1_power, beta2_power, lr, beta1, beta2, epsilon, g.</summary>
    public static void Adam(torch.Tensor[] s, torch.Tensor[] v)
    {
        double beta1Power = Scalar(v[0]), beta2Power = Scalar(v[1]), lr = Scalar(v[2]);
        double b1 = Scalar(v[3]), b2 = Scalar(v[4]), eps = Scalar(v[5]);
        var g = v[6];
        double alpha = lr * Math.Sqrt(1 - beta2Power) / (1 - beta1Power);
        if (FusedAdam.Supports(s[0], s[1], s[2], g))
        {
            FusedAdam.Update(s[0], s[1], s[2], g, alpha, b1, b2, eps);
            return;
        }
        EngineMath.AddScaledInPlace(EngineMath.TimesInPlace(s[1], b1), g, 1 - b1);     // m = β1·m + (1−β1)·g
        EngineMath.AddProductInPlace(EngineMath.TimesInPlace(s[2], b2), g, g, 1 - b2); // v = β2·v + (1−β2)·g²
        EngineMath.AddQuotientInPlace(s[0], s[1], EngineMath.PlusInPlace(s[2].sqrt(), eps), -alpha); // var −= α·m / (√v + ε)
    }

    /// <summary>accum = momentum·accum + g; var −= lr·accum (Nesterov: lr·g + lr·momentum·accum). State: var, accum; values: lr, momentum, g.</summary>
    public static void Momentum(torch.Tensor[] s, torch.Tensor[] v, bool useNesterov)
    {
        double lr = Scalar(v[0]), mu = Scalar(v[1]);
        var g = v[2];
        EngineMath.AddInPlace(EngineMath.TimesInPlace(s[1], mu), g);
        if (useNesterov) EngineMath.AddScaledInPlace(EngineMath.AddScaledInPlace(s[0], g, -lr), s[1], -lr * mu);
        else EngineMath.AddScaledInPlace(s[0], s[1], -lr);
    }

    /// <summary>State: var, ms, mom[, mg when centered]; values: lr, decay, momentum, epsilon, g.</summary>
    public static void RMSProp(torch.Tensor[] s, torch.Tensor[] v, bool centered)
    {
        double lr = Scalar(v[0]), rho = Scalar(v[1]), mu = Scalar(v[2]), eps = Scalar(v[3]);
        var g = v[4];
        EngineMath.AddProductInPlace(EngineMath.TimesInPlace(s[1], rho), g, g, 1 - rho);
        var denominator = EngineMath.Plus(s[1], eps);
        if (centered)
        {
            EngineMath.AddScaledInPlace(EngineMath.TimesInPlace(s[3], rho), g, 1 - rho);
            denominator = EngineMath.SubInPlace(denominator, s[3].square());
        }
        EngineMath.AddQuotientInPlace(EngineMath.TimesInPlace(s[2], mu), g, denominator.sqrt_(), lr);
        EngineMath.SubInPlace(s[0], s[2]);
    }

    /// <summary>A scalar hyperparameter as a double.</summary>
    public static double Scalar(torch.Tensor t) => t.dtype switch
    {
        torch.ScalarType.Float32 => t.item<float>(),   // one call, no float64 copy (six per Adam update)
        torch.ScalarType.Float64 => t.item<double>(),
        _ => t.to_type(torch.ScalarType.Float64).item<double>(),
    };
}
