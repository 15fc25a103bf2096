namespace TfRnn;

/// <summary>
/// Runs a cell over a time-major sequence as one op: the fused LSTM kernel when every layer is a plain
/// (Basic)LSTM, otherwise the generic step loop. Both follow TF's sequence_length semantics.
/// </summary>
internal static class RnnSequence
{
    /// <summary>Test hook: force the generic loop so both paths can be compared.</summary>
    internal static bool DisableFusion { get; set; }

    public static (Tensor outputs, Nest<Tensor> state) Run(RNNCell cell, Tensor x, Nest<Tensor>? initialState, TF_DataType dtype,
        Tensor? sequenceLength)
    {
        if (!x.shape.is_known_rank || x.ndim < 3)
            throw new ValueError($"RNN inputs must have rank 3 or more ([time, batch, features…] or [batch, time, features…]), saw shape {x.shape}");
        if (!x.dtype.is_floating())
            throw new ValueError($"RNN cell only supports floating point inputs, but saw dtype: {x.dtype.as_numpy_name()}");
        if (x.shape.Slice(2).dims!.Any(d => d < 0))
            throw new ValueError($"Input size (depth of inputs) must be accessible via shape inference, but saw value None ({x.shape}).");
        var state = initialState ?? ZeroState(cell, x, dtype);
        var layers = FusedLayers(cell);
        if (layers != null && x.ndim == 3 && !DisableFusion) return RunFused(cell, layers, x, state, sequenceLength);
        var (outputs, final) = RnnLoop.Build(cell, x, state, sequenceLength, "rnn_loop");
        if (!outputs.IsLeaf)
            throw new ValueError($"{cell.GetType().Name} returns a tuple of outputs {outputs}; pass the inputs as a Nest<Tensor> to get them all.");
        return (outputs.Leaf, final);
    }

    /// <summary>The generic loop over tuple inputs ([time, batch, …] leaves) or a cell with tuple outputs.</summary>
    public static (Nest<Tensor> outputs, Nest<Tensor> state) RunNested(RNNCell cell, Nest<Tensor> x, Nest<Tensor>? initialState, TF_DataType dtype,
        Tensor? sequenceLength)
    {
        var first = x.Flatten().First();
        foreach (var leaf in x.Flatten())
        {
            if (!leaf.shape.is_known_rank || leaf.ndim < 3)
                throw new ValueError($"RNN inputs must have rank 3 or more ([time, batch, features…]), saw {leaf.name} with shape {leaf.shape}");
            if (!leaf.dtype.is_floating())
                throw new ValueError($"RNN cell only supports floating point inputs, but saw dtype: {leaf.dtype.as_numpy_name()}");
        }
        var state = initialState ?? ZeroState(cell, first, dtype);
        return RnnLoop.Build(cell, x, state, sequenceLength, "rnn_loop");
    }

    static Nest<Tensor> ZeroState(RNNCell cell, Tensor x, TF_DataType dtype)
    {
        if (dtype == TF_DataType.DtInvalid) throw new ValueError("If there is no initial_state, you must give a dtype.");
        TensorLike batch = x.shape[1] >= 0 ? (TensorLike)(int)x.shape[1] : tf.shape(x)[1];
        return cell.zero_state(batch, dtype);
    }

    static IFusedLstmLayer[]? FusedLayers(RNNCell cell) => cell switch
    {
        IFusedLstmLayer { CanFuse: true } single => new[] { single },
        MultiRNNCell multi => multi.FusedLayers,
        _ => null,
    };

    static (Tensor, Nest<Tensor>) RunFused(RNNCell cell, IFusedLstmLayer[] layers, Tensor x, Nest<Tensor> state, Tensor? sequenceLength)
    {
        cell.EnsureBuilt(x.shape[2], x.dtype);
        var specs = layers.Select(l => l.Spec).ToArray();
        var layerStates = SplitLayers(cell, specs, state);
        var initial = specs.Select((spec, i) => SplitLstm(layerStates[i], spec)).ToArray();
        var (outputs, finals) = FusedLstm.Build(specs, layers.Select(l => l.Weights.ToArray()).ToArray(), x, initial, sequenceLength, "fused_lstm");
        var packed = specs.Select((spec, i) => LstmState.Pack(finals[i].c, finals[i].h, spec.StateIsTuple)).ToArray();
        Nest<Tensor> finalState = cell is MultiRNNCell multi
            ? multi.StateIsTuple ? Nest<Tensor>.Tuple(packed) : tf.concat(packed.Select(p => p.Leaf), 1)
            : packed[0];
        return (outputs, finalState);
    }

    /// <summary>The per-layer states of <paramref name="state"/> (a MultiRNNCell state is a tuple or a concatenation).</summary>
    static Nest<Tensor>[] SplitLayers(RNNCell cell, LstmLayerSpec[] specs, Nest<Tensor> state)
    {
        if (cell is not MultiRNNCell multi) return new[] { state };
        if (multi.StateIsTuple)
        {
            if (state.IsLeaf || state.Count != specs.Length)
                throw new ValueError($"Expected state to be a tuple of length {specs.Length}, but received: {state}");
            return state.Items.ToArray();
        }
        var sizes = specs.Select(s => s.Units + s.OutputDepth).ToArray();
        return tf.split(state.Leaf, sizes, axis: 1).Select(t => (Nest<Tensor>)t).ToArray();
    }

    static (Tensor c, Tensor h) SplitLstm(Nest<Tensor> state, LstmLayerSpec spec)
    {
        if (spec.StateIsTuple)
        {
            if (state.IsLeaf || state.Count != 2) throw new ValueError($"Expected an LSTM state (c, h), but received: {state}");
            return (state[0].Leaf, state[1].Leaf);
        }
        if (!state.IsLeaf) throw new ValueError($"Expected a single [c | h] state tensor, but received: {state}");
        var parts = tf.split(state.Leaf, new[] { spec.Units, spec.OutputDepth }, axis: 1);
        return (parts[0], parts[1]);
    }

    /// <summary>sequence_length as an int32 vector, with TF's error for anything else.</summary>
    public static Tensor? Lengths(TensorLike? sequence_length)
    {
        if (TensorLike.ValueOrNone(sequence_length) is not { } sequenceLength) return null;
        var lengths = OpBuilder.ToTensor(sequenceLength, TF_DataType.DtInvalid, "sequence_length");
        if (lengths.shape.is_known_rank && lengths.ndim != 1)
            throw new ValueError($"sequence_length must be a vector of length batch_size, but saw shape: {lengths.shape}");
        if (!lengths.dtype.is_integer()) throw new TypeError($"sequence_length must be an integer vector, got {lengths.dtype.as_numpy_name()}");
        return tf.cast(lengths, tf.int32, "sequence_length");
    }

    /// <summary>Reverses the valid prefix of each row along time (or all steps without lengths).</summary>
    public static Tensor Reverse(Tensor x, Tensor? lengths, int timeAxis, int batchAxis) =>
        lengths != null ? tf.reverse_sequence(x, lengths, seq_axis: timeAxis, batch_axis: batchAxis) : tf.reverse(x, new[] { timeAxis });
}
