using Google.Protobuf;
using TfRnn.Protos;
using TorchSharp;

namespace TfRnn;

/// <summary>Kernels of the summary ops: each outputs a scalar string holding one serialized <c>Summary</c>.</summary>
internal static class SummaryKernels
{
    public static void Scalar(KernelContext ctx, string tag)
    {
        var value = ctx.Input(0);
        if (value.numel() != 1)
            throw new InvalidArgumentError($"tags and values not the same shape: [] != [{string.Join(",", value.shape)}] (tag '{tag}')");
        Emit(ctx, new Summary.Types.Value { Tag = tag, SimpleValue = (float)value.to_type(torch.ScalarType.Float64).item<double>() });
    }

    /// <summary>TensorFlow's histogram buckets over all values; a NaN or infinity is TF's error.</summary>
    public static void Histogram(KernelContext ctx, string tag)
    {
        var data = ctx.Input(0).detach().to_type(torch.ScalarType.Float64).flatten().data<double>().ToArray();
        if (data.Any(v => !double.IsFinite(v)))
            throw new InvalidArgumentError($"Nan in summary histogram for: {tag}");
        Emit(ctx, new Summary.Types.Value { Tag = tag, Histo = TfRnn.Histogram.Build(data) });
    }

    /// <summary>String values for TensorBoard's Text tab.</summary>
    public static void Text(KernelContext ctx, string tag)
    {
        var strings = ctx.InputValue(0) as NDArray ?? throw new TypeError($"tf.summary.text '{tag}' needs a string tensor");
        Emit(ctx, new Summary.Types.Value
        {
            Tag = tag,
            Metadata = new SummaryMetadata { PluginData = new SummaryMetadata.Types.PluginData { PluginName = "text" } },
            Tensor = TensorProtos.FromNDArray(strings),
        });
    }

    /// <summary>One Summary holding every input's values; a duplicate tag is TF's error.</summary>
    public static void Merge(KernelContext ctx)
    {
        var merged = new Summary();
        var tags = new HashSet<string>();
        for (int i = 0; i < ctx.InputCount; i++)
            foreach (var value in Summary.Parser.ParseFrom(tf.SerializedSummary(ctx.InputValue(i))).Value)
            {
                if (!tags.Add(value.Tag)) throw new InvalidArgumentError($"Duplicate tag {value.Tag} found in summary inputs");
                merged.Value.Add(value);
            }
        ctx.Output(0, BytesScalar(merged.ToByteArray()));
    }

    static void Emit(KernelContext ctx, Summary.Types.Value value)
    {
        var summary = new Summary();
        summary.Value.Add(value);
        ctx.Output(0, BytesScalar(summary.ToByteArray()));
    }

    static NDArray BytesScalar(byte[] bytes) => new(new[] { bytes }, Array.Empty<long>());
}
