namespace TfRnn;

/// <summary>
/// A <c>Session.run</c> call seen before: the same fetch objects and feed keys (compared by reference) run the same
/// plan, so flattening the fetches and feed keys, looking the plan up and working out the result structure happen
/// once. Only immutable fetches and keys qualify (tensors, operations, nests of tensors): a list or dictionary could
/// change between calls, a name could resolve to another tensor.
/// </summary>
internal sealed class RunSignature
{
    readonly object[] _fetches;
    readonly object[] _feedKeys;
    readonly object[] _feedValues;   // this run's flattened feed values; cleared after it
    int _busy;                       // 1 while a run uses _feedValues; a concurrent one takes the general path

    RunSignature(object[] fetches, object[] feedKeys, ExecutionPlan plan, List<Tensor> feedTensors)
    {
        _fetches = fetches;
        _feedKeys = feedKeys;
        Plan = plan;
        FeedTensors = feedTensors;
        _feedValues = new object[feedTensors.Count];
    }

    public ExecutionPlan Plan { get; }
    public List<Tensor> FeedTensors { get; }

    /// <summary>The signature of a call whose fetches and feeds were just flattened into <paramref name="feedTensors"/>, or null when they may change.</summary>
    public static RunSignature? TryCreate(ReadOnlySpan<object> fetches, FeedItem[] feeds, ExecutionPlan plan, List<Tensor> feedTensors)
    {
        foreach (var fetch in fetches)
            if (fetch is not (Tensor or Operation or Nest<Tensor>)) return null;
        var keys = new object[feeds.Length];
        for (int i = 0; i < feeds.Length; i++)
            if ((keys[i] = feeds[i].Key) is not (Tensor or Nest<Tensor>)) return null;
        return new RunSignature(fetches.ToArray(), keys, plan, feedTensors);
    }

    public bool Matches(ReadOnlySpan<object> fetches, FeedItem[] feeds)
    {
        if (fetches.Length != _fetches.Length || feeds.Length != _feedKeys.Length) return false;
        for (int i = 0; i < fetches.Length; i++)
            if (!ReferenceEquals(fetches[i], _fetches[i])) return false;
        for (int i = 0; i < feeds.Length; i++)
            if (!ReferenceEquals(feeds[i].Key, _feedKeys[i])) return false;
        return true;
    }

    /// <summary>
    /// Runs the plan with <paramref name="feeds"/>' values and builds the results; null when this call must take the
    /// general path (another run is using this signature, or a fed nest does not match its key: that path raises TF's error).
    /// </summary>
    public object?[]? TryRun(Executor executor, FeedItem[] feeds)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0) return null;
        try
        {
            int next = 0;
            foreach (var feed in feeds)
                if (!FlattenFeed(feed.Key, feed.Value, ref next)) return null;
            var values = executor.Run(Plan, FeedTensors, _feedValues);
            var results = new object?[_fetches.Length];
            int leaf = 0;
            for (int i = 0; i < results.Length; i++)
                results[i] = _fetches[i] is Nest<Tensor> nest ? Pack(nest, values, ref leaf) : (object?)values[leaf++];   // an operation's is null
            return results;
        }
        finally
        {
            Array.Clear(_feedValues);   // hold no caller's value past the run
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary><see cref="FeedStructure.Flatten"/> for keys already checked: a leaf nest takes a value or a leaf nest of one.</summary>
    bool FlattenFeed(object key, object value, ref int next)
    {
        switch (key)
        {
            case Nest<Tensor> { IsLeaf: false } nest:
                return value is Nest<NDArray> values && FlattenNest(nest, values, ref next);
            case Nest<Tensor>:
                _feedValues[next++] = value is Nest<NDArray> { IsLeaf: true } leaf ? leaf.Leaf : value;
                return true;
            default:
                _feedValues[next++] = value;
                return true;
        }
    }

    bool FlattenNest(Nest<Tensor> key, Nest<NDArray> value, ref int next)
    {
        if (key.kind != value.kind || key.Count != value.Count) return false;
        if (key.IsLeaf)
        {
            _feedValues[next++] = value.Leaf;
            return true;
        }
        for (int i = 0; i < key.Count; i++)
            if (!FlattenNest(key.Items[i], value.Items[i], ref next)) return false;
        return true;
    }

    /// <summary>The fetched nest's structure over the values in flattening order (what <see cref="FetchStructure"/> builds).</summary>
    static Nest<NDArray> Pack(Nest<Tensor> nest, NDArray?[] values, ref int next)
    {
        if (nest.IsLeaf) return new Nest<NDArray>(values[next++]!);
        if (nest.kind == NestKind.LSTMStateTuple)
        {
            var c = Pack(nest.Items[0], values, ref next);
            return Nest<NDArray>.CreatePair(c, Pack(nest.Items[1], values, ref next));
        }
        var items = new Nest<NDArray>[nest.Count];
        for (int i = 0; i < items.Length; i++) items[i] = Pack(nest.Items[i], values, ref next);
        return Nest<NDArray>.Tuple(items);
    }
}
