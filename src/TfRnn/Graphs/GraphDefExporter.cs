using Google.Protobuf;
using TfRnn.Protos;

namespace TfRnn;

/// <summary>
/// The graph as TensorFlow's GraphDef: every op's name, type, inputs (<c>op</c>, <c>op:1</c>, <c>^control</c>),
/// device and attributes (dtypes, shapes, constant values, <c>_output_shapes</c>) so TensorBoard draws it.
/// Ops specific to this engine (FusedLSTM, RnnLoop, Gradients) keep their own type names.
/// </summary>
internal static class GraphDefExporter
{
    const int Producer = 27;   // the GraphDef version of TF 1.12

    public static GraphDef Export(Graph graph)
    {
        var def = new GraphDef { Versions = new VersionDef { Producer = Producer } };
        foreach (var op in graph.get_operations()) def.Node.Add(Node(op));
        return def;
    }

    /// <summary>A MetaGraphDef holding the graph (what Saver writes as <c>prefix.meta</c>).</summary>
    public static byte[] MetaGraph(Graph graph) => new MetaGraphDef
    {
        MetaInfoDef = new MetaGraphDef.Types.MetaInfoDef { MetaGraphVersion = "v1", TensorflowVersion = "1.15.0 (TfRnnDotnet)" },
        GraphDef = Export(graph),
    }.ToByteArray();

    static NodeDef Node(Operation op)
    {
        var node = new NodeDef { Name = op.name, Op = op.type, Device = op.device };
        foreach (var input in op.inputs) node.Input.Add(input.value_index == 0 ? input.op.name : $"{input.op.name}:{input.value_index}");
        foreach (var control in op.control_inputs) node.Input.Add("^" + control.name);
        foreach (var (name, value) in op.attrs)
            if (Attr(value) is AttrValue attr) node.Attr[name] = attr;
        if (!node.Attr.ContainsKey("dtype") && op.inputs.Length > 0 && op.outputs.Length > 0)
            node.Attr["T"] = new AttrValue { Type = (DataType)op.inputs[^1].dtype };
        var shapes = new AttrValue.Types.ListValue();
        foreach (var output in op.outputs) shapes.Shape.Add(ShapeProto(output.shape));
        node.Attr["_output_shapes"] = new AttrValue { List = shapes };
        return node;
    }

    static AttrValue? Attr(object? value) => value switch
    {
        bool b => new AttrValue { B = b },
        int i => new AttrValue { I = i },
        long l => new AttrValue { I = l },
        double d => new AttrValue { F = (float)d },
        float f => new AttrValue { F = f },
        string s => new AttrValue { S = ByteString.CopyFromUtf8(s) },
        TF_DataType t => new AttrValue { Type = (DataType)t },
        Shape s => new AttrValue { Shape = ShapeProto(s) },
        long[] list => new AttrValue { List = new AttrValue.Types.ListValue { I = { list } } },
        NDArray array => new AttrValue { Tensor = TensorProtos.FromNDArray(array) },
        _ => null,   // engine-internal attributes (tensor lists, cells) have no GraphDef form
    };

    internal static TensorShapeProto ShapeProto(Shape shape)
    {
        if (!shape.is_known_rank) return new TensorShapeProto { UnknownRank = true };
        var proto = new TensorShapeProto();
        foreach (var d in shape.dims!) proto.Dim.Add(new TensorShapeProto.Types.Dim { Size = d });
        return proto;
    }
}

/// <summary>TensorProto ↔ NDArray.</summary>
internal static class TensorProtos
{
    public static TensorProto FromNDArray(NDArray array)
    {
        var proto = new TensorProto { Dtype = (DataType)array.dtype, TensorShape = TensorBundleWriter.ShapeProto(array.Dims) };
        if (array.dtype == TF_DataType.TF_STRING)
            foreach (var s in TensorBytes.StringsOf(array)) proto.StringVal.Add(ByteString.CopyFrom(s));
        else
            proto.TensorContent = ByteString.CopyFrom(TensorBytes.FromArray(array));
        return proto;
    }

    public static NDArray ToNDArray(TensorProto proto)
    {
        var dtype = (TF_DataType)proto.Dtype;
        var dims = proto.TensorShape?.Dim.Select(d => d.Size).ToArray() ?? Array.Empty<long>();
        long count = dims.Aggregate(1L, (a, b) => a * b);
        if (dtype == TF_DataType.TF_STRING) return new NDArray(proto.StringVal.Select(s => s.ToByteArray()).ToArray(), dims);
        if (!proto.TensorContent.IsEmpty) return TensorBytes.ToArray(proto.TensorContent.Span, dtype, dims);
        Array values = dtype switch
        {
            TF_DataType.TF_FLOAT => Repeat(proto.FloatVal.ToArray(), count),
            TF_DataType.TF_DOUBLE => Repeat(proto.DoubleVal.ToArray(), count),
            TF_DataType.TF_INT32 => Repeat(proto.IntVal.ToArray(), count),
            TF_DataType.TF_INT64 => Repeat(proto.Int64Val.ToArray(), count),
            TF_DataType.TF_BOOL => Repeat(proto.BoolVal.ToArray(), count),
            _ => throw new TypeError($"cannot decode a TensorProto of dtype {dtype.as_numpy_name()}"),
        };
        return new NDArray(values, dims);
    }

    /// <summary>TF fills a shape from fewer typed values by repeating the last one.</summary>
    static T[] Repeat<T>(T[] values, long count) =>
        values.Length == count ? values : Enumerable.Range(0, (int)count).Select(i => values[Math.Min(i, values.Length - 1)]).ToArray();
}
