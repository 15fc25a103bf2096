namespace TfRnn;

/// <summary>The identity of a run signature: fetched leaves and fed tensors, in order.</summary>
internal sealed class PlanKey : IEquatable<PlanKey>
{
    readonly object[] _items;
    readonly int _hash;

    public PlanKey(List<ITensorOrOperation> fetches, List<Tensor> feeds)
    {
        _items = new object[fetches.Count + 1 + feeds.Count];
        var hash = new HashCode();
        int i = 0;
        foreach (var f in fetches) hash.Add(_items[i++] = f);
        _items[i++] = Separator;
        foreach (var f in feeds) hash.Add(_items[i++] = f);
        _hash = hash.ToHashCode();
    }

    static readonly object Separator = new();

    public bool Equals(PlanKey? other)
    {
        if (other == null || other._hash != _hash || other._items.Length != _items.Length) return false;
        for (int i = 0; i < _items.Length; i++)
            if (!ReferenceEquals(_items[i], other._items[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as PlanKey);
    public override int GetHashCode() => _hash;
}
