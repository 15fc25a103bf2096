using TorchSharp;

namespace TfRnn;

public static partial class tf
{
    public static partial class nn
    {
        /// <summary>
        /// tf.nn.softmax_cross_entropy_with_logits(labels, logits, dim): −Σ labels·log softmax(logits) per row.
        /// The gradient is TF's (probs − labels, also when labels do not sum to one); no gradient reaches labels.
        /// </summary>
        public static Tensor softmax_cross_entropy_with_logits(object labels, object logits, int dim = -1, string? name = null) =>
            SoftmaxCrossEntropy(stop_gradient(OpBuilder.ToTensor(labels, name: "labels")), logits, dim, name, labelGradient: false);

        /// <summary>tf.nn.softmax_cross_entropy_with_logits_v2: as v1, but gradients also flow into labels (−log softmax).</summary>
        public static Tensor softmax_cross_entropy_with_logits_v2(object labels, object logits, int dim = -1, string? name = null) =>
            SoftmaxCrossEntropy(labels, logits, dim, name, labelGradient: true);

        static Tensor SoftmaxCrossEntropy(object labels, object logits, int dim, string? name, bool labelGradient)
        {
            var (z, l) = OpBuilder.ToTensorPair(logits, labels, "SoftmaxCrossEntropyWithLogits");
            var opName = ShapeInference.PredictName(z.graph, name, "SoftmaxCrossEntropyWithLogits");
            if (z.shape.is_known_rank && z.ndim == 0) throw new ValueError("Logits cannot be scalars - received shape ().");
            var broadcast = ShapeInference.Broadcast(z.shape, l.shape, opName, "SoftmaxCrossEntropyWithLogits");
            var shape = broadcast.is_known_rank ? ShapeInference.Reduce(broadcast, new long[] { dim < 0 ? dim + broadcast.ndim : dim }, false) : Shape.unknown();
            return OpBuilder.Elementwise("SoftmaxCrossEntropyWithLogits", name, new[] { z, l }, z.dtype, shape, t =>
            {
                var both = torch.broadcast_tensors(t[0], t[1]);
                var (logit, label) = (both[0], both[1]);
                var logProbs = logit.log_softmax(dim);
                var loss = -(label * logProbs).sum(dim);
                // TF's kernel defines d/dlogits = softmax − labels; build a surrogate with exactly that gradient.
                var surrogate = (EngineMath.Sub(logProbs.exp(), label).detach() * logit).sum(dim);
                if (labelGradient) surrogate = EngineMath.Add(surrogate, (-logProbs).detach().mul(label).sum(dim));
                return EngineMath.Add(EngineMath.Sub(loss, surrogate).detach(), surrogate);
            });
        }

        /// <summary>
        /// tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits): −log softmax(logits)[label], labels of
        /// rank one less than logits. A label outside [0, classes) is an InvalidArgumentError naming it.
        /// </summary>
        public static Tensor sparse_softmax_cross_entropy_with_logits(object labels, object logits, string? name = null)
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
            return OpBuilder.Elementwise("SparseSoftmaxCrossEntropyWithLogits", name, new[] { z, l }, z.dtype, shape, t =>
            {
                var logit = t[0];
                var label = t[1].to_type(torch.ScalarType.Int64);
                if (label.dim() != logit.dim() - 1)
                    throw new InvalidArgumentError($"labels must be {logit.dim() - 1}-D, but got shape [{string.Join(",", label.shape)}]");
                long classes = logit.shape[^1];
                var flat = label.flatten();
                var bad = torch.logical_or(EngineMath.Less(flat, 0), EngineMath.GreaterEqual(flat, classes));
                if (bad.any().item<bool>())
                {
                    long value = flat[bad.nonzero()[0, 0]].item<long>();
                    throw new InvalidArgumentError($"Received a label value of {value} which is outside the valid range of [0, {classes}).  Label values: {string.Join(" ", flat.data<long>().ToArray())}");
                }
                return -logit.log_softmax(-1).gather(-1, label.unsqueeze(-1)).squeeze(-1);
            });
        }
    }

    /// <summary>tf.add_n(inputs): the elementwise sum of same-shaped tensors.</summary>
    public static Tensor add_n(IEnumerable<object> inputs, string? name = null)
    {
        var tensors = inputs.Select(i => OpBuilder.ToTensor(i)).ToArray();
        if (tensors.Length == 0) throw new ValueError("inputs must be a list of at least one Tensor with the same dtype and shape");
        if (tensors.Length == 1) return identity(tensors[0], name);
        var shape = tensors.Aggregate(Shape.unknown(), (s, t) =>
            s.is_compatible_with(t.shape) ? s.merge_with(t.shape) : throw new ValueError($"Shapes {s} and {t.shape} are incompatible (tf.add_n)"));
        return OpBuilder.Elementwise("AddN", name, tensors, tensors[0].dtype, shape, t => t.Skip(1).Aggregate(t[0], EngineMath.Add));
    }
}
