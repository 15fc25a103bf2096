namespace TfRnn;

// min-char-rnn adds an outer product into each weight gradient at every time step
// (`dWhy += np.dot(dy, hs[t].T)`) and reads the gradient once, after the loop. Applying each product at
// once streams the whole matrix through memory 25 times; instead the products are queued on the target
// and applied together on its next read, one pass over the matrix (see OuterProductKernels.AddOuters). Each
// element still receives the same products in the same order, so the values are NumPy's, bit for bit.
public sealed partial class NDArray
{
    PendingOuters? _pendingOuters;

    // Set on arrays whose storage another NDArray also uses (views); their writes must land at once.
    bool _sharesStorage;

    /// <summary>A view of <paramref name="owner"/>'s storage with other dimensions; both then apply their writes at once.</summary>
    internal static NDArray ViewOf(NDArray owner, long[] dims)
    {
        // A view writes into the owner's storage, which must not be an array lazy results captured.
        if (owner._captured) _ = owner.WritableStorage;
        var view = new NDArray(owner.Storage, dims) { _sharesStorage = true };
        owner._sharesStorage = true;
        return view;
    }

    /// <summary>Queues target ±= column ⊗ row (kept by reference: snapshots nobody writes); false when it must be applied now (a view, or another element type).</summary>
    internal bool TryQueueOuter<T>(T[] column, T[] row, bool subtract) where T : unmanaged, System.Numerics.INumber<T>
    {
        // Reads the field, not Storage: reading Storage would apply the queue.
        bool fromZero = false;
        if (_storage == null && _deferred is DeferredZeros<T> zeros && zeros.Count == column.Length * row.Length)
        {
            // Unwritten zeros: the queue's first application writes every element (see DeferredZeros).
            _storage = GC.AllocateUninitializedArray<T>(zeros.Count);
            fromZero = true;
        }
        if (_sharesStorage || _captured || _storage is not T[] values || values.Length != column.Length * row.Length) return false;
        if (_pendingOuters != null && _pendingOuters is not PendingOuters<T>) return false;
        var pending = (PendingOuters<T>)(_pendingOuters ??= new PendingOuters<T>(fromZero));
        pending.Add(column, row, subtract);
        if (pending.Count >= PendingOuters.MaxQueued) FlushPendingOuters();
        return true;
    }

    void FlushPendingOuters()
    {
        var pending = _pendingOuters!;
        _pendingOuters = null;
        pending.ApplyTo(_storage!);
    }
}

internal abstract class PendingOuters
{
    /// <summary>Bounds the queued vectors of an array that is written often and never read.</summary>
    public const int MaxQueued = 64;

    public abstract int Count { get; }
    public abstract void ApplyTo(Array target);
}

/// <summary>
/// Queued products; <paramref name="fromZero"/>: the target's storage is unwritten and the products are its
/// values. The vectors are referenced, not copied: they are the snapshots a DeferredOuter took at creation,
/// which nothing writes.
/// </summary>
internal sealed class PendingOuters<T>(bool fromZero) : PendingOuters where T : unmanaged, System.Numerics.INumber<T>
{
    // Room for 32 products first (min-char-rnn queues 25 per gradient), doubling up to MaxQueued.
    T[][] _columns = new T[32][], _rows = new T[32][];
    int _count, _m, _n;

    public override int Count => _count;

    public void Add(T[] column, T[] row, bool subtract)
    {
        if (_count == 0) (_m, _n) = (column.Length, row.Length);
        if (column.Length != _m || row.Length != _n) throw new ArgumentException("queued outer products must have one shape");
        if (_count == _columns.Length)
        {
            Array.Resize(ref _columns, Math.Min(MaxQueued, 2 * _count));
            Array.Resize(ref _rows, _columns.Length);
        }
        if (subtract)
        {
            var negated = GC.AllocateUninitializedArray<T>(_m);
            System.Numerics.Tensors.TensorPrimitives.Negate<T>(column, negated);
            column = negated;
        }
        (_columns[_count], _rows[_count]) = (column, row);
        _count++;
    }

    public override void ApplyTo(Array target) => OuterProductKernels.AddOuters((T[])target, _columns, _rows, _count, _m, _n, fromZero);
}
