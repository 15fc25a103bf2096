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
        var body = new RnnLoopKernel(stepInputs.Flatten().ToArray(), stateLeaves, captures, outputLeaves, newStateLeaves, sequenceLength != null);
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
}
