using System.Collections;
using TorchSharp;

namespace TfRnn;

/// <summary>
/// TF1's <c>tf.Session</c>: runs the ops that fetches need on TorchSharp, holding variable values and
/// per-op state (constants, random generators) for its lifetime.
/// </summary>
public partial class Session : IDisposable
{
    readonly Dictionary<PlanKey, ExecutionPlan> _plans = new();
    readonly Dictionary<Operation, torch.Tensor> _variables = new();
    readonly Dictionary<Operation, object> _opState = new();
    bool _disposed;

    public Session(Graph? graph = null)
    {
        this.graph = graph ?? DefaultGraphStack.Current;
    }

    public Graph graph { get; }

    /// <summary>How many run signatures have a cached plan (for tests and diagnostics).</summary>
    internal int CachedPlanCount => _plans.Count;

    /// <inheritdoc cref="run{R}(IFetch{R}, FeedItem[])"/>
    public R run<R>(IFetch<R> fetch, IDictionary feed_dict) => run(fetch, ToFeedItems(feed_dict));

    /// <summary>
    /// Runs the graph to compute <paramref name="fetch"/> (a tensor, variable, operation or nest of tensors)
    /// with <paramref name="feed_dict"/> overriding tensor values; returns values shaped like the fetch.
    /// </summary>
    public R run<R>(IFetch<R> fetch, params FeedItem[] feed_dict) => (R)RunStructure(fetch, feed_dict)!;

    public (R1, R2) run<R1, R2>((IFetch<R1>, IFetch<R2>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures(new object[] { fetches.Item1, fetches.Item2 }, feed_dict);
        return ((R1)r[0]!, (R2)r[1]!);
    }

    public (R1, R2, R3) run<R1, R2, R3>((IFetch<R1>, IFetch<R2>, IFetch<R3>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures(new object[] { fetches.Item1, fetches.Item2, fetches.Item3 }, feed_dict);
        return ((R1)r[0]!, (R2)r[1]!, (R3)r[2]!);
    }

    public (R1, R2, R3, R4) run<R1, R2, R3, R4>((IFetch<R1>, IFetch<R2>, IFetch<R3>, IFetch<R4>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures(new object[] { fetches.Item1, fetches.Item2, fetches.Item3, fetches.Item4 }, feed_dict);
        return ((R1)r[0]!, (R2)r[1]!, (R3)r[2]!, (R4)r[3]!);
    }

    public (R1, R2, R3, R4, R5) run<R1, R2, R3, R4, R5>((IFetch<R1>, IFetch<R2>, IFetch<R3>, IFetch<R4>, IFetch<R5>) fetches, params FeedItem[] feed_dict)
    {
        var r = RunStructures(new object[] { fetches.Item1, fetches.Item2, fetches.Item3, fetches.Item4, fetches.Item5 }, feed_dict);
        return ((R1)r[0]!, (R2)r[1]!, (R3)r[2]!, (R4)r[3]!, (R5)r[4]!);
    }

    /// <summary>Fetches a list: each element's result in order (null for operations).</summary>
    public NDArray?[] run(IEnumerable<ITensorOrOperation> fetches, params FeedItem[] feed_dict) =>
        RunStructures(fetches.Cast<object>().ToArray(), feed_dict).Cast<NDArray?>().ToArray();

    /// <summary>Fetches a list of mixed items (tensors, operations, nests, names): each result in order.</summary>
    public object?[] run(IEnumerable<object> fetches, params FeedItem[] feed_dict) =>
        RunStructures(fetches.ToArray(), feed_dict);

    /// <summary>Fetches by name: <c>"op:0"</c> gives the tensor's value, a bare op name runs the op and gives null.</summary>
    public NDArray? run(string fetch, params FeedItem[] feed_dict) => (NDArray?)RunStructure(fetch, feed_dict);

    object? RunStructure(object fetch, FeedItem[] feeds) => RunStructures(new[] { fetch }, feeds)[0];

    object?[] RunStructures(object[] fetches, FeedItem[] feeds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var leaves = new List<ITensorOrOperation>();
        var shapes = fetches.Select(f => FetchStructure.Flatten(f, graph, leaves)).ToArray();
        var (feedTensors, feedValues) = FlattenFeeds(feeds);
        var values = Execute(leaves, feedTensors, feedValues);
        int next = 0;
        return shapes.Select(s => s.Build(values, ref next)).ToArray();
    }

    (List<Tensor>, List<object>) FlattenFeeds(FeedItem[] feeds)
    {
        var tensors = new List<Tensor>(feeds.Length);
        var values = new List<object>(feeds.Length);
        foreach (var feed in feeds)
            FeedStructure.Flatten(feed.Key, feed.Value, graph, tensors, values);
        return (tensors, values);
    }

    NDArray?[] Execute(List<ITensorOrOperation> fetches, List<Tensor> feeds, List<object> feedValues)
    {
        var key = new PlanKey(fetches, feeds);
        if (!_plans.TryGetValue(key, out var plan))
            _plans[key] = plan = ExecutionPlan.Build(graph, fetches, feeds);

        if (plan.Host is { } host) return host.Run(this, feeds, feedValues);
        using var scope = torch.NewDisposeScope();
        using var gradMode = plan.NeedsGradients ? null : torch.no_grad();
        var values = new object?[plan.SlotCount];
        for (int i = 0; i < feeds.Count; i++)
        {
            int slot = plan.FeedSlots[i];
            values[slot] = TensorConversion.ToFeedValue(feedValues[i], feeds[i]);
            if (plan.NeedsGradients) PrepareForGradients(plan, values, slot);
        }

        RunSteps(plan, values);
        return plan.FetchSlots.Select(slot => slot < 0 ? null : ToResult(values[slot]!)).ToArray();
    }

    void RunSteps(ExecutionPlan plan, object?[] values)
    {
        var context = new KernelContext(this, values);
        for (int s = 0; s < plan.Steps.Length; s++)
        {
            var op = plan.Steps[s];
            if (op.Kernel == null) continue;
            context.Enter(op, plan.InputSlots[s], plan.OutputSlots[s]);
            try
            {
                op.Kernel(context);
            }
            catch (Exception e) when (e is not OpError and not ValueError and not TypeError)
            {
                throw new InvalidArgumentError($"{FirstLine(e.Message)}\n\t [[node {op.name} (op: {op.type})]]", e);
            }
            if (plan.NeedsGradients)
                foreach (int slot in plan.OutputSlots[s])
                    if (slot >= 0) PrepareForGradients(plan, values, slot);
        }
    }

    /// <summary>
    /// Runs a sub-plan inside the current run (a loop body): feeds are engine values, results stay engine
    /// values in the enclosing run's dispose scope and gradient mode.
    /// </summary>
    internal object?[] RunSubPlan(ExecutionPlan plan, object[] feedValues)
    {
        var values = new object?[plan.SlotCount];
        for (int i = 0; i < feedValues.Length; i++) values[plan.FeedSlots[i]] = feedValues[i];
        RunSteps(plan, values);
        var results = new object?[plan.FetchSlots.Length];
        for (int i = 0; i < results.Length; i++) results[i] = plan.FetchSlots[i] < 0 ? null : values[plan.FetchSlots[i]];
        return results;
    }

    /// <summary>
    /// Makes a gradient source track gradients (a fresh leaf when nothing upstream does) and cuts the
    /// history at stop_gradients tensors, right after the value is produced and before anything uses it.
    /// </summary>
    static void PrepareForGradients(ExecutionPlan plan, object?[] values, int slot)
    {
        if (values[slot] is not torch.Tensor value || !torch.is_floating_point(value.dtype)) return;
        if (plan.StopPoints[slot]) value = value.detach();
        if (plan.GradientSources[slot] && !value.requires_grad) value = value.detach().requires_grad_(true);
        values[slot] = value;
    }

    static NDArray ToResult(object value) => value as NDArray ?? TensorConversion.ToNDArray((torch.Tensor)value);

    static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline];
    }

    static FeedItem[] ToFeedItems(IDictionary feed_dict)
    {
        var items = new List<FeedItem>(feed_dict.Count);
        var entry = feed_dict.GetEnumerator();
        while (entry.MoveNext()) items.Add(new FeedItem(entry.Key, entry.Value!));
        return items.ToArray();
    }

    // ---- session state used by kernels -------------------------------------------------------

    internal bool TryGetVariable(Operation variableOp, out torch.Tensor value) => _variables.TryGetValue(variableOp, out value!);

    /// <summary>Stores a variable's value; the session owns it (outside any run's dispose scope).</summary>
    internal void SetVariable(Operation variableOp, torch.Tensor value)
    {
        if (_variables.TryGetValue(variableOp, out var old) && !ReferenceEquals(old, value)) old.Dispose();
        value.DetachFromDisposeScope();
        _variables[variableOp] = value;
    }

    /// <summary>A variable's current value as a host array (what Saver writes); FailedPrecondition when uninitialized.</summary>
    internal NDArray ReadVariable(Variable variable) =>
        _variables.TryGetValue(variable.op, out var value) ? TensorConversion.ToNDArray(value.detach())
            : throw new FailedPreconditionError($"Attempting to use uninitialized value {variable.op.name}");

    /// <summary>Sets a variable from a host array (what Saver.restore does).</summary>
    internal void WriteVariable(Variable variable, NDArray value)
    {
        using var scope = torch.NewDisposeScope();
        StateOps.Store(this, variable.op, TensorConversion.ToTorch(value));
    }

    /// <summary>Per-op state that lives as long as the session (cached constants, random generators).</summary>
    internal T GetOrCreateOpState<T>(Operation op, Func<T> create) where T : class
    {
        if (_opState.TryGetValue(op, out var state)) return (T)state;
        var created = create();
        if (created is torch.Tensor t) t.DetachFromDisposeScope();
        _opState[op] = created;
        return created;
    }

    public void close() => Dispose();

    public virtual void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var value in _variables.Values) value.Dispose();
        foreach (var state in _opState.Values) (state as IDisposable)?.Dispose();
        _variables.Clear();
        _opState.Clear();
        DefaultSessionStack.Remove(this);
        GC.SuppressFinalize(this);
    }
}
