using TorchSharp;

namespace TfRnn;

public static partial class tf
{
    /// <summary>TF's default graph-level seed, used when only an op seed is given.</summary>
    const int DefaultGraphSeed = 87654321;

    /// <summary>tf.random_normal(shape, mean, stddev, dtype, seed).</summary>
    public static Tensor random_normal(Shape shape, double mean = 0.0, double stddev = 1.0, TF_DataType dtype = float32, int? seed = null, string name = "random_normal") =>
        RandomOp("RandomStandardNormal", shape, dtype, seed, name, (dims, gen) =>
            EngineMath.Plus(EngineMath.Times(torch.randn(dims, dtype: dtype.ToTorch(), generator: gen), stddev), mean));

    /// <summary>tf.random_uniform(shape, minval, maxval, dtype, seed): uniform in [minval, maxval).</summary>
    public static Tensor random_uniform(Shape shape, double minval = 0.0, double maxval = 1.0, TF_DataType dtype = float32, int? seed = null, string name = "random_uniform") =>
        RandomOp("RandomUniform", shape, dtype, seed, name, (dims, gen) => dtype.is_integer()
            ? torch.randint((long)minval, (long)maxval, dims, dtype: dtype.ToTorch(), generator: gen)
            : EngineMath.Plus(EngineMath.Times(torch.rand(dims, dtype: dtype.ToTorch(), generator: gen), maxval - minval), minval));

    /// <summary>tf.truncated_normal(shape, mean, stddev, dtype, seed): normal values redrawn until within two stddevs.</summary>
    public static Tensor truncated_normal(Shape shape, double mean = 0.0, double stddev = 1.0, TF_DataType dtype = float32, int? seed = null, string name = "truncated_normal") =>
        RandomOp("TruncatedNormal", shape, dtype, seed, name, (dims, gen) =>
        {
            var values = torch.randn(dims, dtype: dtype.ToTorch(), generator: gen);
            var outside = EngineMath.Greater(values.abs(), 2.0);
            while (outside.any().item<bool>())
            {
                values = torch.where(outside, torch.randn(dims, dtype: dtype.ToTorch(), generator: gen), values);
                outside = EngineMath.Greater(values.abs(), 2.0);
            }
            return EngineMath.Plus(EngineMath.Times(values, stddev), mean);
        });

    /// <summary>tf.random.shuffle-free multinomial sampling: tf.multinomial(logits, num_samples, seed).</summary>
    public static Tensor multinomial(object logits, int num_samples, int? seed = null, string name = "multinomial")
    {
        var l = OpBuilder.ToTensor(logits);
        var (seed1, seed2) = Seeds(l.graph, seed);
        return OpBuilder.Single("Multinomial", name, new[] { l }, int64, new Shape(l.shape[0], num_samples), ctx =>
        {
            var gen = ctx.Resources.GetOrCreateOpState(ctx.Op, () => NewGenerator(seed1, seed2));
            ctx.Output(torch.multinomial(torch.softmax(ctx.Input(0), -1), num_samples, replacement: true, generator: gen));
        });
    }

    static Tensor RandomOp(string type, Shape shape, TF_DataType dtype, int? seed, string name, Func<long[], torch.Generator, torch.Tensor> draw)
    {
        var graph = get_default_graph();
        var (seed1, seed2) = Seeds(graph, seed);
        var dims = shape.as_list();
        return graph.CreateOp(type, name, Array.Empty<Tensor>(), new[] { new OutputSpec(dtype, shape) }, ctx =>
        {
            // One generator per op and session: each run draws new numbers, and a seeded graph repeats its sequence.
            var generator = ctx.Resources.GetOrCreateOpState(ctx.Op, () => NewGenerator(seed1, seed2));
            ctx.Output(draw(dims, generator));
        }, new Dictionary<string, object?> { ["seed"] = seed1, ["seed2"] = seed2, ["dtype"] = dtype }).outputs[0];
    }

    /// <summary>TF's get_seed: the graph seed with the op seed (or the op count), or nothing when neither is set.</summary>
    internal static (int? seed1, int? seed2) Seeds(Graph graph, int? opSeed)
    {
        if (graph.seed is int graphSeed) return (graphSeed, opSeed ?? graph.version);
        return opSeed is int s ? (DefaultGraphSeed, s) : (null, null);
    }

    internal static torch.Generator NewGenerator(int? seed1, int? seed2)
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
