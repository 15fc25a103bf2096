namespace TfRnn;

/// <summary>
/// What one (fetches, feeds) signature runs: the ops the fetches need, pruned at fed tensors, in
/// execution order, with each tensor's value slot resolved ahead of time. Cached by the session's executor.
/// </summary>
internal sealed class ExecutionPlan
{
    public required Operation[] Steps { get; init; }
    public required int[][] InputSlots { get; init; }
    public required int[][] OutputSlots { get; init; }
    /// <summary>Slot of each fetched leaf; -1 for an operation (fetches nothing).</summary>
    public required int[] FetchSlots { get; init; }
    public required int[] FeedSlots { get; init; }
    public required int SlotCount { get; init; }
    /// <summary>True when some step computes gradients, so the run must record autograd history.</summary>
    public required bool NeedsGradients { get; init; }
    /// <summary>Per slot: a tensor some gradient op differentiates with respect to (its value must track gradients).</summary>
    public required bool[] GradientSources { get; init; }
    /// <summary>Per slot: a tensor listed in stop_gradients (its value is detached once produced).</summary>
    public required bool[] StopPoints { get; init; }

    /// <summary>The host form of this plan (small no-gradient runs), or null; decided once per plan.</summary>
    public HostPlan? Host => _host.Value;
    readonly Lazy<HostPlan?> _host;

    ExecutionPlan() => _host = new Lazy<HostPlan?>(() => HostPlan.TryBuild(this), LazyThreadSafetyMode.None);

    public static ExecutionPlan Build(Graph graph, IReadOnlyList<ITensorOrOperation> fetches, IReadOnlyList<Tensor> feeds)
    {
        var fed = new HashSet<Tensor>(feeds);
        if (fed.Count != feeds.Count) throw new ValueError("The same tensor is fed more than once in one run.");
        var substitutes = new Dictionary<Tensor, Tensor>();
        Tensor Resolve(Tensor t) => substitutes.TryGetValue(t, out var s) ? s : t;
        HashSet<Operation> Needed()
        {
            var needed = new HashSet<Operation>();
            var stack = new Stack<Operation>();
            void Need(Operation op)
            {
                if (needed.Add(op)) stack.Push(op);
            }
            foreach (var fetch in fetches)
            {
                if (fetch is Tensor t) { if (!fed.Contains(t)) Need(t.op); }
                else Need((Operation)fetch);
            }
            while (stack.Count > 0)
            {
                var op = stack.Pop();
                for (int i = op.ReferenceInputCount; i < op.inputs.Length; i++)
                    if (Resolve(op.inputs[i]) is var input && !fed.Contains(input)) Need(input.op);
                foreach (var control in op.control_inputs) Need(control);
            }
            return needed;
        }
        var needed = Needed();
        foreach (var (original, replacement) in TimeSliceShortcuts(needed, fed, fetches)) substitutes[original] = replacement;
        if (substitutes.Count > 0) needed = Needed();

        var steps = needed.OrderBy(op => op.Id).ToArray();
        foreach (var op in steps)
            if (op.IsPlaceholder)
                throw MissingFeed(op);

        var slots = new Dictionary<Tensor, int>();
        int Slot(Tensor t)
        {
            if (!slots.TryGetValue(t, out int s)) slots[t] = s = slots.Count;
            return s;
        }
        var feedSlots = feeds.Select(Slot).ToArray();
        var inputSlots = steps.Select(op => op.inputs.Select((t, i) => i < op.ReferenceInputCount ? -1 : Slot(Resolve(t))).ToArray()).ToArray();
        var outputSlots = steps.Select(op => op.outputs.Select(t => fed.Contains(t) ? -1 : Slot(t)).ToArray()).ToArray();
        var fetchSlots = fetches.Select(f => f is Tensor t ? Slot(t) : -1).ToArray();
        var gradientSpecs = steps.Select(op => op.Gradients).OfType<GradientsSpec>().ToArray();
        var gradientSources = new bool[slots.Count];
        var stopPoints = new bool[slots.Count];
        foreach (var spec in gradientSpecs)
        {
            foreach (var x in spec.Xs) if (slots.TryGetValue(x, out int s)) gradientSources[s] = true;
            foreach (var t in spec.StopGradients) if (slots.TryGetValue(t, out int s)) stopPoints[s] = true;
        }
        return new ExecutionPlan
        {
            Steps = steps,
            InputSlots = inputSlots,
            OutputSlots = outputSlots,
            FetchSlots = fetchSlots,
            FeedSlots = feedSlots,
            SlotCount = slots.Count,
            NeedsGradients = gradientSpecs.Length > 0,
            GradientSources = gradientSources,
            StopPoints = stopPoints,
        };
    }

    /// <summary>
    /// The shortcuts of <see cref="TimeSlices"/> this run may take: stacks of time slices replaced by their transposed
    /// source, and concatenations of unstacked steps by their source with time merged into depth. Taken when nothing in
    /// the run feeds, fetches, differentiates or stops the op or the steps between, and neither it nor its slicing ops
    /// wait on control inputs (skipping them would skip those).
    /// </summary>
    static IEnumerable<(Tensor original, Tensor replacement)> TimeSliceShortcuts(HashSet<Operation> needed, HashSet<Tensor> fed,
        IReadOnlyList<ITensorOrOperation> fetches)
    {
        var kept = new HashSet<Tensor>(fed);
        kept.UnionWith(fetches.OfType<Tensor>());
        foreach (var spec in needed.Select(op => op.Gradients).OfType<GradientsSpec>())
        {
            kept.UnionWith(spec.Xs);
            kept.UnionWith(spec.StopGradients);
        }
        foreach (var op in needed)
            if (TimeSlices.For(op) is { } shortcut && !kept.Contains(op.outputs[0]) && !shortcut.Between.Any(kept.Contains)
                && shortcut.SlicingOps.Append(op).All(o => o.control_inputs.Count == 0))
                yield return (op.outputs[0], shortcut.Replacement);
    }

    static InvalidArgumentError MissingFeed(Operation placeholder)
    {
        var output = placeholder.outputs[0];
        string shape = output.shape.is_known_rank ? $" and shape {output.shape.ToShapeFunctionString()}" : "";
        return new InvalidArgumentError(
            $"You must feed a value for placeholder tensor '{placeholder.name}' with dtype {output.dtype.KernelName()}{shape}");
    }
}
