namespace TfRnn;

public static partial class tf
{
    /// <summary>TF's default graph-level seed, used when only an op seed is given.</summary>
    const int DefaultGraphSeed = 87654321;

    /// <summary>tf.random_normal(shape, mean, stddev, dtype, seed).</summary>
    public static Tensor random_normal(Shape shape, double mean = 0.0, double stddev = 1.0, TF_DataType dtype = float32, int? seed = null, string name = "random_normal") =>
        RandomOp("RandomStandardNormal", shape, dtype, seed, name, (ctx, dims, s1, s2) => RandomKernels.RandomNormal(ctx, dims, mean, stddev, dtype, s1, s2));

    /// <summary>tf.random_uniform(shape, minval, maxval, dtype, seed): uniform in [minval, maxval).</summary>
    public static Tensor random_uniform(Shape shape, double minval = 0.0, double maxval = 1.0, TF_DataType dtype = float32, int? seed = null, string name = "random_uniform") =>
        RandomOp("RandomUniform", shape, dtype, seed, name, (ctx, dims, s1, s2) => RandomKernels.RandomUniform(ctx, dims, minval, maxval, dtype, s1, s2));

    /// <summary>tf.truncated_normal(shape, mean, stddev, dtype, seed): normal values redrawn until within two stddevs.</summary>
    public static Tensor truncated_normal(Shape shape, double mean = 0.0, double stddev = 1.0, TF_DataType dtype = float32, int? seed = null, string name = "truncated_normal") =>
        RandomOp("TruncatedNormal", shape, dtype, seed, name, (ctx, dims, s1, s2) => RandomKernels.TruncatedNormal(ctx, dims, mean, stddev, dtype, s1, s2));

    /// <summary>tf.random.shuffle-free multinomial sampling: tf.multinomial(logits, num_samples, seed).</summary>
    public static Tensor multinomial(TensorLike logits, int num_samples, int? seed = null, string name = "multinomial")
    {
        var l = OpBuilder.ToTensor(logits);
        var (seed1, seed2) = Seeds(l.graph, seed);
        return OpBuilder.Single("Multinomial", name, new[] { l }, int64, new Shape(l.shape[0], num_samples),
            ctx => RandomKernels.Multinomial(ctx, num_samples, seed1, seed2));
    }

    /// <summary>A shape-only random op; <paramref name="kernel"/> gets the dims and the op's two seeds.</summary>
    static Tensor RandomOp(string type, Shape shape, TF_DataType dtype, int? seed, string name, Action<KernelContext, long[], int?, int?> kernel)
    {
        var graph = get_default_graph();
        var (seed1, seed2) = Seeds(graph, seed);
        var dims = shape.as_list();
        return graph.CreateOp(type, name, Array.Empty<Tensor>(), new[] { new OutputSpec(dtype, shape) }, ctx => kernel(ctx, dims, seed1, seed2),
            new Dictionary<string, object?> { ["seed"] = seed1, ["seed2"] = seed2, ["dtype"] = dtype }).outputs[0];
    }

    /// <summary>TF's get_seed: the graph seed with the op seed (or the op count), or nothing when neither is set.</summary>
    internal static (int? seed1, int? seed2) Seeds(Graph graph, int? opSeed)
    {
        if (graph.seed is int graphSeed) return (graphSeed, opSeed ?? graph.version);
        return opSeed is int s ? (DefaultGraphSeed, s) : (null, null);
    }
}
