namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.nn: neural-network ops.</summary>
    public static partial class nn
    {
        /// <summary>tf.nn.softmax(logits, axis).</summary>
        public static Tensor softmax(TensorLike logits, int axis = -1, string? name = null)
        {
            var input = OpBuilder.ToTensor(logits);
            return OpBuilder.Single("Softmax", name, new[] { input }, input.dtype, input.shape, ctx => NnKernels.Softmax(ctx, axis),
                new Dictionary<string, object?> { ["axis"] = new EngineAttr<int>(axis) });
        }

        /// <summary>tf.nn.log_softmax(logits, axis).</summary>
        public static Tensor log_softmax(TensorLike logits, int axis = -1, string? name = null) =>
            Unary("LogSoftmax", logits, name, ctx => NnKernels.LogSoftmax(ctx, axis));

        /// <summary>tf.nn.relu(features): max(features, 0).</summary>
        public static Tensor relu(TensorLike features, string? name = null) => Unary("Relu", features, name, NnKernels.Relu);

        /// <summary>tf.nn.sigmoid(x).</summary>
        public static Tensor sigmoid(TensorLike x, string? name = null) => tf.sigmoid(x, name);

        /// <summary>tf.nn.tanh(x).</summary>
        public static Tensor tanh(TensorLike x, string? name = null) => tf.tanh(x, name);

        /// <summary>tf.nn.bias_add(value, bias): adds a 1-D bias along the last dimension.</summary>
        public static Tensor bias_add(TensorLike value, TensorLike bias, string? name = null)
        {
            var (x, b) = OpBuilder.ToTensorPair(value, bias, "BiasAdd");
            if (b.shape.is_known_rank && b.ndim != 1)
                throw new ValueError($"Shape must be rank 1 but is rank {b.ndim} for '{name ?? "BiasAdd"}' (op: 'BiasAdd') with input shapes: {x.shape.ToShapeFunctionString()}, {b.shape.ToShapeFunctionString()}.");
            if (x.shape.is_known_rank)
                ShapeInference.RequireEqual(x.shape[-1], b.shape[0], ShapeInference.PredictName(x.graph, name, "BiasAdd"), "BiasAdd", x.shape, b.shape);
            return OpBuilder.Single("BiasAdd", name, new[] { x, b }, x.dtype, x.shape, NnKernels.BiasAdd);
        }

        /// <summary>tf.nn.xw_plus_b(x, weights, biases): matmul(x, weights) + biases.</summary>
        public static Tensor xw_plus_b(TensorLike x, TensorLike weights, TensorLike biases, string name = "xw_plus_b")
        {
            using var scope = tf.name_scope(name);
            var product = matmul(x, weights, name: "MatMul");
            return bias_add(product, biases, name: scope.scope_name);
        }

        /// <summary>
        /// tf.nn.embedding_lookup(params, ids, partition_strategy, name, max_norm): rows of <paramref name="params"/>
        /// at <paramref name="ids"/>. params may be a list of shards ("mod": id i is in shard i mod n; "div":
        /// contiguous blocks); with max_norm each looked-up row is clipped to that L2 norm.
        /// </summary>
        public static Tensor embedding_lookup(TensorLike @params, TensorLike ids, string partition_strategy = "mod", string name = "embedding_lookup",
            double? max_norm = null)
        {
            if (partition_strategy is not ("mod" or "div")) throw new ValueError($"Unrecognized partition_strategy: {partition_strategy}");
            using var scope = tf.name_scope(name);
            // A list (array or collection expression) is a list of shards; anything else is one table.
            var table = @params.Value is object[] shards
                ? EmbeddingShards.Merge(shards.Select(s => OpBuilder.ToTensor(s)).ToArray(), partition_strategy)
                : OpBuilder.ToTensor(@params);
            var idTensor = OpBuilder.ToTensor(ids, TF_DataType.DtInvalid, "ids");
            if (max_norm == null) return gather(table, idTensor, 0, scope.scope_name);
            var rows = gather(table, idTensor, 0);
            int idRank = idTensor.ndim, rowRank = rows.ndim;
            if (idRank < 0 || rowRank < 0) throw new ValueError("embedding_lookup with max_norm needs ids and params of known rank");
            var axes = Enumerable.Range(idRank, rowRank - idRank).ToArray();
            return clip_by_norm(rows, max_norm.Value, axes.Length > 0 ? axes : null, scope.scope_name);
        }

        /// <summary>
        /// tf.nn.dropout(x, keep_prob, noise_shape, seed): keeps each element with probability keep_prob and
        /// scales kept ones by 1/keep_prob; keep_prob may be a tensor (fed 1.0 at test time).
        /// </summary>
        public static Tensor dropout(TensorLike x, TensorLike keep_prob, Shape? noise_shape = null, int? seed = null, string name = "dropout")
        {
            var input = OpBuilder.ToTensor(x);
            var keep = OpBuilder.ToTensor(keep_prob, input.dtype, "keep_prob");
            if (keep.op.type == "Const")
            {
                double k = ((NDArray)keep.op.attrs["value"]!).item<double>();
                if (k <= 0 || k > 1) throw new ValueError($"keep_prob must be a scalar tensor or a float in the range (0, 1], got {k}");
                if (k == 1) return input;
            }
            var (seed1, seed2) = Seeds(input.graph, seed);
            var noiseDims = noise_shape?.as_list();
            return OpBuilder.Single("Dropout", name, new[] { input, keep }, input.dtype, input.shape,
                ctx => RandomKernels.Dropout(ctx, noiseDims, seed1, seed2));
        }
    }
}
