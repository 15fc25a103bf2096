using System.Numerics;
using TorchSharp;

namespace TfRnn;

/// <summary>
/// Adam's three in-place updates (m, v, then the variable) as one pass over host memory, for float32 CPU tensors: the
/// engine form costs seven in-place calls, each a pass over the variable (0.14 ms per MNIST variable, most of it the
/// calls themselves). The formula is the engine form's, in float32; the results can differ from it in the last bit
/// (libtorch fuses some multiply-adds), which the tests' tolerances allow.
/// The variable is written through raw memory, so torch's version counter does not move: a second gradient op that
/// ran after this update in the same run would read the new values without the engine's in-place error (as TF's
/// reference variables would, unordered, in TF).
/// </summary>
internal static class FusedAdam
{
    /// <summary>Whether the variable, its slots and the gradient are float32 CPU tensors of one size, the state contiguous.</summary>
    public static bool Supports(torch.Tensor variable, torch.Tensor m, torch.Tensor v, torch.Tensor gradient)
    {
        long count = variable.numel();
        foreach (var t in new[] { variable, m, v, gradient })
            if (t.dtype != torch.ScalarType.Float32 || t.device_type != DeviceType.CPU || t.numel() != count) return false;
        return variable.is_contiguous() && m.is_contiguous() && v.is_contiguous();
    }

    /// <summary>m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²; variable −= α·m / (√v + ε).</summary>
    public static void Update(torch.Tensor variable, torch.Tensor m, torch.Tensor v, torch.Tensor gradient,
        double alpha, double beta1, double beta2, double epsilon)
    {
        // `using`: a strided gradient's contiguous copy must live until the pass has read it, and no longer.
        using var g = gradient.contiguous();
        Update(TensorMemory.Span<float>(variable), TensorMemory.Span<float>(m), TensorMemory.Span<float>(v), TensorMemory.Span<float>(g),
            (float)alpha, (float)beta1, (float)beta2, (float)epsilon);
        GC.KeepAlive(variable);   // the pass reads raw memory: no finalizer may free the state before it ends
        GC.KeepAlive(m);
        GC.KeepAlive(v);
    }

    static void Update(Span<float> variable, Span<float> m, Span<float> v, ReadOnlySpan<float> g, float alpha, float beta1, float beta2, float epsilon)
    {
        float keep1 = 1 - beta1, keep2 = 1 - beta2;
        int i = 0, width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var (b1, k1, b2, k2) = (new Vector<float>(beta1), new Vector<float>(keep1), new Vector<float>(beta2), new Vector<float>(keep2));
            var (a, e) = (new Vector<float>(alpha), new Vector<float>(epsilon));
            for (; i <= g.Length - width; i += width)
            {
                var gi = new Vector<float>(g[i..]);
                var mi = new Vector<float>(m[i..]) * b1 + gi * k1;
                var vi = new Vector<float>(v[i..]) * b2 + gi * gi * k2;
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                (new Vector<float>(variable[i..]) - a * mi / (Vector.SquareRoot(vi) + e)).CopyTo(variable[i..]);
            }
        }
        for (; i < g.Length; i++)
        {
            m[i] = m[i] * beta1 + g[i] * keep1;
            v[i] = v[i] * beta2 + g[i] * g[i] * keep2;
            variable[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + epsilon);
        }
    }
}
