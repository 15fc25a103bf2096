using System.Collections.Concurrent;
using TorchSharp;

namespace TfRnn;

/// <summary>
/// Column permutations from TF's LSTM gate blocks (i, j, f, o) to another kernel's block order and back, as index
/// tensors for index_select; cached per order and width for the process.
/// </summary>
internal static class GatePermutation
{
    static readonly ConcurrentDictionary<((int, int, int, int) blocks, int units), (torch.Tensor forward, torch.Tensor inverse)> Cache = new();

    /// <summary>The permutation whose k-th block of <paramref name="units"/> columns is TF's block named k-th in <paramref name="blocks"/>.</summary>
    public static (torch.Tensor forward, torch.Tensor inverse) Get((int, int, int, int) blocks, int units) =>
        Cache.GetOrAdd((blocks, units), key => Create(key.blocks, key.units));

    static (torch.Tensor forward, torch.Tensor inverse) Create((int, int, int, int) blocks, int units)
    {
        var (b0, b1, b2, b3) = blocks;
        long[] order = new[] { b0, b1, b2, b3 }.SelectMany(block => Enumerable.Range(block * units, units).Select(k => (long)k)).ToArray();
        var inverse = new long[order.Length];
        for (int k = 0; k < order.Length; k++) inverse[order[k]] = k;
        var forward = torch.tensor(order);
        var back = torch.tensor(inverse);
        forward.DetachFromDisposeScope();
        back.DetachFromDisposeScope();
        return (forward, back);
    }
}
