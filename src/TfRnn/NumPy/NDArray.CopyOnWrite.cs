namespace TfRnn;

// A lazy elementwise result (LazyElementwise.cs) reads its operands' storage arrays when it is finally
// evaluated, not when it was written down. So that it still sees the values of that moment, as NumPy's eager
// result would, an operand it captured never has that array written again: the next write to the operand
// first moves the operand onto a copy (copy-on-write) and leaves the captured array to the lazy results.
// Every write into an NDArray's elements goes through WritableStorage (or the fused writes of
// NDArray.InPlace, which do the same copy in their single pass).
public sealed partial class NDArray
{
    // True while lazy results may hold this array's storage; cleared by the copy a write makes.
    bool _captured;

    /// <summary>The storage, for writing: a private copy first when lazy results captured the current one.</summary>
    internal Array WritableStorage
    {
        get
        {
            var storage = Storage;
            if (!_captured) return storage;
            storage = CopyOf(storage);
            _storage = storage;
            _captured = false;
            return storage;
        }
    }

    /// <summary>Call before writing into <see cref="Storage"/>: moves this array off a captured storage array.</summary>
    internal void PrepareWrite() => _ = WritableStorage;

    /// <summary>
    /// Whether a lazy result may capture the storage: not when a view shares it with other arrays (whose writes a
    /// copy-on-write would no longer reach), nor when it is not a <typeparamref name="T"/>[].
    /// </summary>
    internal bool CanCapture<T>() => !_sharesStorage && Storage is T[];

    /// <summary>The storage for a lazy result to read later (check <see cref="CanCapture"/> first); marks it captured.</summary>
    internal T[] Capture<T>()
    {
        _captured = true;
        return (T[])Storage;
    }

    /// <summary>Replaces the storage by <paramref name="written"/>, computed from the captured one by a fused write.</summary>
    internal void ReplaceCapturedStorage(Array written)
    {
        _storage = written;
        _captured = false;
    }

    internal bool IsCaptured => _captured;
}
