using System.Numerics;
using System.Runtime.CompilerServices;

namespace TfRnn;

/// <summary>
/// An elementwise expression over large float arrays whose elements are computed when first needed: by the
/// compound assignment that consumes it (`param += -lr * dparam / np.sqrt(mem + 1e-8)` becomes one pass over
/// param, block by block in the cache, with no temporary array), or in full when anything else reads it.
/// Each node applies the same operation NumPy's eager ufunc would, so the values are the same; operands are
/// the storage arrays captured at creation (see NDArray.CopyOnWrite.cs), scalars, or other lazy nodes.
/// Its block buffers are stack scratch written before they are read, so they are not zeroed (SkipLocalsInit):
/// zeroing them cost more than some whole evaluations.
/// </summary>
[SkipLocalsInit]
internal sealed class LazyElementwise<T> : DeferredValue where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Smaller results are computed at once: below this the bookkeeping costs more than a temporary.</summary>
    public const int MinElements = 1024;

    /// <summary>Deeper expressions compute their operands first (each level holds one block buffer during evaluation).</summary>
    public const int MaxDepth = 8;

    // Elements per block: the blocks of a typical expression (Adagrad's is three deep: 24 KB of float64) stay within
    // L1, and each pass over a block is long enough that the per-call cost of the loops fades (256 was 25% slower).
    const int BlockSize = 1024;

    /// <summary>Expressions this long are computed half on each core: a hand-off costs about a microsecond, their passes ten or more.</summary>
    public const int SplitMinElements = 4 * BlockSize;

    readonly Operand _left, _right;
    readonly Broadcasting.Binary _binary;
    readonly ElementwiseFunction? _unary;

    public int Count { get; }
    public int Depth { get; }

    LazyElementwise(int count, Operand left, Operand right, Broadcasting.Binary binary, ElementwiseFunction? unary)
    {
        (Count, _left, _right, _binary, _unary) = (count, left, right, binary, unary);
        Depth = 1 + Math.Max(left.Depth, right.Depth);
    }

    /// <summary>a op b as a lazy NDArray, or null when it should be computed now (small, mixed types, broadcasting, views).</summary>
    public static NDArray? TryBinary(NDArray a, NDArray b, Broadcasting.Binary op)
    {
        if (op is not (Broadcasting.Binary.Add or Broadcasting.Binary.Subtract or Broadcasting.Binary.Multiply or Broadcasting.Binary.Divide)) return null;
        bool aScalar = a.ndim == 0, bScalar = b.ndim == 0;
        var shaped = aScalar ? b : a;
        // Cheapest tests first: this runs on every elementwise op, and most arrays are small.
        if (shaped.size < MinElements || a.dtype != b.dtype) return null;
        if (aScalar == bScalar && !a.Dims.AsSpan().SequenceEqual(b.Dims)) return null;
        // Both operands must be usable before either is captured (a capture makes its next write copy).
        if (!Operand.CanUse(a) || !Operand.CanUse(b)) return null;
        var (left, right) = (Operand.Of(a), Operand.Of(b));
        var node = new LazyElementwise<T>((int)shaped.size, left, right, op, null);
        return NDArray.Deferring(node, shaped.Dims, shaped.dtype);
    }

    /// <summary>f(a) as a lazy NDArray, or null when it should be computed now.</summary>
    public static NDArray? TryUnary(NDArray a, ElementwiseFunction f)
    {
        if (a.ndim == 0 || a.size < MinElements || !Operand.CanUse(a)) return null;
        var node = new LazyElementwise<T>((int)a.size, Operand.Of(a), Operand.None, default, f);
        return NDArray.Deferring(node, a.Dims, a.dtype);
    }

    public override Array Materialize()
    {
        var result = GC.AllocateUninitializedArray<T>(Count);
        if (Count < SplitMinElements) MaterializeBlocks(0..Count, result);
        else SecondCore.Split(part => MaterializeBlocks(Half(part), result));
        return result;
    }

    /// <summary>
    /// destination = source op this, block by block (a fused `target op= expression`); destination may be
    /// source itself, or a fresh array when source is captured storage (copy-on-write in the same pass).
    /// </summary>
    public void ApplyTo(T[] source, T[] destination, Broadcasting.Binary op)
    {
        if (Count < SplitMinElements) ApplyBlocks(0..Count, source, destination, op);
        else SecondCore.Split(part => ApplyBlocks(Half(part), source, destination, op));
    }

    // Large expressions (Adagrad's update over a whole weight matrix, bound by sqrt and division) are computed in two
    // halves, the second on the other core (smaller ones allocate no closure). Every element is computed by the same
    // operations either way, so the values do not depend on the split.
    Range Half(int part)
    {
        int half = Count / 2 / 64 * 64;   // whole cache lines to each core
        return part == 0 ? 0..half : half..Count;
    }

    void MaterializeBlocks(Range elements, T[] result)
    {
        Span<T> buffers = stackalloc T[(MaxDepth + 1) * BlockSize];
        var (first, count) = elements.GetOffsetAndLength(Count);
        for (int start = first; start < first + count; start += BlockSize)
        {
            int length = Math.Min(BlockSize, first + count - start);
            Evaluate(start, length, buffers, result.AsSpan(start, length));
        }
    }

    void ApplyBlocks(Range elements, T[] source, T[] destination, Broadcasting.Binary op)
    {
        Span<T> buffers = stackalloc T[(MaxDepth + 1) * BlockSize];
        var (first, count) = elements.GetOffsetAndLength(Count);
        for (int start = first; start < first + count; start += BlockSize)
        {
            int length = Math.Min(BlockSize, first + count - start);
            var values = Evaluate(start, length, buffers[BlockSize..], buffers[..length]);
            Broadcasting.Same<T>(source.AsSpan(start, length), values, destination.AsSpan(start, length), op);
        }
    }

    // This node's elements [start, start + length) into `own` (a leaf operand is read in place instead).
    // `free` is scratch space: the left operand is computed into `own` first, then the right one into the
    // first block of `free`, with the rest of `free` for its own operands; so an expression of depth d needs d blocks.
    ReadOnlySpan<T> Evaluate(int start, int length, Span<T> free, Span<T> own)
    {
        var left = _left.IsScalar ? default : _left.Values(start, length, free, own);
        if (_unary is ElementwiseFunction f)
        {
            ElementwiseFunctions.Apply(f, left, own);
            return own;
        }
        if (_right.IsScalar)
        {
            Broadcasting.ScalarRight(left, _right.Scalar, own, _binary);
            return own;
        }
        var right = _right.Values(start, length, free[BlockSize..], free[..length]);
        if (_left.IsScalar) Broadcasting.ScalarLeft(_left.Scalar, right, own, _binary);
        else Broadcasting.Same(left, right, own, _binary);
        return own;
    }

    /// <summary>One operand: a captured storage array, a scalar, or a lazy node.</summary>
    readonly struct Operand
    {
        readonly T[]? _array;
        readonly LazyElementwise<T>? _node;

        public T Scalar { get; }
        public bool IsScalar { get; }
        public int Depth => _node?.Depth ?? 0;

        Operand(T[]? array, LazyElementwise<T>? node, T scalar, bool isScalar) => (_array, _node, Scalar, IsScalar) = (array, node, scalar, isScalar);

        public static Operand None => default;

        /// <summary>Whether <see cref="Of"/> can take <paramref name="a"/>: a scalar, a shallow enough lazy node, or capturable storage.</summary>
        public static bool CanUse(NDArray a) =>
            a.ndim == 0 ? a.Storage is T[] : a.Deferred is LazyElementwise<T> node ? node.Depth < MaxDepth : a.CanCapture<T>();

        /// <summary>The operand for <paramref name="a"/> (check <see cref="CanUse"/> first); captures a's storage.</summary>
        public static Operand Of(NDArray a)
        {
            if (a.ndim == 0) return new Operand(null, null, ((T[])a.Storage)[0], true);
            if (a.Deferred is LazyElementwise<T> node) return new Operand(null, node, default, false);
            return new Operand(a.Capture<T>(), null, default, false);
        }

        public ReadOnlySpan<T> Values(int start, int length, Span<T> free, Span<T> own) =>
            _node != null ? _node.Evaluate(start, length, free, own) : _array.AsSpan(start, length);
    }
}
