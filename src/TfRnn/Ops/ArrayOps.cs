namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.identity(input).</summary>
    public static Tensor identity(TensorLike input, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        return OpBuilder.Single("Identity", name, new[] { x }, x.dtype, x.shape, ArrayKernels.Identity);
    }

    /// <summary>tf.reshape(tensor, shape): shape may hold one -1, or be a shape-valued tensor.</summary>
    public static Tensor reshape(TensorLike tensor, TensorLike shape, string? name = null)
    {
        var x = OpBuilder.ToTensor(tensor);
        var shapeTensor = shape.Value is Shape s ? constant(s.as_list().Select(d => (int)d).ToArray(), int32, name: "shape") : OpBuilder.ToTensor(shape, int32, "shape");
        var target = StaticShapeFromValue(shapeTensor);
        if (target.is_known_rank && x.shape.is_fully_defined)
        {
            var dims = target.as_list();
            long known = dims.Where(d => d >= 0).Aggregate(1L, (a, b) => a * b);
            int unknown = dims.Count(d => d < 0);
            if (unknown == 0 && known != x.shape.size || unknown == 1 && (known == 0 || x.shape.size % known != 0))
            {
                string opName = ShapeInference.PredictName(x.graph, name, "Reshape");
                throw ShapeInference.Incompatible($"Cannot reshape a tensor with {x.shape.size} elements to shape {target.ToShapeFunctionString()} ({known} elements)",
                    opName, "Reshape", x.shape, shapeTensor.shape);
            }
            if (unknown == 1) target = new Shape(dims.Select(d => d < 0 ? x.shape.size / known : d).ToArray());
        }
        return OpBuilder.Single("Reshape", name, new[] { x, shapeTensor }, x.dtype, target, ArrayKernels.Reshape);
    }

    /// <summary>tf.transpose(a, perm): permutes dimensions (reverses them by default).</summary>
    public static Tensor transpose(TensorLike a, int[]? perm = null, string name = "transpose")
    {
        var x = OpBuilder.ToTensor(a);
        if (perm == null && !x.shape.is_known_rank)
            return OpBuilder.Single("Transpose", name, new[] { x }, x.dtype, Shape.unknown(), ctx => ArrayKernels.Transpose(ctx, null));
        var order = (perm ?? Enumerable.Range(0, x.ndim).Reverse().ToArray()).Select(p => (long)p).ToArray();
        var shape = x.shape.is_known_rank ? new Shape(order.Select(p => x.shape[(int)p]).ToArray()) : Shape.unknown(order.Length);
        return OpBuilder.Single("Transpose", name, new[] { x }, x.dtype, shape, ctx => ArrayKernels.Transpose(ctx, order),
            new Dictionary<string, object?> { ["perm"] = new EngineAttr<long[]>(order) });
    }

    /// <summary>tf.split(value, num_or_size_splits, axis): equal pieces (an int) or pieces of the given sizes.</summary>
    public static Tensor[] split(TensorLike value, TensorLike num_or_size_splits, int axis = 0, string name = "split")
    {
        var x = OpBuilder.ToTensor(value);
        long a = OpBuilder.NormalizeAxis(axis, x.ndim, name);
        long total = x.shape[(int)a];
        long[] sizes = num_or_size_splits.Value switch
        {
            int n when total >= 0 && total % n != 0 =>
                throw new ValueError($"Dimension size must be evenly divisible by {n} but is {total} for '{name}' (op: 'Split').") ,
            int n => Enumerable.Repeat(total >= 0 ? total / n : -1, n).ToArray(),
            int[] list => list.Select(s => (long)s).ToArray(),
            long[] list => list,
            object[] list when list.All(s => s is int or long) => list.Select(Convert.ToInt64).ToArray(),
            _ => throw new TypeError("num_or_size_splits must be an int or a list of ints"),
        };
        if (total >= 0 && sizes.All(s => s >= 0) && sizes.Sum() != total)
            throw new ValueError($"Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified. Got: {sizes.Sum()} vs. {total}");
        var outputs = sizes.Select(size =>
        {
            var dims = x.shape.is_known_rank ? x.shape.as_list() : null;
            if (dims != null) dims[a] = size;
            return new OutputSpec(x.dtype, dims != null ? new Shape(dims) : Shape.unknown());
        }).ToArray();
        int count = sizes.Length;
        return x.graph.CreateOp(num_or_size_splits.Value is int ? "Split" : "SplitV", name, new[] { x }, outputs,
            ctx => ArrayKernels.Split(ctx, sizes, count, a), new Dictionary<string, object?> { ["num_split"] = count, ["axis"] = a }).outputs;
    }

    /// <summary>tf.squeeze(input, axis): removes size-1 dimensions (all, or those in <paramref name="axis"/>).</summary>
    public static Tensor squeeze(TensorLike input, int[]? axis = null, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        Shape shape = Shape.unknown();
        var axes = axis?.Select(a => a < 0 ? a + x.ndim : a).ToHashSet();
        if (x.shape.is_known_rank)
        {
            var dims = new List<long>();
            for (int i = 0; i < x.ndim; i++)
            {
                long d = x.shape[i];
                bool selected = axes == null ? d == 1 : axes.Contains(i);
                if (selected && axes != null && d != 1 && d >= 0)
                    throw ShapeInference.Incompatible($"Can not squeeze dim[{i}], expected a dimension of 1, got {d}",
                        ShapeInference.PredictName(x.graph, name, "Squeeze"), "Squeeze", x.shape);
                if (!selected) dims.Add(d);
            }
            shape = new Shape(dims.ToArray());
        }
        var attrs = new Dictionary<string, object?> { ["squeeze_dims"] = (axis ?? []).Select(a => (long)a).ToArray() };   // as given, like TF's
        return OpBuilder.Single("Squeeze", name, new[] { x }, x.dtype, shape, ctx => ArrayKernels.Squeeze(ctx, axes), attrs);
    }

    /// <summary>tf.expand_dims(input, axis): inserts a size-1 dimension at <paramref name="axis"/>.</summary>
    public static Tensor expand_dims(TensorLike input, int axis, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        int a = axis < 0 && x.shape.is_known_rank ? axis + x.ndim + 1 : axis;
        var shape = x.shape.is_known_rank ? new Shape(x.shape.as_list().Take(a).Append(1).Concat(x.shape.as_list().Skip(a)).ToArray()) : Shape.unknown();
        return OpBuilder.Single("ExpandDims", name, new[] { x }, x.dtype, shape, ctx => ArrayKernels.ExpandDims(ctx, a));
    }

    /// <summary>
    /// tf.concat(values, axis): joins tensors along an existing dimension. values is a list of tensors or arrays
    /// (<c>tf.concat([a, b], 1)</c>) or a single tensor (TF's degenerate case, an identity).
    /// </summary>
    public static Tensor concat(TensorLike values, int axis, string name = "concat") => concat(OpBuilder.ToTensors(values), axis, name);

    /// <summary>tf.concat(values, axis) of a sequence of tensors (a List or a LINQ query).</summary>
    public static Tensor concat(IEnumerable<Tensor> values, int axis, string name = "concat") => concat(values.ToArray(), axis, name);

    /// <summary>tf.concat(values, axis) of an array of tensors.</summary>
    public static Tensor concat(Tensor[] values, int axis, string name = "concat")
    {
        var inputs = values;
        if (inputs.Length == 0) throw new ValueError("List argument 'values' to 'ConcatV2' Op with length 0 shorter than minimum length 2.");
        var first = inputs[0];
        if (inputs.Length == 1) return identity(first, name);
        foreach (var t in inputs.Skip(1))
            if (t.dtype != first.dtype)
                throw new TypeError($"Tensors in list passed to 'values' of 'ConcatV2' Op have types [{string.Join(", ", inputs.Select(i => i.dtype.as_numpy_name()))}] that don't all match.");
        Shape shape = Shape.unknown();
        int rank = inputs.Select(i => i.ndim).FirstOrDefault(r => r >= 0, -1);
        long a = -1;
        if (rank >= 0)
        {
            a = OpBuilder.NormalizeAxis(axis, rank, name);
            var dims = new long[rank];
            for (int d = 0; d < rank; d++)
            {
                if (d == a) { dims[d] = inputs.All(i => i.shape[d] >= 0) ? inputs.Sum(i => i.shape[d]) : -1; continue; }
                dims[d] = -1;
                foreach (var t in inputs.Where(i => i.shape.is_known_rank))
                {
                    if (t.ndim != rank)
                        throw new ValueError($"Shape must be rank {rank} but is rank {t.ndim} for '{name}' (op: 'ConcatV2')");
                    if (dims[d] >= 0 && t.shape[d] >= 0 && t.shape[d] != dims[d])
                        throw new ValueError($"Dimension {d} in both shapes must be equal, but are {dims[d]} and {t.shape[d]}. Shapes are {first.shape.ToShapeFunctionString()} and {t.shape.ToShapeFunctionString()}. for '{ShapeInference.PredictName(first.graph, name, "ConcatV2")}' (op: 'ConcatV2')");
                    if (dims[d] < 0) dims[d] = t.shape[d];
                }
            }
            shape = new Shape(dims);
        }
        return TimeSlices.Concat(inputs, rank == 2 ? a : -1, name,
            () => OpBuilder.Single("ConcatV2", name, inputs, first.dtype, shape, ctx => ArrayKernels.Concat(ctx, axis)));
    }

    /// <summary>tf.stack(values, axis): joins tensors along a new dimension (TF's Pack); values is a list of tensors or arrays, e.g. <c>tf.stack([a, b])</c>.</summary>
    public static Tensor stack(TensorLike values, int axis = 0, string name = "stack") => stack(OpBuilder.ToTensors(values), axis, name);

    /// <summary>tf.stack(values, axis) of a sequence of tensors (a List or a LINQ query).</summary>
    public static Tensor stack(IEnumerable<Tensor> values, int axis = 0, string name = "stack") => stack(values.ToArray(), axis, name);

    /// <summary>tf.stack(values, axis) of an array of tensors.</summary>
    public static Tensor stack(Tensor[] values, int axis = 0, string name = "stack")
    {
        var inputs = values;
        var first = inputs[0];
        foreach (var t in inputs.Skip(1))
            if (!t.shape.is_compatible_with(first.shape))
                throw new ValueError($"Shapes must be equal rank, but are {first.shape.ndim} and {t.shape.ndim}; From merging shape 0 with other shapes. for '{name}' (op: 'Pack') with input shapes: {string.Join(", ", inputs.Select(i => i.shape.ToShapeFunctionString()))}.");
        var merged = inputs.Aggregate(Shape.unknown(), (s, t) => s.merge_with(t.shape));
        int rank = merged.ndim;
        int a = axis < 0 && rank >= 0 ? axis + rank + 1 : axis;
        var shape = merged.is_known_rank ? new Shape(merged.as_list().Take(a).Append(inputs.Length).Concat(merged.as_list().Skip(a)).ToArray()) : Shape.unknown();
        return OpBuilder.Single("Pack", name, inputs, first.dtype, shape, ctx => ArrayKernels.Stack(ctx, a));
    }

    /// <summary>tf.unstack(value, num, axis): splits along <paramref name="axis"/> into tensors of one rank less (TF's Unpack).</summary>
    public static Tensor[] unstack(TensorLike value, int? num = null, int axis = 0, string name = "unstack")
    {
        var x = OpBuilder.ToTensor(value);
        long a = OpBuilder.NormalizeAxis(axis, x.ndim, name);
        int count = num ?? (x.shape[(int)a] >= 0 ? (int)x.shape[(int)a] : throw new ValueError($"Cannot infer num from shape {x.shape}"));
        var rest = x.shape.is_known_rank ? new Shape(x.shape.as_list().Where((_, i) => i != a).ToArray()) : Shape.unknown();
        var outputs = Enumerable.Repeat(new OutputSpec(x.dtype, rest), count).ToArray();
        return x.graph.CreateOp("Unpack", name, new[] { x }, outputs, ctx => ArrayKernels.Unstack(ctx, a, count), new Dictionary<string, object?> { ["num"] = count, ["axis"] = a }).outputs;
    }

    /// <summary>tf.tile(input, multiples): repeats the tensor <paramref name="multiples"/>[i] times along each axis.</summary>
    public static Tensor tile(TensorLike input, int[] multiples, string? name = null)
    {
        var x = OpBuilder.ToTensor(input);
        var shape = x.shape.is_known_rank ? new Shape(x.shape.as_list().Select((d, i) => d < 0 ? -1 : d * multiples[i]).ToArray()) : Shape.unknown(multiples.Length);
        var reps = multiples.Select(m => (long)m).ToArray();
        return OpBuilder.Single("Tile", name, new[] { x }, x.dtype, shape, ctx => ArrayKernels.Tile(ctx, reps));
    }

    /// <summary>tf.reverse(tensor, axis): reverses the listed dimensions.</summary>
    public static Tensor reverse(TensorLike tensor, int[] axis, string? name = null)
    {
        var x = OpBuilder.ToTensor(tensor);
        var dims = axis.Select(a => (long)a).ToArray();
        return OpBuilder.Single("ReverseV2", name, new[] { x }, x.dtype, x.shape, ctx => ArrayKernels.Reverse(ctx, dims));
    }
}
