using TorchSharp;

namespace TfRnn;

/// <summary>
/// A recurrent loop over any cell in one op: the cell's step is built once as a subgraph (placeholders for
/// the step inputs and state) and run as a cached sub-plan per time step. Tensors the step reads from
/// outside (its variables, constants) are captured as op inputs, so pruning and gradients see them.
/// Inputs, outputs and states may all be nests (tuples) of tensors.
/// </summary>
internal static class RnnLoop
{
    /// <param name="x">[time, batch, …] inputs (a nest of them for cells with tuple inputs).</param>
    /// <returns>[time, batch, …] outputs, nested like the cell's output, and the final state.</returns>
    public static (Nest<Tensor> outputs, Nest<Tensor> state) Build(RNNCell cell, Nest<Tensor> x, Nest<Tensor> initialState, Tensor? sequenceLength, string name)
    {
        var inputLeaves = x.Flatten().ToArray();
        var graph = inputLeaves[0].graph;
        Nest<Tensor> stepInputs, stepState, stepOutputs, stepNewState;
        using (tf.name_scope("while"))
        {
            stepInputs = x.Map(leaf => tf.placeholder(leaf.dtype, leaf.shape.Slice(1), "step_input"));
            stepState = initialState.Map(s => tf.placeholder(s.dtype, s.shape, "step_state"));
            (stepOutputs, stepNewState) = cell.call(stepInputs, stepState);
        }
        var stateLeaves = stepState.Flatten().ToArray();
        var newStateLeaves = stepNewState.Flatten().ToArray();
        var outputLeaves = stepOutputs.Flatten().ToArray();
        if (newStateLeaves.Length != stateLeaves.Length)
            throw new ValueError($"The cell returned a state of {newStateLeaves.Length} tensors for a state of {stateLeaves.Length}.");
        var placeholders = stepInputs.Flatten().Concat(stateLeaves).ToArray();
        var captures = Captures(placeholders, outputLeaves.Concat(newStateLeaves).ToArray());

        var initialLeaves = initialState.Flatten().ToArray();
        var inputs = new List<Tensor>(inputLeaves);
        inputs.AddRange(initialLeaves);
        if (sequenceLength != null) inputs.Add(sequenceLength);
        inputs.AddRange(captures);
        long time = inputLeaves[0].shape[0];
        var outputSpecs = outputLeaves.Select(o => new OutputSpec(o.dtype, new Shape(time).concatenate(o.shape)))
            .Concat(newStateLeaves.Select((s, i) => new OutputSpec(s.dtype, initialLeaves[i].shape.merge_with(s.shape))))
            .ToArray();
        var body = new StepBody(stepInputs.Flatten().ToArray(), stateLeaves, captures, outputLeaves, newStateLeaves, sequenceLength != null);
        var op = graph.CreateOp("RnnLoop", name, inputs.ToArray(), outputSpecs, body.Run,
            new Dictionary<string, object?> { ["cell"] = cell.GetType().Name });
        var outputs = stepOutputs.Pack(((IEnumerable<Tensor>)op.outputs.Take(outputLeaves.Length)).GetEnumerator());
        var finalState = initialState.Pack(((IEnumerable<Tensor>)op.outputs.Skip(outputLeaves.Length)).GetEnumerator());
        return (outputs, finalState);
    }

    /// <summary>Tensors the step uses that do not depend on its placeholders: they are computed once, outside.</summary>
    static Tensor[] Captures(Tensor[] placeholders, Tensor[] results)
    {
        var dependent = new Dictionary<Operation, bool>();
        bool DependsOnStep(Operation op)
        {
            if (dependent.TryGetValue(op, out bool known)) return known;
            bool result = placeholders.Any(p => p.op == op) || op.inputs.Any(i => DependsOnStep(i.op)) || op.control_inputs.Any(DependsOnStep);
            dependent[op] = result;
            return result;
        }
        var captures = new List<Tensor>();
        var seen = new HashSet<Operation>();
        var stack = new Stack<Operation>(results.Select(r => r.op));
        while (stack.Count > 0)
        {
            var op = stack.Pop();
            if (!seen.Add(op) || !DependsOnStep(op)) continue;
            foreach (var input in op.inputs)
            {
                if (DependsOnStep(input.op)) stack.Push(input.op);
                else if (!captures.Contains(input)) captures.Add(input);
            }
        }
        return captures.ToArray();
    }

    /// <summary>The loop kernel: feeds each step's inputs, state and captures to the step sub-plan.</summary>
    sealed class StepBody(Tensor[] inputs, Tensor[] state, Tensor[] captures, Tensor[] outputs, Tensor[] newState, bool hasLengths)
    {
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
                var shape = new[] { batch }.Concat(StaticTail(outputs[o])).ToArray();
                for (long t = steps; t < time; t++)
                    perStep[o].Add(perStep[o].Count > 0 ? torch.zeros_like(perStep[o][0]) : torch.zeros(shape, dtype: xs[0].dtype));
                ctx.Output(o, perStep[o].Count > 0 ? torch.stack(perStep[o]) : torch.zeros(new[] { 0L }.Concat(shape).ToArray(), dtype: xs[0].dtype));
            }
            for (int i = 0; i < k; i++) ctx.Output(nOut + i, current[i]);
        }

        static long[] StaticTail(Tensor output) =>
            output.shape.is_fully_defined ? output.shape.as_list()[1..] : throw new ValueError($"RNN output {output.name} needs a known shape when no step runs");

        static torch.Tensor Expand(torch.Tensor alive, torch.Tensor like) =>
            alive.reshape(new[] { alive.shape[0] }.Concat(Enumerable.Repeat(1L, (int)like.dim() - 1)).ToArray());
    }
}
