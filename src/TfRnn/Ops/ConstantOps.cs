namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.constant(value, dtype, shape, name): a tensor holding <paramref name="value"/>; a scalar fills <paramref name="shape"/>.</summary>
    public static Tensor constant(TensorLike value, TF_DataType dtype = TF_DataType.DtInvalid, Shape? shape = null, string name = "Const") =>
        ConstantOf(value.Value, dtype, shape, name);

    /// <summary>tf.constant of a value already held as an object (a C# scalar, array, NDArray or list).</summary>
    internal static Tensor ConstantOf(object value, TF_DataType dtype = TF_DataType.DtInvalid, Shape? shape = null, string name = "Const")
    {
        var array = ToHostArray(value, dtype);
        if (shape != null)
        {
            var dims = shape.as_list();
            long count = dims.Aggregate(1L, (a, b) => a * b);
            if (array.size == 1 && count != 1) array = np.full(dims, array).astype(array.dtype);
            else if (array.size == count) array = array.reshape(dims);
            else throw new TypeError($"Expected Tensor's shape: {shape}, got {array.shape}.");
        }
        var graph = get_default_graph();
        var attrs = new Dictionary<string, object?> { ["value"] = array, ["dtype"] = array.dtype };
        if (array.dtype == TF_DataType.TF_STRING)
            return graph.CreateOp("Const", name, Array.Empty<Tensor>(), new[] { new OutputSpec(array.dtype, array.shape) },
                ctx => ConstantKernels.HostConst(ctx, array), attrs).outputs[0];
        return graph.CreateOp("Const", name, Array.Empty<Tensor>(), new[] { new OutputSpec(array.dtype, array.shape) },
            ctx => ConstantKernels.Const(ctx, array), attrs).outputs[0];
    }

    /// <summary>A host copy of a constant's value: C# floating numbers become float32 unless an NDArray says otherwise.</summary>
    static NDArray ToHostArray(object value, TF_DataType dtype)
    {
        if (value is Tensor or TfRnn.Variable)
            throw new TypeError($"tf.constant expects a value, not a symbolic tensor ({value})");
        var array = NDArray.FromObject(value);
        if (dtype == TF_DataType.DtInvalid)
            return value is not NDArray && array.dtype == TF_DataType.TF_DOUBLE ? array.astype(TF_DataType.TF_FLOAT) : array;
        if (array.dtype == dtype) return array;
        bool allowed = dtype.is_floating() && (array.dtype.is_floating() || array.dtype.is_integer())
                       || dtype.is_integer() && array.dtype.is_integer()
                       || dtype.is_integer() && array.dtype.is_floating() && array.ToArray<double>().All(v => v == Math.Floor(v))
                       || dtype == array.dtype;
        if (!allowed)
            throw new TypeError($"Expected {dtype.as_numpy_name()}, got {value} of type '{array.dtype.as_numpy_name()}' instead.");
        return array.astype(dtype);
    }

    /// <summary>tf.placeholder(dtype, shape, name): a tensor whose value must be fed.</summary>
    public static Tensor placeholder(TF_DataType dtype, Shape? shape = null, string? name = null) =>
        get_default_graph().CreateOp("Placeholder", name, Array.Empty<Tensor>(),
            new[] { new OutputSpec(dtype, shape ?? Shape.unknown()) }, null,
            new Dictionary<string, object?> { ["dtype"] = dtype, ["shape"] = shape ?? Shape.unknown() }).outputs[0];

    /// <summary>tf.placeholder("float", shape, name): the dtype given by its TF1 name (see <see cref="as_dtype"/>).</summary>
    public static Tensor placeholder(string dtype, Shape? shape = null, string? name = null) => placeholder(as_dtype(dtype), shape, name);

    /// <summary>tf.placeholder_with_default(input, shape, name): <paramref name="input"/> unless fed.</summary>
    public static Tensor placeholder_with_default(TensorLike input, Shape shape, string? name = null)
    {
        var value = OpBuilder.ToTensor(input);
        if (!value.shape.is_compatible_with(shape))
            throw new ValueError($"Shapes {value.shape} and {shape} are incompatible");
        return OpBuilder.Single("PlaceholderWithDefault", name, new[] { value }, value.dtype, shape, ArrayKernels.Identity,
            new Dictionary<string, object?> { ["dtype"] = value.dtype, ["shape"] = shape });
    }

    /// <summary>tf.fill(dims, value): a tensor of shape <paramref name="dims"/> filled with <paramref name="value"/>.</summary>
    public static Tensor fill(TensorLike dims, TensorLike value, string? name = null)
    {
        var dimsTensor = OpBuilder.ToTensor(dims, int32);
        var valueTensor = OpBuilder.ToTensor(value);
        return OpBuilder.Single("Fill", name, new[] { dimsTensor, valueTensor }, valueTensor.dtype, StaticShapeFromValue(dimsTensor),
            ConstantKernels.Fill);
    }

    /// <summary>tf.zeros(shape, dtype, name).</summary>
    public static Tensor zeros(Shape shape, TF_DataType dtype = float32, string name = "zeros") => Filled(shape, dtype, 0, name);

    /// <summary>tf.ones(shape, dtype, name).</summary>
    public static Tensor ones(Shape shape, TF_DataType dtype = float32, string name = "ones") => Filled(shape, dtype, 1, name);

    /// <summary>tf.zeros(shape, dtype) where the shape is itself a tensor (e.g. built with tf.stack).</summary>
    public static Tensor zeros(Tensor shape, TF_DataType dtype = float32, string name = "zeros") =>
        fill(shape, constant(0, dtype), name);

    static Tensor Filled(Shape shape, TF_DataType dtype, double value, string name)
    {
        var dims = shape.as_list();
        return OpBuilder.Single("Fill", name, Array.Empty<Tensor>(), dtype, shape,
            ctx => ConstantKernels.Filled(ctx, dims, value, dtype),
            new Dictionary<string, object?> { ["dtype"] = dtype, ["value"] = value });
    }

    /// <summary>tf.zeros_like(tensor, dtype, name).</summary>
    public static Tensor zeros_like(TensorLike tensor, TF_DataType dtype = TF_DataType.DtInvalid, string? name = null) =>
        FilledLike(tensor, dtype, 0, name ?? "zeros_like", "ZerosLike");

    /// <summary>tf.ones_like(tensor, dtype, name).</summary>
    public static Tensor ones_like(TensorLike tensor, TF_DataType dtype = TF_DataType.DtInvalid, string? name = null) =>
        FilledLike(tensor, dtype, 1, name ?? "ones_like", "OnesLike");

    static Tensor FilledLike(object tensor, TF_DataType dtype, double value, string name, string type)
    {
        var input = OpBuilder.ToTensor(tensor);
        var outType = dtype == TF_DataType.DtInvalid ? input.dtype : dtype;
        return OpBuilder.Single(type, name, new[] { input }, outType, input.shape,
            ctx => ConstantKernels.FilledLike(ctx, value, outType));
    }

    /// <summary>tf.range(start, limit, delta, dtype): like Python's range; one argument means limit.</summary>
    public static Tensor range(TensorLike start, TensorLike? limit = null, TensorLike? delta = null, TF_DataType dtype = TF_DataType.DtInvalid, string name = "range")
    {
        if (TensorLike.ValueOrNone(limit) == null) (start, limit) = (0, start);
        var s = OpBuilder.ToTensor(start, dtype);
        var l = OpBuilder.ToTensor(TensorLike.ValueOrNone(limit)!, s.dtype);
        var d = OpBuilder.ToTensor(TensorLike.ValueOrNone(delta) ?? 1, s.dtype);
        long length = -1;
        if (s.op.type == "Const" && l.op.type == "Const" && d.op.type == "Const")
        {
            double a = ((NDArray)s.op.attrs["value"]!).item<double>(), b = ((NDArray)l.op.attrs["value"]!).item<double>(),
                   c = ((NDArray)d.op.attrs["value"]!).item<double>();
            length = Math.Max(0, (long)Math.Ceiling((b - a) / c));
        }
        return OpBuilder.Single("Range", name, new[] { s, l, d }, s.dtype, new Shape(length), ctx => ConstantKernels.Range(ctx, s.dtype));
    }

    /// <summary>The static shape described by a shape-valued tensor, known when it is a constant.</summary>
    internal static Shape StaticShapeFromValue(Tensor shapeTensor)
    {
        if (shapeTensor.op.type == "Const") return new Shape(((NDArray)shapeTensor.op.attrs["value"]!).ToArray<long>());
        if (shapeTensor.op.type == "Pack")
            return new Shape(shapeTensor.op.inputs.Select(i => i.op.type == "Const" ? ((NDArray)i.op.attrs["value"]!).item<long>() : -1L).ToArray());
        return shapeTensor.shape.is_fully_defined ? Shape.unknown((int)shapeTensor.shape[0]) : Shape.unknown();
    }
}
