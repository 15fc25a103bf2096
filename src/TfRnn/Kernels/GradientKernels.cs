using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of tf.gradients and tf.stop_gradient: torch autograd over the run's own forward values.</summary>
internal static class GradientKernels
{
    /// <summary>Differentiates the ys with respect to the xs as the op's <see cref="GradientsSpec"/> lays them out.</summary>
    public static void Gradients(KernelContext ctx)
    {
        var spec = ctx.Op.Gradients!;
        int yCount = spec.YCount, xCount = spec.Xs.Length;
        var outputs = new List<torch.Tensor>();
        var seeds = new List<torch.Tensor>();
        for (int i = 0; i < yCount; i++)
        {
            var y = ctx.Input(i);
            if (!y.requires_grad) continue;   // this y does not depend on any x in this run
            outputs.Add(y);
            seeds.Add(spec.HasGradYs ? ctx.Input(yCount + xCount + i) : torch.ones_like(y));
        }
        var xs = new torch.Tensor[xCount];
        for (int i = 0; i < xCount; i++) xs[i] = ctx.Input(yCount + i);
        if (outputs.Count == 0)
        {
            for (int i = 0; i < xCount; i++) ctx.Output(i, torch.zeros_like(xs[i]));
            return;
        }
        // retain_graph: several gradient ops (or optimizers) may backpropagate through one forward pass.
        var grads = torch.autograd.grad(outputs, xs, seeds, retain_graph: true, create_graph: false, allow_unused: true);
        for (int i = 0; i < xCount; i++)
            ctx.Output(i, grads[i].IsInvalid ? torch.zeros_like(xs[i]) : grads[i]);
    }

    public static void StopGradient(KernelContext ctx) => ctx.Output(ctx.Input(0).detach());
}
