namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.clip_by_value(t, clip_value_min, clip_value_max): elementwise clamp (NaN stays NaN).</summary>
    public static Tensor clip_by_value(TensorLike t, TensorLike clip_value_min, TensorLike clip_value_max, string name = "clip_by_value")
    {
        using var scope = name_scope(name);
        var x = OpBuilder.ToTensor(t);
        return maximum(minimum(x, OpBuilder.ToTensor(clip_value_max, x.dtype, "clip_value_max"), "Minimum"),
            OpBuilder.ToTensor(clip_value_min, x.dtype, "clip_value_min"), scope.scope_name);
    }

    /// <summary>
    /// tf.clip_by_norm(t, clip_norm, axes): t·clip_norm / max(‖t‖₂, clip_norm), the norm taken over
    /// <paramref name="axes"/> (all when null); finite gradient at t = 0.
    /// </summary>
    public static Tensor clip_by_norm(TensorLike t, TensorLike clip_norm, int[]? axes = null, string name = "clip_by_norm")
    {
        using var scope = name_scope(name);
        var values = OpBuilder.ToTensor(t, name: "t");
        var clip = OpBuilder.ToTensor(clip_norm, values.dtype, "clip_norm");
        var l2sum = reduce_sum(values * values, axes is null ? null : (TensorLike?)axes, keepdims: true);
        var positive = greater(l2sum, 0.0);
        // Two-tap where: sqrt is never evaluated at 0, so the gradient there is finite (TF's trick).
        var l2sumSafe = where(positive, l2sum, ones_like(l2sum));
        var l2norm = where(positive, sqrt(l2sumSafe), l2sum);
        var intermediate = values * clip;
        return identity(intermediate / maximum(l2norm, clip), scope.scope_name);
    }

    /// <summary>tf.clip_by_average_norm(t, clip_norm): clip_by_norm with the norm divided by the element count.</summary>
    public static Tensor clip_by_average_norm(TensorLike t, TensorLike clip_norm, string name = "clip_by_average_norm")
    {
        using var scope = name_scope(name);
        var values = OpBuilder.ToTensor(t, name: "t");
        var count = cast(size(values), values.dtype);
        var inverseNorm = rsqrt(reduce_sum(values * values));
        var clip = OpBuilder.ToTensor(clip_norm, values.dtype, "clip_norm");
        return identity(values * clip * minimum(inverseNorm * count, 1.0 / clip), scope.scope_name);
    }

    /// <inheritdoc cref="global_norm(IEnumerable{Gradient}, string)"/>
    public static Tensor global_norm(IEnumerable<Tensor?> t_list, string name = "global_norm") =>
        global_norm(t_list.Select(t => (Gradient)t), name);

    /// <summary>tf.global_norm(t_list): √(Σ ‖t‖₂²) over the tensors (IndexedSlices count their values; nulls are skipped).</summary>
    public static Tensor global_norm(IEnumerable<Gradient> t_list, string name = "global_norm")
    {
        var tensors = t_list.Where(t => !t.IsNone).Select(t => t.IndexedSlices?.values ?? t.Tensor!).ToArray();
        if (tensors.Length == 0) throw new ValueError("t_list must contain at least one tensor");
        using var scope = name_scope(name);
        var halfSquares = tensors.Select(t => reduce_sum(t * t) * 0.5).ToArray();   // TF sums l2_loss terms
        return sqrt(add_n(halfSquares) * 2.0, scope.scope_name);
    }

    /// <inheritdoc cref="clip_by_global_norm(IEnumerable{Gradient}, TensorLike, Tensor?, string)"/>
    public static (Tensor?[] list_clipped, Tensor global_norm) clip_by_global_norm(IEnumerable<Tensor?> t_list, TensorLike clip_norm,
        Tensor? use_norm = null, string name = "clip_by_global_norm")
    {
        var (clipped, norm) = clip_by_global_norm(t_list.Select(t => (Gradient)t), clip_norm, use_norm, name);
        return (clipped.Select(g => g.Tensor).ToArray(), norm);
    }

    /// <summary>
    /// tf.clip_by_global_norm(t_list, clip_norm, use_norm): scales every tensor by clip_norm / max(global_norm,
    /// clip_norm); returns the clipped list (nulls stay null, IndexedSlices stay IndexedSlices) and the
    /// pre-clip global norm. An infinite or NaN norm makes every output NaN, as in TF.
    /// </summary>
    public static (Gradient[] list_clipped, Tensor global_norm) clip_by_global_norm(IEnumerable<Gradient> t_list, TensorLike clip_norm,
        Tensor? use_norm = null, string name = "clip_by_global_norm")
    {
        var items = t_list.ToArray();
        var norm = use_norm ?? global_norm(items);
        using var scope = name_scope(name);
        var clip = OpBuilder.ToTensor(clip_norm, norm.dtype, "clip_norm");
        var scaleForFinite = clip * minimum(1.0 / norm, constant(1.0, norm.dtype) / clip);
        var scale = scaleForFinite + (norm - norm);   // NaN unless the norm is finite
        var clipped = items.Select((item, i) => item.IndexedSlices is { } s
            ? new IndexedSlices(identity(s.values * cast(scale, s.dtype), $"{name}_{i}"), s.indices, s.dense_shape)
            : (Gradient)(item.Tensor is { } t ? identity(t * cast(scale, t.dtype), $"{name}_{i}") : null)).ToArray();
        return (clipped, norm);
    }
}
