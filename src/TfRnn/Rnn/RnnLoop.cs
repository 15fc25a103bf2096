using TorchSharp;

namespace TfRnn;

/// <summary>
/// A recurrent loop over any cell in one op: the cell's step is built once as a subgraph (placeholders for
/// the step input and state) and run as a cached sub-plan per time step. Tensors the step reads from
/// outside (its variables, constants) are captured as op inputs, so pruning and gradients see them.
/// </summary>
internal static class RnnLoop
{
    /// <param name="x">[time, batch, depth] inputs.</param>
    /// <returns>[time, batch, output] outputs and the final state.</returns>
    public static (Tensor outputs, Nest<Tensor> state) Build(RNNCell cell, Tensor x, Nest<Tensor> initialState, Tensor? sequenceLength, string name)
    {
        var graph = x.graph;
        Tensor stepInput;
        Nest<Tensor> stepState;
        Tensor stepOutput;
        Nest<Tensor> stepNewState;
        using (tf.name_scope("while"))
        {
            stepInput = tf.placeholder(x.dtype, x.shape.Slice(1), "step_input");
            stepState = initialState.Map(s => tf.placeholder(s.dtype, s.shape, "step_state"));
            (stepOutput, stepNewState) = cell.call(stepInput, stepState);
        }
        var stateLeaves = stepState.Flatten().ToArray();
        var newStateLeaves = stepNewState.Flatten().ToArray();
        if (newStateLeaves.Length != stateLeaves.Length)
            throw new ValueError($"The cell returned a state of {newStateLeaves.Length} tensors for a state of {stateLeaves.Length}.");
        var captures = Captures(new[] { stepInput }.Concat(stateLeaves).ToArray(), new[] { stepOutput }.Concat(newStateLeaves).ToArray());

        var initialLeaves = initialState.Flatten().ToArray();
        var inputs = new List<Tensor> { x };
        inputs.AddRange(initialLeaves);
        if (sequenceLength != null) inputs.Add(sequenceLength);
        inputs.AddRange(captures);
        var outputSpecs = new[] { new OutputSpec(stepOutput.dtype, new Shape(x.shape[0]).concatenate(stepOutput.shape)) }
            .Concat(newStateLeaves.Select((s, i) => new OutputSpec(s.dtype, initialLeaves[i].shape.merge_with(s.shape))))
            .ToArray();
        var body = new StepBody(stepInput, stateLeaves, captures, stepOutput, newStateLeaves, sequenceLength != null);
        var op = graph.CreateOp("RnnLoop", name, inputs.ToArray(), outputSpecs, body.Run,
            new Dictionary<string, object?> { ["cell"] = cell.GetType().Name });
        var finalState = initialState.Pack(((IEnumerable<Tensor>)op.outputs.Skip(1)).GetEnumerator());
        return (op.outputs[0], finalState);
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

    /// <summary>The loop kernel: feeds each step's input, state and captures to the step sub-plan.</summary>
    sealed class StepBody(Tensor input, Tensor[] state, Tensor[] captures, Tensor output, Tensor[] newState, bool hasLengths)
    {
        ExecutionPlan? _plan;

        public void Run(KernelContext ctx)
        {
            _plan ??= ExecutionPlan.Build(input.graph, new ITensorOrOperation[] { output }.Concat(newState).ToList(),
                new[] { input }.Concat(state).Concat(captures).ToList());
            var x = ctx.Input(0);
            long time = x.shape[0];
            int k = state.Length;
            var current = new torch.Tensor[k];
            for (int i = 0; i < k; i++) current[i] = ctx.Input(1 + i);
            var lengths = hasLengths ? ctx.Input(1 + k).to_type(torch.ScalarType.Int64) : null;
            int captureStart = 1 + k + (hasLengths ? 1 : 0);
            long steps = lengths is null ? time : Math.Min(time, lengths.numel() == 0 ? 0 : lengths.max().item<long>());

            var feeds = new object[1 + k + captures.Length];
            for (int c = 0; c < captures.Length; c++) feeds[1 + k + c] = ctx.InputValue(captureStart + c);
            var outputs = new List<torch.Tensor>();
            for (long t = 0; t < steps; t++)
            {
                feeds[0] = x[t];
                for (int i = 0; i < k; i++) feeds[1 + i] = current[i];
                var results = ctx.Session.RunSubPlan(_plan, feeds);
                var stepOutput = (torch.Tensor)results[0]!;
                if (lengths is not null)
                {
                    var alive = EngineMath.Greater(lengths, t);       // [batch]
                    stepOutput = torch.where(Expand(alive, stepOutput), stepOutput, torch.zeros_like(stepOutput));
                    for (int i = 0; i < k; i++)
                    {
                        var updated = (torch.Tensor)results[1 + i]!;
                        // A scalar state (no batch axis) cannot be copied through per row; TF takes the new value.
                        current[i] = updated.dim() == 0 ? updated : torch.where(Expand(alive, updated), updated, current[i]);
                    }
                }
                else
                {
                    for (int i = 0; i < k; i++) current[i] = (torch.Tensor)results[1 + i]!;
                }
                outputs.Add(stepOutput);
            }
            var outputShape = output.shape.is_fully_defined ? output.shape.as_list() : null;
            for (long t = steps; t < time; t++)
                outputs.Add(outputs.Count > 0 ? torch.zeros_like(outputs[0]) : ZeroOutput(x, outputShape));
            ctx.Output(0, outputs.Count > 0 ? torch.stack(outputs) : torch.zeros(new[] { 0L }.Concat(outputShape ?? new[] { x.shape[1] }).ToArray(), dtype: x.dtype));
            for (int i = 0; i < k; i++) ctx.Output(1 + i, current[i]);
        }

        static torch.Tensor Expand(torch.Tensor alive, torch.Tensor like) =>
            alive.reshape(new[] { alive.shape[0] }.Concat(Enumerable.Repeat(1L, (int)like.dim() - 1)).ToArray());

        static torch.Tensor ZeroOutput(torch.Tensor x, long[]? shape) =>
            torch.zeros(shape?.Select((d, i) => i == 0 ? x.shape[1] : d).ToArray() ?? new[] { x.shape[1] }, dtype: x.dtype);
    }
}
