namespace TfRnn;

public static partial class tf
{
    /// <summary>TF's aggregation methods; torch autograd accumulates the same sums whichever is chosen.</summary>
    public static class AggregationMethod
    {
        /// <summary>Sum the gradient contributions with <c>add_n</c>.</summary>
        public const string ADD_N = "add_n";
        /// <summary>TF's default, <see cref="ADD_N"/>.</summary>
        public const string DEFAULT = ADD_N;
        /// <summary>TF's tree summation (accepted; the sums are the same here).</summary>
        public const string EXPERIMENTAL_TREE = "experimental_tree";
        /// <summary>TF's accumulate_n summation (accepted; the sums are the same here).</summary>
        public const string EXPERIMENTAL_ACCUMULATE_N = "experimental_accumulate_n";
    }

    /// <summary>
    /// tf.gradients(ys, xs, grad_ys, stop_gradients, unconnected_gradients): the symbolic partial
    /// derivatives of sum(ys) with respect to each x (a tensor, variable or a list of them). An x that no y
    /// depends on gives null, or zeros with unconnected_gradients "zero". Computed by torch autograd in the
    /// same run as the forward values.
    /// </summary>
    public static Tensor?[] gradients(TensorLike ys, TensorLike xs, TensorLike? grad_ys = null, string name = "gradients",
        string? aggregation_method = null, IEnumerable<Tensor>? stop_gradients = null, string unconnected_gradients = "none")
    {
        var yList = TensorList(ys.Value, "ys");
        var xList = TensorList(xs.Value, "xs");
        var gradYs = TensorLike.ValueOrNone(grad_ys) is { } g ? TensorList(g, "grad_ys") : null;
        if (unconnected_gradients is not ("none" or "zero"))
            throw new ValueError($"Unknown value for unconnected_gradients: '{unconnected_gradients}'");
        if (aggregation_method is not (null or AggregationMethod.ADD_N or AggregationMethod.EXPERIMENTAL_TREE or AggregationMethod.EXPERIMENTAL_ACCUMULATE_N))
            throw new ValueError($"Invalid aggregation_method specified {aggregation_method}.");
        if (gradYs != null && gradYs.Count != yList.Count)
            throw new ValueError($"Passed {gradYs.Count} grad_ys for {yList.Count} ys");
        foreach (var y in yList)
            if (DependsOnGradients(y))
                throw new ValueError($"Second-order gradients are not supported: '{y.name}' already depends on a gradient.");

        var stops = new HashSet<Tensor>(stop_gradients ?? Array.Empty<Tensor>());
        var connected = GradientConnectivity.Connected(yList, xList, stops);
        var sources = xList.Where((_, i) => connected[i]).ToArray();
        Tensor[] computed = Array.Empty<Tensor>();
        if (sources.Length > 0)
        {
            var graph = yList[0].graph;
            using var scope = name_scope(name);
            var inputs = yList.Concat(sources).Concat(gradYs ?? Enumerable.Empty<Tensor>()).ToArray();
            var outputs = sources.Select(x => new OutputSpec(x.dtype, x.shape)).ToArray();
            var spec = new GradientsSpec(yList.Count, sources, stops.ToArray(), gradYs != null);
            // Only the GraphDef-visible parts stay attrs; the executor reads the typed spec.
            var attrs = new Dictionary<string, object?> { ["ys"] = spec.YCount, ["has_grad_ys"] = spec.HasGradYs };
            computed = graph.CreateOp("Gradients", "Gradients", inputs, outputs, GradientKernels.Gradients, attrs, gradients: spec).outputs;
        }
        int next = 0;
        return xList.Select((x, i) => connected[i] ? computed[next++]
            : unconnected_gradients == "zero" ? zeros_like(x) : null).ToArray();
    }

    /// <summary>tf.gradients(ys, xs, ...) with xs a List of tensors (arrays and collection expressions take the TensorLike form).</summary>
    public static Tensor?[] gradients(TensorLike ys, List<Tensor> xs, TensorLike? grad_ys = null, string name = "gradients",
        string? aggregation_method = null, IEnumerable<Tensor>? stop_gradients = null, string unconnected_gradients = "none") =>
        gradients(ys, (TensorLike)xs.ToArray(), grad_ys, name, aggregation_method, stop_gradients, unconnected_gradients);

    /// <summary>tf.gradients(ys, xs, ...) with xs a List of variables (e.g. tf.trainable_variables()).</summary>
    public static Tensor?[] gradients(TensorLike ys, List<Variable> xs, TensorLike? grad_ys = null, string name = "gradients",
        string? aggregation_method = null, IEnumerable<Tensor>? stop_gradients = null, string unconnected_gradients = "none") =>
        gradients(ys, (TensorLike)xs.ToArray(), grad_ys, name, aggregation_method, stop_gradients, unconnected_gradients);

    /// <summary>tf.stop_gradient(input): the same value, with no gradient flowing back through it.</summary>
    public static Tensor stop_gradient(TensorLike input, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Single("StopGradient", name, new[] { x }, x.dtype, x.shape, GradientKernels.StopGradient);
    }

    static bool DependsOnGradients(Tensor y)
    {
        var seen = new HashSet<Operation>();
        var stack = new Stack<Operation>(new[] { y.op });
        while (stack.Count > 0)
        {
            var op = stack.Pop();
            if (!seen.Add(op)) continue;
            if (op.Gradients != null) return true;
            foreach (var input in op.inputs) stack.Push(input.op);
        }
        return false;
    }

    /// <summary>A tensor, variable or list of them as tensors.</summary>
    internal static List<Tensor> TensorList(object value, string what) => value switch
    {
        Tensor t => new List<Tensor> { t },
        TfRnn.Variable v => new List<Tensor> { v.value() },
        Nest<Tensor> nest => nest.Flatten().ToList(),
        System.Collections.IEnumerable items => items.Cast<object>().Select(item => item switch
        {
            Tensor t => t,
            TfRnn.Variable v => v.value(),
            _ => throw new TypeError($"{what} must hold tensors or variables, got {item}"),
        }).ToList(),
        _ => throw new TypeError($"{what} must be a tensor, a variable or a list of them, got {value}"),
    };
}
