using System.Collections.Concurrent;
using TorchSharp;

namespace TfRnn;

/// <summary>
/// Column permutations from TF's LSTM gate blocks (i, j, f, o) to another kernel's block order and back, as index
/// tensors for index_select; cached per order and width for the process.
/// </summary>
internal static class GatePermutation
{
    static readonly ConcurrentDictionary<(int order, int units), (torch.Tensor forward, torch.Tensor inverse)> Cache = new();

    /// <summary>The permutation whose block k reads TF's block <paramref name="blocks"/>[k] (four blocks of <paramref name="units"/> columns).</summary>
    public static (torch.Tensor forward, torch.Tensor inverse) Get(ReadOnlySpan<int> blocks, int units)
    {
        int key = ((blocks[0] * 4 + blocks[1]) * 4 + blocks[2]) * 4 + blocks[3];
        return Cache.GetOrAdd((key, units), k => Create(k.order, k.units));
    }

    static (torch.Tensor forward, torch.Tensor inverse) Create(int key, int units)
    {
        var blocks = new[] { key >> 6 & 3, key >> 4 & 3, key >> 2 & 3, key & 3 };
        long[] order = blocks.SelectMany(block => Enumerable.Range(block * units, units).Select(k => (long)k)).ToArray();
        var inverse = new long[order.Length];
        for (int k = 0; k < order.Length; k++) inverse[order[k]] = k;
        var forward = torch.tensor(order);
        var back = torch.tensor(inverse);
        forward.DetachFromDisposeScope();
        back.DetachFromDisposeScope();
        return (forward, back);
    }
}
