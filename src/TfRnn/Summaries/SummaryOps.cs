using Google.Protobuf;
using TfRnn.Protos;

namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.summary: summary ops (string tensors holding a serialized Summary) and the FileWriter.</summary>
    public static partial class summary
    {
        /// <summary>tf.summary.scalar(name, tensor, collections): the scalar's value under the tag name (prefixed by the name scope).</summary>
        public static Tensor scalar(string name, TensorLike tensor, IEnumerable<string>? collections = null) =>
            SummaryOp("ScalarSummary", name, tensor, collections, SummaryKernels.Scalar);

        /// <summary>tf.summary.histogram(name, values, collections): a histogram of the values with TensorFlow's buckets.</summary>
        public static Tensor histogram(string name, TensorLike values, IEnumerable<string>? collections = null) =>
            SummaryOp("HistogramSummary", name, values, collections, SummaryKernels.Histogram);

        /// <summary>tf.summary.text(name, tensor, collections): string values for TensorBoard's Text tab.</summary>
        public static Tensor text(string name, TensorLike tensor, IEnumerable<string>? collections = null) =>
            SummaryOp("TensorSummaryV2", name, tensor, collections, SummaryKernels.Text);

        /// <summary>tf.summary.merge(inputs): one Summary holding every input's values; duplicate tags are an error.</summary>
        public static Tensor merge(IEnumerable<Tensor> inputs, IEnumerable<string>? collections = null, string? name = null)
        {
            var list = inputs.ToArray();
            if (list.Length == 0) throw new ValueError("tf.summary.merge needs at least one summary");
            var op = OpBuilder.Single("MergeSummary", name ?? "Merge/MergeSummary", list, @string, Shape.scalar(), SummaryKernels.Merge);
            foreach (var key in collections ?? Array.Empty<string>()) op.graph.add_to_collection(key, op);
            return op;
        }

        /// <summary>tf.summary.merge_all(key): merges every summary in the collection; null when there is none.</summary>
        public static Tensor? merge_all(string key = GraphKeys.SUMMARIES)
        {
            var summaries = get_default_graph().get_collection<Tensor>(key);
            return summaries.Count == 0 ? null : merge(summaries);
        }

        /// <summary>tf.summary.FileWriter(logdir, graph, max_queue, flush_secs).</summary>
        public static FileWriter FileWriter(string logdir, Graph? graph = null, int max_queue = 10, double flush_secs = 120, string? filename_suffix = null) =>
            new(logdir, graph, max_queue, flush_secs, filename_suffix);

        /// <summary>A summary op tagged by its name scope; <paramref name="kernel"/> gets the tag.</summary>
        static Tensor SummaryOp(string type, string name, object input, IEnumerable<string>? collections, Action<KernelContext, string> kernel)
        {
            var x = OpBuilder.ToTensor(input);
            using var scope = name_scope(SummaryNames.Clean(name));
            string tag = scope.scope_name.TrimEnd('/');
            var op = OpBuilder.Single(type, scope.scope_name, new[] { x }, @string, Shape.scalar(), ctx => kernel(ctx, tag),
                new Dictionary<string, object?> { ["tag"] = tag });
            foreach (var key in collections ?? new[] { GraphKeys.SUMMARIES }) op.graph.add_to_collection(key, op);
            return op;
        }
    }

    /// <summary>The serialized Summary held by a fetched summary value (NDArray of bytes, raw bytes, or a Summary).</summary>
    internal static byte[] SerializedSummary(object value) => value switch
    {
        byte[] bytes => bytes,
        NDArray array => array.item<byte[]>(),
        Summary proto => proto.ToByteArray(),
        _ => throw new TypeError($"expected a serialized Summary (a fetched summary op), got {value.GetType().Name}"),
    };

    /// <summary>tf.scalar_summary(tag, value): the pre-1.0 spelling of tf.summary.scalar.</summary>
    public static Tensor scalar_summary(string tags, TensorLike values, IEnumerable<string>? collections = null) => summary.scalar(tags, values, collections);
    /// <summary>tf.histogram_summary(tag, values): the pre-1.0 spelling of tf.summary.histogram.</summary>
    public static Tensor histogram_summary(string tag, TensorLike values, IEnumerable<string>? collections = null) => summary.histogram(tag, values, collections);
    /// <summary>tf.merge_summary(inputs): the pre-1.0 spelling of tf.summary.merge.</summary>
    public static Tensor merge_summary(IEnumerable<Tensor> inputs) => summary.merge(inputs);
    /// <summary>tf.merge_all_summaries(): the pre-1.0 spelling of tf.summary.merge_all.</summary>
    public static Tensor? merge_all_summaries(string key = GraphKeys.SUMMARIES) => summary.merge_all(key);

    public static partial class train
    {
        /// <summary>tf.train.SummaryWriter(logdir, graph): the pre-1.0 spelling of tf.summary.FileWriter.</summary>
        public static FileWriter SummaryWriter(string logdir, Graph? graph = null, int max_queue = 10, double flush_secs = 120) =>
            new(logdir, graph, max_queue, flush_secs, null);
    }
}
