namespace TfRnn;

// Results that min-char-rnn computes per time step only to consume at once: a matrix's transpose read by
// np.dot, and an outer product added into a gradient (`dWhy += np.dot(dy, hs[t].T)`). Such an array
// holds the recipe instead of its elements; the consumers that know the recipe use it directly (no
// temporary matrix), and any other use materializes the elements on first access.
public sealed partial class NDArray
{
    DeferredValue? _deferred;

    NDArray(DeferredValue deferred, long[] dims, TF_DataType type)
    {
        _deferred = deferred;
        _dims = dims;
        dtype = type;
    }

    internal static NDArray Deferring(DeferredValue deferred, long[] dims, TF_DataType type) => new(deferred, dims, type);

    /// <summary>The recipe of an array whose elements have not been computed yet, else null.</summary>
    internal DeferredValue? Deferred => _storage == null ? _deferred : null;

    // Two threads reading at once may both compute the elements; the first to store them wins and both see its
    // array. The recipe is then dropped, releasing the operands it held.
    Array Materialize()
    {
        var recipe = _deferred;
        if (recipe == null) return Volatile.Read(ref _storage) ?? throw new InvalidOperationException("an NDArray has neither storage nor a deferred value");
        var values = Interlocked.CompareExchange(ref _storage, recipe.Materialize(), null) ?? _storage!;
        _deferred = null;
        return values;
    }
}

/// <summary>How to compute a deferred NDArray's row-major elements.</summary>
internal abstract class DeferredValue
{
    public abstract Array Materialize();

    /// <summary>Adds (or subtracts) this value into <paramref name="target"/> without materializing it, when it knows how.</summary>
    public virtual bool TryAccumulate(NDArray target, bool subtract) => false;
}

/// <summary>The transpose of a row-major matrix; reads see the source's values at the time of the read.</summary>
internal sealed class DeferredTranspose(NDArray source) : DeferredValue
{
    public NDArray Source => source;

    public override Array Materialize() => source.Storage switch
    {
        float[] f => Transpose2D(f),
        double[] d => Transpose2D(d),
        var other => np.TransposeAnyRank(new NDArray(other, source.Dims)).Storage,
    };

    T[] Transpose2D<T>(T[] values)
    {
        int rows = (int)source.Dims[0], columns = (int)source.Dims[1];
        var result = GC.AllocateUninitializedArray<T>(values.Length);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                result[j * rows + i] = values[i * columns + j];
        return result;
    }
}

/// <summary>column ⊗ row of two vector snapshots taken at creation (captured or copied storage: later writes to the vectors do not leak in).</summary>
internal sealed class DeferredOuter<T>(T[] column, T[] row) : DeferredValue where T : unmanaged, System.Numerics.INumber<T>
{
    public override Array Materialize()
    {
        var result = new T[column.Length * row.Length];
        MatrixKernels.AddOuter<T>(result, column, row, subtract: false);
        return result;
    }

    /// <summary>target ±= column ⊗ row without the temporary matrix (queued on the target when it can be), when target is a matching T array.</summary>
    public override bool TryAccumulate(NDArray target, bool subtract)
    {
        if (target.TryQueueOuter(column, row, subtract)) return true;
        if (target.WritableStorage is not T[] values || values.Length != column.Length * row.Length) return false;
        MatrixKernels.AddOuter<T>(values, column, row, subtract);
        return true;
    }
}
