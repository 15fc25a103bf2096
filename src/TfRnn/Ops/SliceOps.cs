namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.newaxis: as a slice item, a new axis of length 1 (<c>x[tf.newaxis, ..]</c>).</summary>
    public static SliceItem newaxis => SliceItem.NewAxis;

    internal enum SliceKind { Index, Slice, NewAxis, Ellipsis, TensorIndex }

    /// <summary>
    /// One item of a NumPy-style slice: an index (shrinks the axis), start:stop:step, a new axis, an ellipsis, or
    /// an index read from op input <see cref="Index"/> (a tensor index).
    /// </summary>
    internal readonly record struct SliceSpec(SliceKind Kind, long Index = 0, long? Start = null, long? Stop = null, long Step = 1)
    {
        static readonly SliceSpec All = new(SliceKind.Slice);

        public static SliceSpec At(long index) => new(SliceKind.Index, index);

        /// <summary>Whether the item reads an axis of the input (an ellipsis is expanded first).</summary>
        public bool ConsumesAxis => Kind is SliceKind.Index or SliceKind.Slice or SliceKind.TensorIndex;

        public static SliceSpec Parse(string s)
        {
            if (s.Trim() == "...") return new SliceSpec(SliceKind.Ellipsis);
            var parts = s.Split(':');
            if (parts.Length == 1) return At(long.Parse(s));
            if (parts.Length > 3) throw new ValueError($"bad slice '{s}'");
            long? Part(int k) => k < parts.Length && parts[k].Trim().Length > 0 ? long.Parse(parts[k]) : null;
            long step = Part(2) ?? 1;
            if (step <= 0) throw new ValueError($"slice step must be positive, got '{s}'");
            return new SliceSpec(SliceKind.Slice, Start: Part(0), Stop: Part(1), Step: step);
        }

        /// <summary>The items with the ellipsis replaced by full slices of the axes the others leave (at most one ellipsis).</summary>
        public static SliceSpec[] Expand(SliceSpec[] specs, int rank)
        {
            int at = Array.FindIndex(specs, s => s.Kind == SliceKind.Ellipsis);
            if (at < 0) return specs;
            int span = Math.Max(0, rank - specs.Count(s => s.ConsumesAxis));
            return [.. specs[..at], .. Enumerable.Repeat(All, span), .. specs[(at + 1)..]];
        }

        /// <summary>The static length of this axis after slicing; -1 when unknown; null when the axis is dropped.</summary>
        public long? Length(long dim, int axis, string opName)
        {
            if (Kind == SliceKind.TensorIndex) return null;
            if (Kind == SliceKind.Index)
            {
                if (dim >= 0 && (Index >= dim || Index < -dim))
                    throw new ValueError($"slice index {Index} of dimension {axis} out of bounds. for '{opName}' (op: 'StridedSlice')");
                return null;
            }
            if (dim < 0) return -1;
            long start = Clamp(Start ?? 0, dim), stop = Clamp(Stop ?? dim, dim);
            return stop <= start ? 0 : (stop - start + Step - 1) / Step;
        }

        static long Clamp(long v, long dim) => Math.Clamp(v < 0 ? v + dim : v, 0, dim);
    }

    /// <summary>tf.strided_slice as NumPy indexing: see <see cref="Tensor.this[SliceItem[]]"/>.</summary>
    public static Tensor strided_slice(Tensor input, SliceItem[] slices, string? name = null)
    {
        var inputs = new List<Tensor> { input };
        var specs = slices.Select(item => item.IndexTensor is { } index
            ? item.Spec with { Index = AddInput(inputs, index) } : item.Spec).ToArray();
        if (specs.Count(s => s.Kind == SliceKind.Ellipsis) > 1) throw new ValueError("Multiple ellipses in slice spec not allowed");
        string opName = ShapeInference.PredictName(input.graph, name, "strided_slice");
        int consumed = specs.Count(s => s.ConsumesAxis);
        if (input.shape.is_known_rank && consumed > input.ndim)
            throw new ValueError($"Index out of range using input dim {input.ndim}; input has only {input.ndim} dims for '{opName}' (op: 'StridedSlice')");
        Shape shape = Shape.unknown();
        if (input.shape.is_known_rank)
        {
            var dims = new List<long>();
            int axis = 0;
            foreach (var spec in SliceSpec.Expand(specs, input.ndim))
            {
                if (spec.Kind == SliceKind.NewAxis) dims.Add(1);
                else if (spec.Length(input.shape[axis], axis++, opName) is long length) dims.Add(length);
            }
            for (; axis < input.ndim; axis++) dims.Add(input.shape[axis]);
            shape = new Shape(dims.ToArray());
        }
        return OpBuilder.Single("StridedSlice", name ?? "strided_slice", inputs.ToArray(), input.dtype, shape, IndexingKernels.StridedSlice(specs));
    }

    static int AddInput(List<Tensor> inputs, Tensor input)
    {
        inputs.Add(input);
        return inputs.Count - 1;
    }
}
