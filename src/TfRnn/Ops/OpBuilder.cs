namespace TfRnn;

/// <summary>Shared plumbing of op constructors: graph choice, single-output ops and value conversion.</summary>
internal static class OpBuilder
{
    /// <summary>The graph of the inputs (TF builds ops in their graph), else the default graph.</summary>
    public static Graph GraphOf(params Tensor[] inputs) => inputs.Length > 0 ? inputs[0].graph : DefaultGraphStack.Current;

    public static Tensor Single(string type, string? name, Tensor[] inputs, TF_DataType dtype, Shape shape, Kernel kernel,
        IReadOnlyDictionary<string, object?>? attrs = null, int referenceInputs = 0) =>
        GraphOf(inputs).CreateOp(type, name, inputs, new[] { new OutputSpec(dtype, shape) }, kernel, attrs, referenceInputs).outputs[0];

    /// <summary>
    /// TF's convert_to_tensor: tensors pass through (dtype checked), variables give their value, anything
    /// else becomes a constant of <paramref name="dtype"/> (C# floating values become float32, as Python floats do).
    /// </summary>
    public static Tensor ToTensor(object value, TF_DataType dtype = TF_DataType.DtInvalid, string name = "Const")
    {
        switch (value)
        {
            case Tensor t:
                if (dtype != TF_DataType.DtInvalid && t.dtype != dtype)
                    throw new ValueError($"Tensor conversion requested dtype {dtype.as_numpy_name()} for Tensor with dtype {t.dtype.as_numpy_name()}: {t}");
                return t;
            case Variable v:
                return ToTensor(v.value(), dtype, name);
            case TensorLike like:
                return ToTensor(like.Value, dtype, name);
            case object[] items when items.Any(i => i is Tensor or Variable or TensorLike or Nest<Tensor>):
                // TF's auto-packing: a list holding tensors becomes their stack.
                return tf.stack(items.Select(i => ToTensor(i, dtype, name)).ToArray(), name: "packed");
            case Nest<Tensor> { IsLeaf: true } nest:
                return ToTensor(nest.Leaf, dtype, name);
            case Shape shape:
                // TF converts a fully known TensorShape to an int32 vector of its dims.
                if (!shape.is_fully_defined) throw new ValueError($"Cannot convert a partially known TensorShape {shape} to a Tensor.");
                return tf.constant(shape.as_list(), dtype == TF_DataType.DtInvalid ? TF_DataType.TF_INT32 : dtype, name: name);
            default:
                return tf.ConstantOf(value, dtype, name: name);
        }
    }

    /// <summary>A list argument (an array, a collection expression, or one value) as tensors, each converted.</summary>
    public static Tensor[] ToTensors(TensorLike values) => values.Select(v => ToTensor(v)).ToArray();

    /// <summary>Converts both operands of a binary op, giving a C# number the other operand's dtype.</summary>
    public static (Tensor x, Tensor y) ToTensorPair(object x, object y, string opType)
    {
        if (x is TensorLike xl) x = xl.Value;
        if (y is TensorLike yl) y = yl.Value;
        Tensor? tx = x as Tensor ?? (x as Variable)?.value();
        Tensor? ty = y as Tensor ?? (y as Variable)?.value();
        if (tx == null && ty != null) tx = ToTensor(x, ty.dtype, "x");
        if (ty == null && tx != null) ty = ToTensor(y, tx.dtype, "y");
        tx ??= ToTensor(x, name: "x");
        ty ??= ToTensor(y, tx.dtype, "y");
        if (tx.dtype != ty.dtype)
            throw new TypeError($"Input 'y' of '{opType}' Op has type {ty.dtype.as_numpy_name()} that does not match type {tx.dtype.as_numpy_name()} of argument 'x'.");
        return (tx, ty);
    }

    public static long NormalizeAxis(long axis, int rank, string opName)
    {
        long a = axis < 0 ? axis + rank : axis;
        if (rank >= 0 && (a < 0 || a >= rank))
            throw new ValueError($"axis {axis} is out of bounds for a tensor of rank {rank} (op '{opName}')");
        return a;
    }
}
