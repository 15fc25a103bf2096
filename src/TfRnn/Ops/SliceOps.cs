namespace TfRnn;

public static partial class tf
{
    /// <summary>One axis of a NumPy-style slice: an index (shrinks the axis) or start:stop:step.</summary>
    internal readonly record struct SliceSpec(long? Index, long? Start, long? Stop, long Step)
    {
        public static SliceSpec Parse(object item)
        {
            switch (item)
            {
                case int i: return new SliceSpec(i, null, null, 1);
                case long l: return new SliceSpec(l, null, null, 1);
                case string s:
                    var parts = s.Split(':');
                    if (parts.Length == 1) return new SliceSpec(long.Parse(s), null, null, 1);
                    if (parts.Length > 3) throw new ValueError($"bad slice '{s}'");
                    long? Part(int k) => k < parts.Length && parts[k].Trim().Length > 0 ? long.Parse(parts[k]) : null;
                    long step = Part(2) ?? 1;
                    if (step <= 0) throw new ValueError($"slice step must be positive, got '{s}'");
                    return new SliceSpec(null, Part(0), Part(1), step);
                default:
                    throw new TypeError($"Only integers and slice strings (\":\", \"1:3\", \"::2\") are valid indices, got {item}");
            }
        }

        /// <summary>The static length of this axis after slicing; -1 when unknown; null when the axis is dropped.</summary>
        public long? Length(long dim, string opName)
        {
            if (Index is long i)
            {
                if (dim >= 0 && (i >= dim || i < -dim))
                    throw new ValueError($"slice index {i} of dimension 0 out of bounds. for '{opName}' (op: 'StridedSlice')");
                return null;
            }
            if (dim < 0) return -1;
            long start = Clamp(Start ?? 0, dim), stop = Clamp(Stop ?? dim, dim);
            return stop <= start ? 0 : (stop - start + Step - 1) / Step;
        }

        static long Clamp(long v, long dim) => Math.Clamp(v < 0 ? v + dim : v, 0, dim);
    }

    /// <summary>tf.strided_slice as NumPy indexing: see <see cref="Tensor.this[object[]]"/>.</summary>
    public static Tensor strided_slice(Tensor input, object[] slices, string? name = null)
    {
        var specs = slices.Select(SliceSpec.Parse).ToArray();
        string opName = ShapeInference.PredictName(input.graph, name, "strided_slice");
        if (input.shape.is_known_rank && specs.Length > input.ndim)
            throw new ValueError($"Index out of range using input dim {input.ndim}; input has only {input.ndim} dims for '{opName}' (op: 'StridedSlice')");
        Shape shape = Shape.unknown();
        if (input.shape.is_known_rank)
        {
            var dims = new List<long>();
            for (int d = 0; d < input.ndim; d++)
            {
                if (d >= specs.Length) { dims.Add(input.shape[d]); continue; }
                if (specs[d].Length(input.shape[d], opName) is long length) dims.Add(length);
            }
            shape = new Shape(dims.ToArray());
        }
        return OpBuilder.Single("StridedSlice", name ?? "strided_slice", new[] { input }, input.dtype, shape, IndexingKernels.StridedSlice(specs));
    }
}
