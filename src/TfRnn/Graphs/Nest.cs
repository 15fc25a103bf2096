namespace TfRnn;

/// <summary>Marks what <c>Session.run</c> can fetch; <typeparamref name="TResult"/> is what the fetch returns.</summary>
public interface IFetch<out TResult>;

/// <summary>How a <see cref="Nest{T}"/> node groups its items.</summary>
public enum NestKind
{
    /// <summary>One value.</summary>
    Leaf,
    /// <summary>A Python tuple of nests.</summary>
    Tuple,
    /// <summary>The (c, h) pair of an LSTM state.</summary>
    LSTMStateTuple,
}

/// <summary>
/// TF's <c>nest</c>: a leaf or an ordered tuple of nests. RNN states are nests of tensors; fetching one
/// returns the same structure of <see cref="NDArray"/>s, which can be fed back under the same key.
/// </summary>
public class Nest<T> : IFetch<Nest<NDArray>>, IEnumerable<Nest<T>> where T : class
{
    readonly T? _leaf;
    readonly Nest<T>[] _items;

    /// <summary>A leaf holding one value.</summary>
    public Nest(T leaf)
    {
        _leaf = leaf;
        _items = Array.Empty<Nest<T>>();
        kind = NestKind.Leaf;
    }

    /// <summary>A node of <paramref name="kind"/> grouping <paramref name="items"/> (for state types such as LSTMStateTuple).</summary>
    protected Nest(NestKind kind, Nest<T>[] items)
    {
        this.kind = kind;
        _items = items;
    }

    /// <summary>A tuple of nests (TF's Python tuple of states).</summary>
    public static Nest<T> Tuple(params Nest<T>[] items) => new(NestKind.Tuple, items.ToArray());

    /// <summary>How this node groups its items.</summary>
    public NestKind kind { get; }
    /// <summary>Whether this node is a single value.</summary>
    public bool IsLeaf => kind == NestKind.Leaf;
    /// <summary>The single value of a leaf; InvalidOperationException for a tuple.</summary>
    public T Leaf => _leaf ?? throw new InvalidOperationException($"this {kind} is not a single value");
    /// <summary>The number of items of a tuple (0 for a leaf).</summary>
    public int Count => _items.Length;
    /// <summary>The items of a tuple, in order (empty for a leaf).</summary>
    public IReadOnlyList<Nest<T>> Items => _items;
    /// <summary>Item <paramref name="index"/> of a tuple (negative counts from the end), as <c>state[0]</c> in Python.</summary>
    public Nest<T> this[int index] => IsLeaf
        ? throw new InvalidOperationException("a single value cannot be indexed")
        : _items[index < 0 ? index + _items.Length : index];

    /// <summary>The cell state of an LSTMStateTuple (field 0).</summary>
    public T c => kind == NestKind.LSTMStateTuple ? _items[0].Leaf : throw new InvalidOperationException($"a {kind} has no field 'c'");
    /// <summary>The hidden state of an LSTMStateTuple (field 1).</summary>
    public T h => kind == NestKind.LSTMStateTuple ? _items[1].Leaf : throw new InvalidOperationException($"a {kind} has no field 'h'");

    /// <summary>The leaves in TF's flattening order (depth first).</summary>
    public IEnumerable<T> Flatten() => IsLeaf ? new[] { _leaf! } : _items.SelectMany(i => i.Flatten());

    /// <summary>The same structure with each leaf mapped.</summary>
    public Nest<TOut> Map<TOut>(Func<T, TOut> map) where TOut : class
    {
        if (IsLeaf) return new Nest<TOut>(map(_leaf!));
        var items = _items.Select(i => i.Map(map)).ToArray();
        return Nest<TOut>.Create(kind, items);
    }

    /// <summary>Rebuilds a structure of this shape from leaves in flattening order.</summary>
    internal Nest<TOut> Pack<TOut>(IEnumerator<TOut> leaves) where TOut : class
    {
        if (IsLeaf)
        {
            if (!leaves.MoveNext()) throw new ValueError("not enough values to pack the structure");
            return new Nest<TOut>(leaves.Current);
        }
        return Nest<TOut>.Create(kind, _items.Select(i => i.Pack(leaves)).ToArray());
    }

    /// <summary>True when both have the same nesting (kinds and counts), whatever the leaves.</summary>
    public bool SameStructure<TOther>(Nest<TOther> other) where TOther : class =>
        kind == other.kind && Count == other.Count && _items.Zip(other.Items).All(p => p.First.SameStructure(p.Second));

    static Nest<T> Create(NestKind kind, Nest<T>[] items) =>
        kind == NestKind.LSTMStateTuple && typeof(T) == typeof(Tensor)
            ? (Nest<T>)(object)new LSTMStateTuple((Nest<Tensor>)(object)items[0], (Nest<Tensor>)(object)items[1])
            : new Nest<T>(kind, items);

    internal static Nest<T> CreatePair(Nest<T> c, Nest<T> h) => Create(NestKind.LSTMStateTuple, new[] { c, h });

    /// <summary>A value as a leaf, so a single tensor is a state.</summary>
    public static implicit operator Nest<T>(T leaf) => new(leaf);

    /// <summary>The value of a leaf (TF code treats a non-tuple state as the tensor itself).</summary>
    public static explicit operator T(Nest<T> nest) => nest.Leaf;

    /// <summary>Python's <c>c, h = state</c>: the two fields of an LSTMStateTuple (or any pair of leaves).</summary>
    public void Deconstruct(out T c, out T h)
    {
        if (IsLeaf || Count != 2) throw new InvalidOperationException($"only a pair unpacks into (c, h), not {this}");
        (c, h) = (_items[0].Leaf, _items[1].Leaf);
    }

    /// <summary>Python's <c>for layer in state</c>: the items of a tuple (a leaf has none).</summary>
    public IEnumerator<Nest<T>> GetEnumerator() => ((IEnumerable<Nest<T>>)_items).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => kind switch
    {
        NestKind.Leaf => _leaf!.ToString()!,
        NestKind.LSTMStateTuple => $"LSTMStateTuple(c={_items[0]}, h={_items[1]})",
        _ => "(" + string.Join(", ", _items.Select(i => i.ToString())) + ")",
    };
}
