using TorchSharp;

namespace TfRnn;

/// <summary>
/// Kernels of random ops. Each op draws from its own generator, kept in the session's resource store:
/// every run draws new numbers, and a seeded graph repeats its sequence.
/// </summary>
internal static class RandomKernels
{
    public static void RandomNormal(KernelContext ctx, long[] dims, double mean, double stddev, TF_DataType dtype, int? seed1, int? seed2)
    {
        var generator = Generator(ctx, seed1, seed2);
        ctx.Output(EngineMath.Plus(EngineMath.Times(torch.randn(dims, dtype: dtype.ToTorch(), generator: generator), stddev), mean));
    }

    /// <summary>Uniform in [minval, maxval); integers from randint.</summary>
    public static void RandomUniform(KernelContext ctx, long[] dims, double minval, double maxval, TF_DataType dtype, int? seed1, int? seed2)
    {
        var generator = Generator(ctx, seed1, seed2);
        ctx.Output(dtype.is_integer()
            ? torch.randint((long)minval, (long)maxval, dims, dtype: dtype.ToTorch(), generator: generator)
            : EngineMath.Plus(EngineMath.Times(torch.rand(dims, dtype: dtype.ToTorch(), generator: generator), maxval - minval), minval));
    }

    /// <summary>Normal values redrawn until within two standard deviations.</summary>
    public static void TruncatedNormal(KernelContext ctx, long[] dims, double mean, double stddev, TF_DataType dtype, int? seed1, int? seed2)
    {
        var generator = Generator(ctx, seed1, seed2);
        var values = torch.randn(dims, dtype: dtype.ToTorch(), generator: generator);
        var outside = EngineMath.Greater(values.abs(), 2.0);
        while (outside.any().item<bool>())
        {
            values = torch.where(outside, torch.randn(dims, dtype: dtype.ToTorch(), generator: generator), values);
            outside = EngineMath.Greater(values.abs(), 2.0);
        }
        ctx.Output(EngineMath.Plus(EngineMath.Times(values, stddev), mean));
    }

    /// <summary>Samples class indices from softmax(logits), with replacement.</summary>
    public static void Multinomial(KernelContext ctx, int numSamples, int? seed1, int? seed2)
    {
        var generator = Generator(ctx, seed1, seed2);
        ctx.Output(torch.multinomial(torch.softmax(ctx.Input(0), -1), numSamples, replacement: true, generator: generator));
    }

    /// <summary>Keeps each element with probability keep (input 1) and scales kept ones by 1/keep.</summary>
    public static void Dropout(KernelContext ctx, long[]? noiseDims, int? seed1, int? seed2)
    {
        var value = ctx.Input(0);
        var keep = ctx.Input(1);
        var generator = Generator(ctx, seed1, seed2);
        var mask = EngineMath.Add(torch.rand(noiseDims ?? value.shape, dtype: value.dtype, generator: generator), keep).floor();
        ctx.Output(value.div(keep).mul(mask));
    }

    static torch.Generator Generator(KernelContext ctx, int? seed1, int? seed2) =>
        ctx.Resources.GetOrCreateOpState(ctx.Op, () => NewGenerator(seed1, seed2));

    /// <summary>An unseeded generator when neither seed is set, else one determined by both seeds.</summary>
    static torch.Generator NewGenerator(int? seed1, int? seed2)
    {
        if (seed1 == null) return new torch.Generator((ulong)Random.Shared.NextInt64(), torch.CPU);
        // libtorch's CPU generator keeps only 32 bits of its seed, so mix both seeds into those bits (splitmix64).
        ulong z = unchecked(((ulong)(uint)seed1.Value << 32 | (uint)seed2!.Value) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new torch.Generator((uint)(z ^ (z >> 32)), torch.CPU);
    }
}
