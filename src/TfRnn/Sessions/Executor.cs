using TorchSharp;

namespace TfRnn;

/// <summary>
/// Runs plans for one session: caches a plan per (fetches, feeds) signature, steps through its kernels
/// inside a dispose scope (under no-grad unless some step computes gradients), and runs loop bodies as
/// sub-plans within the enclosing run.
/// </summary>
internal sealed class Executor(Graph graph, ResourceStore resources)
{
    readonly Dictionary<PlanKey, ExecutionPlan> _plans = new();

    static Executor() => NativeHeap.KeepFreedMemory();   // before the first run allocates engine tensors

    public ResourceStore Resources { get; } = resources;

    /// <summary>How many run signatures have a cached plan (for tests and diagnostics).</summary>
    public int CachedPlanCount => _plans.Count;

    /// <summary>Whether small no-gradient runs may execute on host kernels (<see cref="HostPlan"/>); on by default.</summary>
    public bool HostRuns { get; set; } = true;

    /// <summary>Whether the last run executed on the host (for tests and diagnostics).</summary>
    public bool LastRunOnHost { get; private set; }

    /// <summary>Runs the plan for these fetches and feeds; only fetched values leave the run, as host arrays.</summary>
    public NDArray?[] Run(List<ITensorOrOperation> fetches, List<Tensor> feeds, List<object> feedValues) =>
        Run(PlanFor(fetches, feeds), feeds, feedValues);

    /// <summary>The cached plan for these fetches and feeds (built on first use).</summary>
    public ExecutionPlan PlanFor(List<ITensorOrOperation> fetches, List<Tensor> feeds)
    {
        var key = new PlanKey(fetches, feeds);
        if (!_plans.TryGetValue(key, out var plan))
            _plans[key] = plan = ExecutionPlan.Build(graph, fetches, feeds);
        return plan;
    }

    /// <summary>Runs <paramref name="plan"/> with these feed values; only fetched values leave the run, as host arrays.</summary>
    public NDArray?[] Run(ExecutionPlan plan, IReadOnlyList<Tensor> feeds, IReadOnlyList<object> feedValues)
    {
        LastRunOnHost = HostRuns && plan.Host != null;
        return LastRunOnHost ? plan.Host!.Run(Resources, feeds, feedValues) : RunOnEngine(plan, feeds, feedValues);
    }

    // Apart from Run: its lambda's closure would be allocated on entry, host runs included.
    NDArray?[] RunOnEngine(ExecutionPlan plan, IReadOnlyList<Tensor> feeds, IReadOnlyList<object> feedValues)
    {
        using var scope = torch.NewDisposeScope();
        using var gradMode = plan.NeedsGradients ? null : torch.no_grad();
        var values = new object?[plan.SlotCount];
        for (int i = 0; i < feeds.Count; i++)
        {
            int slot = plan.FeedSlots[i];
            values[slot] = TensorConversion.ToFeedValue(feedValues[i], feeds[i]);
            if (plan.NeedsGradients) PrepareForGradients(plan, values, slot);
        }

        var disposables = new List<IDisposable>();
        try
        {
            RunSteps(plan, values, disposables);
            return plan.FetchSlots.Select(slot => slot < 0 ? null : ToResult(values[slot]!)).ToArray();
        }
        finally
        {
            foreach (var disposable in disposables) disposable.Dispose();
        }
    }

    /// <summary>
    /// Runs a sub-plan inside the current run (a loop body): feeds are engine values, results stay engine
    /// values in the enclosing run's dispose scope and gradient mode.
    /// </summary>
    public object?[] RunSubPlan(ExecutionPlan plan, object[] feedValues, List<IDisposable> runDisposables)
    {
        var values = new object?[plan.SlotCount];
        for (int i = 0; i < feedValues.Length; i++) values[plan.FeedSlots[i]] = feedValues[i];
        RunSteps(plan, values, runDisposables);
        var results = new object?[plan.FetchSlots.Length];
        for (int i = 0; i < results.Length; i++) results[i] = plan.FetchSlots[i] < 0 ? null : values[plan.FetchSlots[i]];
        return results;
    }

    void RunSteps(ExecutionPlan plan, object?[] values, List<IDisposable> runDisposables)
    {
        var context = new KernelContext(this, values, runDisposables);
        for (int s = 0; s < plan.Steps.Length; s++)
        {
            var op = plan.Steps[s];
            if (op.Kernel == null) continue;
            context.Enter(op, plan.InputSlots[s], plan.OutputSlots[s]);
            try
            {
                op.Kernel(context);
            }
            // TF names the failing node in every kernel error.
            catch (InvalidArgumentError e) when (!e.Message.Contains("[[node ", StringComparison.Ordinal))
            {
                throw new InvalidArgumentError($"{e.Message}\n\t [[node {op.name} (op: {op.type})]]", e.InnerException);
            }
            // The last-resort guard: an engine failure becomes TF's error naming the node, never a raw torch trace.
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
}
