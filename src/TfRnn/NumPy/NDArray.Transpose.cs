namespace TfRnn;

// NumPy's `a.T` is a view. Here a 2-D array with a dimension of 1 (a column or row vector) has the same
// row-major order transposed, so `h.T` is a true view sharing `h`'s memory, as in NumPy; a general matrix's
// transpose is deferred (see NDArray.Deferred.cs): `np.dot(W.T, v)` reads W in its own order and no copy is
// made; any other use copies the transposed values then.
public sealed partial class NDArray
{
    /// <summary>The transpose (axes reversed), numpy's <c>a.T</c>.</summary>
    public NDArray T => np.transpose(this);

    /// <summary>Axes reversed: a view for vectors, deferred for matrices, a copy for higher ranks.</summary>
    internal NDArray Transpose()
    {
        if (ndim < 2) return copy();
        if (ndim == 2 && (_dims[0] == 1 || _dims[1] == 1)) return ViewOf(this, new[] { _dims[1], _dims[0] });
        if (ndim == 2)
            return Deferred is DeferredTranspose t ? t.Source : new NDArray(new DeferredTranspose(this), new[] { _dims[1], _dims[0] }, dtype);
        return np.TransposeAnyRank(this);
    }
}
