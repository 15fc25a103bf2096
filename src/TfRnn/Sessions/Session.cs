using System.Collections;
using System.Runtime.CompilerServices;

namespace TfRnn;

/// <summary>
/// TF1's <c>tf.Session</c>: the public run surface (fetch structures, feeds, close). Its executor runs the
/// plans; its resource store holds variable values and per-op state for the session's lifetime.
/// </summary>
public partial class Session : IDisposable
{
    readonly Executor _executor;
    bool _disposed;

    /// <summary>A session on <paramref name="graph"/> (the default graph when null), as <c>tf.Session(graph=...)</c>; variables start uninitialized.</summary>
    public Session(Graph? graph = null)
    {
        this.graph = graph ?? DefaultGraphStack.Current;
        _executor = new Executor(this.graph, Resources);
    }

    /// <summary>The graph this session runs.</summary>
    public Graph graph { get; }

    /// <summary>Variable values and per-op state: what kernels and Saver read and write.</summary>
    internal ResourceStore Resources { get; } = new();

    /// <summary>How many run signatures have a cached plan (for tests and diagnostics).</summary>
    internal int CachedPlanCount => _executor.CachedPlanCount;

    /// <summary>The executor (tests compare its host and engine paths).</summary>
    internal Executor Executor => _executor;

    /// <inheritdoc cref="run{R}(IFetch{R}, FeedItem[])"/>
    public R run<R>(IFetch<R> fetch, IDictionary feed_dict) => run(fetch, ToFeedItems(feed_dict));

    /// <summary>
    /// Runs the graph to compute <paramref name="fetch"/> (a tensor, variable, operation or nest of tensors)
    /// with <paramref name="feed_dict"/> overriding tensor values; returns values shaped like the fetch.
    /// </summary>
    public R run<R>(IFetch<R> fetch, params FeedItem[] feed_dict) => (R)RunStructure(fetch, feed_dict)!;

    /// <summary>Fetches a C# tuple of 2–5 fetches (TF's list of fetches): a tuple of their results.</summary>
    public (R1, R2) run<R1, R2>((IFetch<R1>, IFetch<R2>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures([fetches.Item1, fetches.Item2], feed_dict);
        return ((R1)r[0]!, (R2)r[1]!);
    }

    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2, R3) run<R1, R2, R3>((IFetch<R1>, IFetch<R2>, IFetch<R3>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures([fetches.Item1, fetches.Item2, fetches.Item3], feed_dict);
        return ((R1)r[0]!, (R2)r[1]!, (R3)r[2]!);
    }

    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2, R3, R4) run<R1, R2, R3, R4>((IFetch<R1>, IFetch<R2>, IFetch<R3>, IFetch<R4>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures([fetches.Item1, fetches.Item2, fetches.Item3, fetches.Item4], feed_dict);
        return ((R1)r[0]!, (R2)r[1]!, (R3)r[2]!, (R4)r[3]!);
    }

    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2, R3, R4, R5) run<R1, R2, R3, R4, R5>((IFetch<R1>, IFetch<R2>, IFetch<R3>, IFetch<R4>, IFetch<R5>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures([fetches.Item1, fetches.Item2, fetches.Item3, fetches.Item4, fetches.Item5], feed_dict);
        return ((R1)r[0]!, (R2)r[1]!, (R3)r[2]!, (R4)r[3]!, (R5)r[4]!);
    }

    /// <summary>Fetches a list: each element's result in order (null for operations).</summary>
    public NDArray?[] run(IEnumerable<ITensorOrOperation> fetches, params FeedItem[] feed_dict) =>
        RunStructures(fetches.Cast<object>().ToArray(), feed_dict).Cast<NDArray?>().ToArray();

    /// <summary>Fetches a list of mixed items (tensors, operations, nests, names): each result in order.</summary>
    // A nest is enumerable too; as a fetch it is one structure, so the list overloads yield to IFetch.
    [OverloadResolutionPriority(-1)]
    public object?[] run(IEnumerable<object> fetches, params FeedItem[] feed_dict) =>
        RunStructures(fetches.ToArray(), feed_dict);

    /// <summary>Fetches by name: <c>"op:0"</c> gives the tensor's value, a bare op name runs the op and gives null.</summary>
    public NDArray? run(string fetch, params FeedItem[] feed_dict) => (NDArray?)RunStructure(fetch, feed_dict);

    /// <summary>
    /// Fetches a dictionary (TF's <c>sess.run({"cost": cost, "state": state})</c>): the results under the same
    /// keys, each shaped like its fetch (NDArray, null for an operation, a nest, a list or a dictionary).
    /// </summary>
    public Dictionary<string, object?> run<TFetch>(IReadOnlyDictionary<string, TFetch> fetches, params FeedItem[] feed_dict) =>
        (Dictionary<string, object?>)RunStructure(fetches, feed_dict)!;

    // The same fetch forms with a feed_dict dictionary instead of (key, value) items.
    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2) run<R1, R2>((IFetch<R1>, IFetch<R2>) fetches, IDictionary feed_dict) => run(fetches, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2, R3) run<R1, R2, R3>((IFetch<R1>, IFetch<R2>, IFetch<R3>) fetches, IDictionary feed_dict) =>
        run(fetches, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2, R3, R4) run<R1, R2, R3, R4>((IFetch<R1>, IFetch<R2>, IFetch<R3>, IFetch<R4>) fetches, IDictionary feed_dict) =>
        run(fetches, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run{R1, R2}(ValueTuple{IFetch{R1}, IFetch{R2}}, FeedItem[])"/>
    public (R1, R2, R3, R4, R5) run<R1, R2, R3, R4, R5>((IFetch<R1>, IFetch<R2>, IFetch<R3>, IFetch<R4>, IFetch<R5>) fetches, IDictionary feed_dict) =>
        run(fetches, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run(IEnumerable{ITensorOrOperation}, FeedItem[])"/>
    public NDArray?[] run(IEnumerable<ITensorOrOperation> fetches, IDictionary feed_dict) => run(fetches, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run(IEnumerable{object}, FeedItem[])"/>
    [OverloadResolutionPriority(-1)]
    public object?[] run(IEnumerable<object> fetches, IDictionary feed_dict) => run(fetches, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run(string, FeedItem[])"/>
    public NDArray? run(string fetch, IDictionary feed_dict) => run(fetch, ToFeedItems(feed_dict));
    /// <inheritdoc cref="run{TFetch}(IReadOnlyDictionary{string, TFetch}, FeedItem[])"/>
    public Dictionary<string, object?> run<TFetch>(IReadOnlyDictionary<string, TFetch> fetches, IDictionary feed_dict) =>
        run(fetches, ToFeedItems(feed_dict));

    object? RunStructure(object fetch, FeedItem[] feeds) => RunStructures([fetch], feeds)[0];

    object?[] RunStructures(ReadOnlySpan<object> fetches, FeedItem[] feeds)
    {
        ThrowIfClosed();
        var signature = FindSignature(fetches, feeds);
        return signature?.TryRun(_executor, feeds) ?? RunFlattened(fetches, feeds, signature == null);
    }

    // Apart from RunStructures: its lambda's closure would be allocated on entry, cached runs included.
    object?[] RunFlattened(ReadOnlySpan<object> fetches, FeedItem[] feeds, bool remember)
    {
        var leaves = new List<ITensorOrOperation>();
        var shapes = new FetchStructure[fetches.Length];
        for (int i = 0; i < shapes.Length; i++) shapes[i] = FetchStructure.Flatten(fetches[i], graph, leaves);
        var (feedTensors, feedValues) = FlattenFeeds(feeds);
        var plan = _executor.PlanFor(leaves, feedTensors);
        var values = _executor.Run(plan, feedTensors, feedValues);
        if (remember && RunSignature.TryCreate(fetches, feeds, plan, feedTensors) is { } seen) Remember(seen);
        int next = 0;
        return shapes.Select(s => s.Build(values, ref next)).ToArray();
    }

    // The last few call signatures, most recent first (a loop alternates between a handful).
    readonly RunSignature?[] _signatures = new RunSignature?[4];

    RunSignature? FindSignature(ReadOnlySpan<object> fetches, FeedItem[] feeds)
    {
        foreach (var signature in _signatures)
            if (signature != null && signature.Matches(fetches, feeds)) return signature;
        return null;
    }

    void Remember(RunSignature signature)
    {
        Array.Copy(_signatures, 0, _signatures, 1, _signatures.Length - 1);
        _signatures[0] = signature;
    }

    (List<Tensor>, List<object>) FlattenFeeds(FeedItem[] feeds)
    {
        var tensors = new List<Tensor>(feeds.Length);
        var values = new List<object>(feeds.Length);
        foreach (var feed in feeds)
            FeedStructure.Flatten(feed.Key, feed.Value, graph, tensors, values);
        return (tensors, values);
    }

    static FeedItem[] ToFeedItems(IDictionary feed_dict)
    {
        var items = new List<FeedItem>(feed_dict.Count);
        var entry = feed_dict.GetEnumerator();
        while (entry.MoveNext()) items.Add(new FeedItem(entry.Key, entry.Value!));
        return items.ToArray();
    }

    /// <summary>TF's error for any use of a session after close().</summary>
    internal void ThrowIfClosed()
    {
        if (_disposed) throw new RuntimeError("Attempted to use a closed Session.");
    }

    /// <summary>Closes the session, as <c>sess.close()</c>: later runs raise RuntimeError.</summary>
    public void close() => Dispose();

    /// <summary>Closes the session (the end of a <c>using</c> block, TF's <c>with tf.Session() as sess:</c>).</summary>
    public virtual void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Resources.Dispose();
        DefaultSessionStack.Remove(this);
        GC.SuppressFinalize(this);
    }
}
