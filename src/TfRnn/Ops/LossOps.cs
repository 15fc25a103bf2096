namespace TfRnn;

public static partial class tf
{
    public static partial class nn
    {
        /// <summary>
        /// tf.nn.softmax_cross_entropy_with_logits(labels, logits, dim): −Σ labels·log softmax(logits) per row.
        /// The gradient is TF's (probs − labels, also when labels do not sum to one); no gradient reaches labels.
        /// </summary>
        public static Tensor softmax_cross_entropy_with_logits(TensorLike labels, TensorLike logits, int dim = -1, string? name = null) =>
            SoftmaxCrossEntropy(stop_gradient(OpBuilder.ToTensor(labels, name: "labels")), logits, dim, name, labelGradient: false);

        /// <summary>tf.nn.softmax_cross_entropy_with_logits_v2: as v1, but gradients also flow into labels (−log softmax).</summary>
        public static Tensor softmax_cross_entropy_with_logits_v2(TensorLike labels, TensorLike logits, int dim = -1, string? name = null) =>
            SoftmaxCrossEntropy(labels, logits, dim, name, labelGradient: true);

        static Tensor SoftmaxCrossEntropy(object labels, object logits, int dim, string? name, bool labelGradient)
        {
            var (z, l) = OpBuilder.ToTensorPair(logits, labels, "SoftmaxCrossEntropyWithLogits");
            var opName = ShapeInference.PredictName(z.graph, name, "SoftmaxCrossEntropyWithLogits");
            if (z.shape.is_known_rank && z.ndim == 0) throw new ValueError("Logits cannot be scalars - received shape ().");
            var broadcast = ShapeInference.Broadcast(z.shape, l.shape, opName, "SoftmaxCrossEntropyWithLogits");
            var shape = broadcast.is_known_rank ? ShapeInference.Reduce(broadcast, new long[] { dim < 0 ? dim + broadcast.ndim : dim }, false) : Shape.unknown();
            return OpBuilder.Single("SoftmaxCrossEntropyWithLogits", name, new[] { z, l }, z.dtype, shape,
                ctx => LossKernels.SoftmaxCrossEntropy(ctx, dim, labelGradient));
        }

        /// <summary>
        /// tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits): −log softmax(logits)[label], labels of
        /// rank one less than logits. A label outside [0, classes) is an InvalidArgumentError naming it.
        /// </summary>
        public static Tensor sparse_softmax_cross_entropy_with_logits(TensorLike labels, TensorLike logits, string? name = null)
        {
            var z = OpBuilder.ToTensor(logits);
            var l = OpBuilder.ToTensor(labels, TF_DataType.DtInvalid, "labels");
            if (!l.dtype.is_integer()) throw new TypeError($"labels must be int32 or int64, got {l.dtype.as_numpy_name()}");
            if (z.shape.is_known_rank && z.ndim == 0) throw new ValueError("Logits cannot be scalars - received shape ().");
            if (z.shape.is_known_rank && l.shape.is_known_rank)
            {
                if (l.ndim != z.ndim - 1)
                    throw new ValueError($"Rank mismatch: Rank of labels (received {l.ndim}) should equal rank of logits minus 1 (received {z.ndim}).");
                if (!l.shape.is_compatible_with(z.shape.Slice(0, -1)))
                    throw new ValueError($"Shape mismatch: The shape of labels (received {l.shape}) should equal the shape of logits except for the last dimension (received {z.shape}).");
            }
            var shape = z.shape.is_known_rank ? z.shape.Slice(0, -1) : l.shape;
            return OpBuilder.Single("SparseSoftmaxCrossEntropyWithLogits", name, new[] { z, l }, z.dtype, shape, LossKernels.SparseSoftmaxCrossEntropy);
        }
    }

    /// <summary>tf.add_n(inputs): the elementwise sum of same-shaped tensors (a list of tensors or arrays, e.g. <c>tf.add_n([a, b, c])</c>).</summary>
    public static Tensor add_n(TensorLike inputs, string? name = null) => add_n(OpBuilder.ToTensors(inputs), name);

    /// <summary>tf.add_n(inputs) of a sequence of tensors (a List or a LINQ query).</summary>
    public static Tensor add_n(IEnumerable<Tensor> inputs, string? name = null) => add_n(inputs.ToArray(), name);

    /// <summary>tf.add_n(inputs) of an array of tensors.</summary>
    public static Tensor add_n(Tensor[] inputs, string? name = null)
    {
        var tensors = inputs;
        if (tensors.Length == 0) throw new ValueError("inputs must be a list of at least one Tensor with the same dtype and shape");
        if (tensors.Length == 1) return identity(tensors[0], name);
        var shape = tensors.Aggregate(Shape.unknown(), (s, t) =>
            s.is_compatible_with(t.shape) ? s.merge_with(t.shape) : throw new ValueError($"Shapes {s} and {t.shape} are incompatible (tf.add_n)"));
        return OpBuilder.Single("AddN", name, tensors, tensors[0].dtype, shape, MathKernels.AddN);
    }
}
