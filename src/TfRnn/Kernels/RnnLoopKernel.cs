using TorchSharp;

namespace TfRnn;

/// <summary>
/// The kernel of an RnnLoop op: runs the cell's step subgraph as a sub-plan once per time step, feeding
/// each step's inputs, the current state and the captured outer tensors. Past a row's sequence_length its
/// outputs are zero and its state is carried through, as TF's loops do.
/// </summary>
/// <remarks>
/// Op inputs: [time, batch, …] inputs, the initial state, sequence_length (when given), then the captures.
/// The step's placeholders are <c>inputs</c> and <c>state</c>; its results <c>outputs</c> and <c>newState</c>.
/// </remarks>
internal sealed class RnnLoopKernel(Tensor[] inputs, Tensor[] state, Tensor[] captures, Tensor[] outputs, Tensor[] newState, bool hasLengths)
{
    /// <summary>The step sub-plan, built on first run: the step subgraph is fixed once the op exists.</summary>
    ExecutionPlan? _plan;

    public void Run(KernelContext ctx)
    {
        _plan ??= ExecutionPlan.Build(inputs[0].graph, outputs.Concat(newState).Cast<ITensorOrOperation>().ToList(),
            inputs.Concat(state).Concat(captures).ToList());
        int nIn = inputs.Length, k = state.Length, nOut = outputs.Length;
        var xs = new torch.Tensor[nIn];
        for (int i = 0; i < nIn; i++) xs[i] = ctx.Input(i);
        long time = xs[0].shape[0], batch = xs[0].shape[1];
        var current = new torch.Tensor[k];
        for (int i = 0; i < k; i++) current[i] = ctx.Input(nIn + i);
        var lengths = hasLengths ? ctx.Input(nIn + k).to_type(torch.ScalarType.Int64) : null;
        int captureStart = nIn + k + (hasLengths ? 1 : 0);
        long steps = lengths is null ? time : Math.Min(time, lengths.numel() == 0 ? 0 : lengths.max().item<long>());

        var feeds = new object[nIn + k + captures.Length];
        for (int c = 0; c < captures.Length; c++) feeds[nIn + k + c] = ctx.InputValue(captureStart + c);
        var perStep = Enumerable.Range(0, nOut).Select(_ => new List<torch.Tensor>()).ToArray();
        for (long t = 0; t < steps; t++)
        {
            for (int i = 0; i < nIn; i++) feeds[i] = xs[i][t];
            for (int i = 0; i < k; i++) feeds[nIn + i] = current[i];
            var results = ctx.RunSubPlan(_plan, feeds);
            var alive = lengths is null ? null : EngineMath.Greater(lengths, t);   // [batch]
            for (int o = 0; o < nOut; o++)
            {
                var value = (torch.Tensor)results[o]!;
                perStep[o].Add(alive is null ? value : torch.where(Expand(alive, value), value, torch.zeros_like(value)));
            }
            for (int i = 0; i < k; i++)
            {
                var updated = (torch.Tensor)results[nOut + i]!;
                // A state without a batch axis cannot be copied through per row; TF takes the new value.
                current[i] = alive is null || updated.dim() == 0 ? updated : torch.where(Expand(alive, updated), updated, current[i]);
            }
        }
        for (int o = 0; o < nOut; o++)
        {
            // The static shape is needed only when no step ran; the batch comes from the inputs, not the graph.
            if (perStep[o].Count == 0 && time > 0) perStep[o].Add(torch.zeros(StepShape(outputs[o], batch), dtype: xs[0].dtype));
            for (long t = perStep[o].Count; t < time; t++) perStep[o].Add(torch.zeros_like(perStep[o][0]));
            ctx.Output(o, time > 0 ? torch.stack(perStep[o]) : torch.zeros(new[] { 0L }.Concat(StepShape(outputs[o], batch)).ToArray(), dtype: xs[0].dtype));
        }
        for (int i = 0; i < k; i++) ctx.Output(nOut + i, current[i]);
    }

    /// <summary>[batch, …] of one step's output: the run's batch and the output's static tail.</summary>
    static long[] StepShape(Tensor output, long batch)
    {
        var tail = output.shape.is_known_rank ? output.shape.as_list()[1..] : null;
        if (tail is null || tail.Any(d => d < 0)) throw new ValueError($"RNN output {output.name} needs a known shape when no step runs");
        return new[] { batch }.Concat(tail).ToArray();
    }

    static torch.Tensor Expand(torch.Tensor alive, torch.Tensor like) =>
        alive.reshape(new[] { alive.shape[0] }.Concat(Enumerable.Repeat(1L, (int)like.dim() - 1)).ToArray());
}
