namespace TfRnn;

/// <summary>
/// np.zeros of a float array whose zeros have not been written yet. Read, it is a zeroed array; the first
/// outer products queued on it (`dW += np.dot(dy, h.T)` into a fresh `np.zeros_like(W)`) start from zero
/// in registers instead, so the matrix is written once, by their sum (NDArray.PendingOuter.cs).
/// </summary>
internal abstract class DeferredZeros : DeferredValue
{
    /// <summary>Smaller zeros are written at once: a deferred recipe saves nothing on a vector.</summary>
    public const int MinElements = 1024;
}

internal sealed class DeferredZeros<T>(int count) : DeferredZeros where T : unmanaged
{
    public int Count => count;

    public override Array Materialize() => new T[count];
}
