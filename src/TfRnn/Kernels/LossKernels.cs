using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of the softmax cross-entropy losses, with TF's gradients and label checks.</summary>
internal static class LossKernels
{
    /// <summary>
    /// −Σ labels·log softmax(logits) along <paramref name="dim"/> (inputs: logits, labels). The gradient
    /// into logits is TF's softmax − labels; into labels −log softmax when <paramref name="labelGradient"/>.
    /// </summary>
    public static void SoftmaxCrossEntropy(KernelContext ctx, int dim, bool labelGradient)
    {
        var (logits, labels) = (ctx.Input(0), ctx.Input(1));
        try { KernelChecks.Broadcast(logits.shape, labels.shape); }
        catch (InvalidArgumentError)
        {
            throw new InvalidArgumentError($"logits and labels must be broadcastable: logits_size={KernelChecks.Dims(logits.shape)} labels_size={KernelChecks.Dims(labels.shape)}");
        }
        var both = torch.broadcast_tensors(logits, labels);
        var (logit, label) = (both[0], both[1]);
        var logProbs = logit.log_softmax(dim);
        var loss = -(label * logProbs).sum(dim);
        // TF's kernel defines d/dlogits = softmax − labels; build a surrogate with exactly that gradient.
        var surrogate = (EngineMath.Sub(logProbs.exp(), label).detach() * logit).sum(dim);
        if (labelGradient) surrogate = EngineMath.Add(surrogate, (-logProbs).detach().mul(label).sum(dim));
        ctx.Output(EngineMath.Add(EngineMath.Sub(loss, surrogate).detach(), surrogate));
    }

    /// <summary>−log softmax(logits)[label] (inputs: logits, integer labels of one rank less).</summary>
    public static void SparseSoftmaxCrossEntropy(KernelContext ctx)
    {
        var logit = ctx.Input(0);
        var label = ctx.Input(1).to_type(torch.ScalarType.Int64);
        if (label.dim() != logit.dim() - 1)
            throw new InvalidArgumentError($"labels must be {logit.dim() - 1}-D, but got shape [{string.Join(",", label.shape)}]");
        if (!logit.shape[..^1].AsSpan().SequenceEqual(label.shape))
            throw new InvalidArgumentError($"logits and labels must have the same first dimension, got logits shape {KernelChecks.Dims(logit.shape)} and labels shape {KernelChecks.Dims(label.shape)}");
        long classes = logit.shape[^1];
        var flat = label.flatten();
        var bad = torch.logical_or(EngineMath.Less(flat, 0), EngineMath.GreaterEqual(flat, classes));
        if (bad.any().item<bool>())
        {
            long value = flat[bad.nonzero()[0, 0]].item<long>();
            throw new InvalidArgumentError($"Received a label value of {value} which is outside the valid range of [0, {classes}).  Label values: {string.Join(" ", flat.data<long>().ToArray())}");
        }
        ctx.Output(-logit.log_softmax(-1).gather(-1, label.unsqueeze(-1)).squeeze(-1));
    }
}
