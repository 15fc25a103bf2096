using TorchSharp;

namespace TfRnn;

/// <summary>
/// A run signature small enough to execute on the host: no gradients, every op has a host kernel, every
/// intermediate has a known shape of at most <see cref="MaxElements"/> elements. Sampling loops (one character,
/// batch 1, per <c>Session.run</c>) then pay no engine call per op: feeds stay host arrays, variables are read in
/// place, and results are the arrays the kernels wrote.
/// </summary>
internal sealed class HostPlan
{
    /// <summary>Beyond this many elements per value the engine's kernels (threaded, vectorized) win.</summary>
    public const long MaxElements = 1 << 14;

    readonly ExecutionPlan _plan;
    readonly HostKernel?[] _kernels;

    HostPlan(ExecutionPlan plan, HostKernel?[] kernels)
    {
        _plan = plan;
        _kernels = kernels;
    }

    /// <summary>The host form of <paramref name="plan"/>, or null when some step needs the engine.</summary>
    public static HostPlan? TryBuild(ExecutionPlan plan)
    {
        if (plan.NeedsGradients) return null;
        var kernels = new HostKernel?[plan.Steps.Length];
        for (int s = 0; s < plan.Steps.Length; s++)
        {
            var op = plan.Steps[s];
            if (op.Kernel == null) continue;
            if (op.type is not ("VariableV2" or "Identity") && !op.outputs.All(Small)) return null;
            kernels[s] = HostShapeKernels.For(op) ?? HostMathKernels.For(op) ?? HostStateKernels.For(op) ?? HostLstmKernel.For(op);
            if (kernels[s] == null) return null;
        }
        return new HostPlan(plan, kernels);
    }

    static bool Small(Tensor t) => t.shape.is_fully_defined && t.shape.dims!.Aggregate(1L, (n, d) => n * d) <= MaxElements;

    public NDArray?[] Run(ResourceStore resources, List<Tensor> feeds, List<object> feedValues)
    {
        var values = new object?[_plan.SlotCount];
        for (int i = 0; i < feeds.Count; i++)
            values[_plan.FeedSlots[i]] = TensorConversion.ToFeedArray(feedValues[i], feeds[i]);
        var context = new HostContext(resources, values);
        for (int s = 0; s < _kernels.Length; s++)
        {
            var kernel = _kernels[s];
            if (kernel == null) continue;
            var op = _plan.Steps[s];
            context.Enter(op, _plan.InputSlots[s], _plan.OutputSlots[s]);
            try
            {
                kernel(context);
            }
            // Host arrays raise ValueError for bad shapes; at run time TF's error is InvalidArgumentError naming the node.
            catch (Exception e) when (e is not OpError)
            {
                throw new InvalidArgumentError($"{e.Message.Split('\n')[0]}\n\t [[node {op.name} (op: {op.type})]]", e);
            }
        }
        return Results(values, feeds.Count);
    }

    /// <summary>The fetched values as arrays of their own: one that shares storage with a feed or another result is copied.</summary>
    NDArray?[] Results(object?[] values, int feedCount)
    {
        var owners = new HashSet<Array>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < feedCount; i++)
            if (values[_plan.FeedSlots[i]] is NDArray fed) owners.Add(fed.Storage);
        var results = new NDArray?[_plan.FetchSlots.Length];
        for (int i = 0; i < results.Length; i++)
        {
            int slot = _plan.FetchSlots[i];
            if (slot < 0) continue;
            var value = values[slot]!;
            var array = value is torch.Tensor engine ? TensorConversion.ToNDArray(engine.detach()) : (NDArray)value;
            results[i] = owners.Add(array.Storage) ? array : array.copy();
        }
        return results;
    }
}
