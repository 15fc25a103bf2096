using TorchSharp;

namespace TfRnn;

/// <summary>
/// A run signature small enough to execute on the host: no gradients, every op has a host kernel, every
/// intermediate has a known shape of at most <see cref="MaxElements"/> elements. Sampling loops (one character,
/// batch 1, per <c>Session.run</c>) then pay no engine call per op: feeds stay host arrays, variables are read in
/// place. The plan keeps each op's output arrays from one run to the next (reused while their shapes are
/// unchanged), so a run allocates only its results: fresh copies of the fetched values.
/// </summary>
internal sealed class HostPlan
{
    /// <summary>Beyond this many elements per value the engine's kernels (threaded, vectorized) win.</summary>
    public const long MaxElements = 1 << 14;

    readonly ExecutionPlan _plan;
    readonly Workspace _workspace;
    int _busy;   // 1 while a run uses _workspace; a concurrent run of the same plan makes its own

    HostPlan(ExecutionPlan plan, HostKernel?[] kernels)
    {
        _plan = plan;
        _workspace = new Workspace(plan, kernels);
    }

    /// <summary>The host form of <paramref name="plan"/>, or null when some step needs the engine.</summary>
    public static HostPlan? TryBuild(ExecutionPlan plan)
    {
        if (plan.NeedsGradients) return null;
        foreach (var op in plan.Steps)
            if (op.Kernel != null && op.type is not ("VariableV2" or "Identity") && !op.outputs.All(Small)) return null;
        var kernels = Kernels(plan);
        return kernels.Where((k, s) => k == null && plan.Steps[s].Kernel != null).Any() ? null : new HostPlan(plan, kernels);
    }

    /// <summary>A host kernel per step (null for a step without a kernel, or one the host cannot run).</summary>
    static HostKernel?[] Kernels(ExecutionPlan plan) => plan.Steps
        .Select(op => op.Kernel == null ? null
            : HostShapeKernels.For(op) ?? HostMathKernels.For(op) ?? HostStateKernels.For(op) ?? HostLstmKernel.For(op))
        .ToArray();

    static bool Small(Tensor t) => t.shape.is_fully_defined && t.shape.dims!.Aggregate(1L, (n, d) => n * d) <= MaxElements;

    public NDArray?[] Run(ResourceStore resources, IReadOnlyList<Tensor> feeds, IReadOnlyList<object> feedValues)
    {
        bool own = Interlocked.Exchange(ref _busy, 1) == 0;
        var workspace = own ? _workspace : new Workspace(_plan, Kernels(_plan));
        try
        {
            return workspace.Run(resources, feeds, feedValues);
        }
        finally
        {
            if (own) Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>What one run works in: slot values, the ops' output arrays, feed copies and the kernels' own scratch.</summary>
    sealed class Workspace
    {
        readonly ExecutionPlan _plan;
        readonly HostKernel?[] _kernels;
        readonly object?[] _values;
        readonly long[]?[] _relabelled;
        readonly NDArray?[] _fedCopies;
        readonly HostContext _context;

        public Workspace(ExecutionPlan plan, HostKernel?[] kernels)
        {
            _plan = plan;
            _kernels = kernels;
            _values = new object?[plan.SlotCount];
            _relabelled = new long[]?[plan.SlotCount];
            _fedCopies = new NDArray?[plan.FeedSlots.Length];
            var outputs = plan.Steps.Select(op => new NDArray?[op.outputs.Length]).ToArray();
            _context = new HostContext(_values, _relabelled, outputs);
        }

        public NDArray?[] Run(ResourceStore resources, IReadOnlyList<Tensor> feeds, IReadOnlyList<object> feedValues)
        {
            try
            {
                for (int i = 0; i < feeds.Count; i++)
                {
                    int slot = _plan.FeedSlots[i];
                    _values[slot] = FeedArray(i, feedValues[i], feeds[i]);
                    _relabelled[slot] = null;
                }
                var context = _context;
                context.Resources = resources;
                for (int s = 0; s < _kernels.Length; s++)
                {
                    var kernel = _kernels[s];
                    if (kernel == null) continue;
                    var op = _plan.Steps[s];
                    context.Enter(op, s, _plan.InputSlots[s], _plan.OutputSlots[s]);
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
                return Results();
            }
            finally
            {
                Array.Clear(_values);   // hold no caller's array past the run
            }
        }

        /// <summary>
        /// A feed as a host array of the target's dtype: an NDArray that already is one is used as it is (kernels never
        /// write their inputs); a C# array of the right element type and shape is copied into this feed's own array.
        /// </summary>
        object FeedArray(int feed, object value, Tensor target)
        {
            if (value is NDArray array && array.dtype == target.dtype && Fits(array.Dims, target.shape)) return array;
            if (value is Array source && source.GetType().GetElementType() is { IsPrimitive: true } element
                && target.dtype != TF_DataType.TF_STRING && element == target.dtype.ToClrType() && Fits(source, target.shape))
                return CopyInto(ref _fedCopies[feed], source);
            return TensorConversion.ToFeedArray(value, target);
        }

        static NDArray CopyInto(ref NDArray? copy, Array source)
        {
            if (copy == null || copy.ndim != source.Rank || !SameLengths(copy.Dims, source))
            {
                var dims = new long[source.Rank];
                for (int r = 0; r < dims.Length; r++) dims[r] = source.GetLength(r);
                copy = new NDArray(Array.CreateInstance(source.GetType().GetElementType()!, source.Length), dims);
            }
            Buffer.BlockCopy(source, 0, copy.Storage, 0, Buffer.ByteLength(source));
            return copy;
        }

        static bool SameLengths(long[] dims, Array source)
        {
            for (int r = 0; r < dims.Length; r++)
                if (dims[r] != source.GetLength(r)) return false;
            return true;
        }

        /// <summary><see cref="Shape.is_compatible_with"/> without making a Shape.</summary>
        static bool Fits(long[] dims, Shape shape)
        {
            if (shape.dims is not { } expected) return true;
            if (expected.Length != dims.Length) return false;
            for (int i = 0; i < dims.Length; i++)
                if (expected[i] >= 0 && expected[i] != dims[i]) return false;
            return true;
        }

        static bool Fits(Array source, Shape shape)
        {
            if (shape.dims is not { } expected) return true;
            if (expected.Length != source.Rank) return false;
            for (int i = 0; i < expected.Length; i++)
                if (expected[i] >= 0 && expected[i] != source.GetLength(i)) return false;
            return true;
        }

        /// <summary>
        /// The fetched values as arrays of their own: copies, so the plan may write its arrays again next run and a
        /// fed array that is fetched is never the caller's. Dimension arrays are shared: NDArrays never write them.
        /// </summary>
        NDArray?[] Results()
        {
            var results = new NDArray?[_plan.FetchSlots.Length];
            for (int i = 0; i < results.Length; i++)
            {
                int slot = _plan.FetchSlots[i];
                if (slot < 0) continue;
                var dims = _relabelled[slot];
                results[i] = _values[slot] switch
                {
                    NDArray array => new NDArray(NDArray.CopyOf(array.Storage), dims ?? array.Dims),
                    var engine => Relabelled(TensorConversion.ToNDArray(((torch.Tensor)engine!).detach()), dims),
                };
            }
            return results;
        }

        static NDArray Relabelled(NDArray array, long[]? dims) => dims == null ? array : new NDArray(array.Storage, dims);
    }
}
