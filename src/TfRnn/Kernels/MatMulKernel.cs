using TorchSharp;

namespace TfRnn;

/// <summary>
/// The kernel of tf.matmul (MatMul, and BatchMatMulV2 with broadcast batch dimensions). It checks ranks, inner
/// dimensions and batch dimensions with TF's texts, then multiplies with mm / bmm: TorchSharp 0.107's
/// torch.matmul lets a libtorch error escape as an uncatchable C++ exception that aborts the process.
/// </summary>
internal static class MatMulKernel
{
    public static void Run(KernelContext ctx, bool transposeA, bool transposeB)
    {
        var a = ctx.Input(0);
        var b = ctx.Input(1);
        KernelChecks.SameType(a, b, ctx.Op.type);
        long[] sa = a.shape, sb = b.shape;
        bool batched = ctx.Op.type != "MatMul";
        if (sa.Length < 2) throw RankError(0, sa, batched);
        if (sb.Length < 2) throw RankError(1, sb, batched);
        if (!batched && (sa.Length != 2 || sb.Length != 2)) throw RankError(sa.Length != 2 ? 0 : 1, sa.Length != 2 ? sa : sb, batched);
        if (transposeA) a = a.transpose(-2, -1);
        if (transposeB) b = b.transpose(-2, -1);
        long inner = a.shape[^1], innerB = b.shape[^2];
        if (inner != innerB)
            throw new InvalidArgumentError(batched
                ? $"In[0] mismatch In[1] shape: {inner} vs. {innerB}: {KernelChecks.Dims(sa)} {KernelChecks.Dims(sb)} {(transposeA ? 1 : 0)} {(transposeB ? 1 : 0)}"
                : $"Matrix size-incompatible: In[0]: {KernelChecks.Dims(sa)}, In[1]: {KernelChecks.Dims(sb)}");
        ctx.Output(Product(a, b, sa, sb));
    }

    /// <summary>[…, n, k] × […, k, m] → [broadcast …, n, m], shapes already checked.</summary>
    static torch.Tensor Product(torch.Tensor a, torch.Tensor b, long[] sa, long[] sb)
    {
        if (a.dim() == 2 && b.dim() == 2) return a.mm(b);
        long n = a.shape[^2], k = a.shape[^1], m = b.shape[^1];
        long[] batch;
        try { batch = KernelChecks.Broadcast(sa[..^2], sb[..^2]); }
        catch (InvalidArgumentError)
        {
            throw new InvalidArgumentError($"In[0] and In[1] must have compatible batch dimensions: {KernelChecks.Dims(sa)} vs. {KernelChecks.Dims(sb)}");
        }
        var resultShape = batch.Append(n).Append(m).ToArray();
        // A shared right matrix folds the batch into rows: one mm, as torch.matmul does.
        if (b.dim() == 2) return a.reshape(-1, k).mm(b).reshape(resultShape);
        long count = KernelChecks.Elements(batch);
        var left = a.expand(batch.Append(n).Append(k).ToArray()).reshape(count, n, k);
        var right = b.expand(batch.Append(k).Append(m).ToArray()).reshape(count, k, m);
        return left.bmm(right).reshape(resultShape);
    }

    static InvalidArgumentError RankError(int input, long[] shape, bool batched) => new(batched
        ? $"In[{input}] ndims must be >= 2: {shape.Length}"
        : $"In[{input}] is not a matrix. Instead it has shape {KernelChecks.Dims(shape)}");
}
