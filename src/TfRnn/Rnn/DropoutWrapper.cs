namespace TfRnn;

/// <summary>
/// tf.nn.rnn_cell.DropoutWrapper: dropout on the cell's inputs, outputs and state (for LSTM states only h is
/// dropped, as TF's default filter does). Keep probabilities may be tensors, so 1.0 can be fed at test time.
/// </summary>
public sealed class DropoutWrapper : RNNCell
{
    readonly RNNCell _cell;
    readonly object _inputKeep, _outputKeep, _stateKeep;
    readonly int? _seed;

    /// <summary>Wraps <paramref name="cell"/>, dropping its inputs, outputs and states with the given keep probabilities (numbers or tensors fed at run time; 1.0 when omitted).</summary>
    public DropoutWrapper(RNNCell cell, TensorLike? input_keep_prob = null, TensorLike? output_keep_prob = null, TensorLike? state_keep_prob = null,
        int? seed = null) : base("dropout_wrapper")
    {
        _cell = cell;
        _inputKeep = TensorLike.ValueOrNone(input_keep_prob) ?? 1.0;
        _outputKeep = TensorLike.ValueOrNone(output_keep_prob) ?? 1.0;
        _stateKeep = TensorLike.ValueOrNone(state_keep_prob) ?? 1.0;
        _seed = seed;
        foreach (var keep in new[] { _inputKeep, _outputKeep, _stateKeep })
            if (keep is double k && (k <= 0 || k > 1))
                throw new ValueError($"Parameter keep_prob must be between 0 and 1: {k}");
    }

    /// <summary>The cell inside the wrapper.</summary>
    public RNNCell wrapped_cell => _cell;
    /// <inheritdoc/>
    public override Nest<Shape> state_size => _cell.state_size;
    /// <inheritdoc/>
    public override int output_size => _cell.output_size;
    /// <inheritdoc/>
    public override IReadOnlyList<Variable> variables => _cell.variables;
    /// <inheritdoc/>
    public override Nest<Tensor> zero_state(TensorLike batch_size, TF_DataType dtype) => _cell.zero_state(batch_size, dtype);

    /// <summary>No scope of its own: the wrapped cell is called in the caller's scope, as in TF.</summary>
    public override (Nest<Tensor> output, Nest<Tensor> state) call(Nest<Tensor> inputs, Nest<Tensor> state, ScopeLike? scope = null)
    {
        var (output, newState) = _cell.call(inputs.Map(x => Drop(x, _inputKeep)), state, scope);
        if (!IsOne(_stateKeep))
            newState = newState.kind == NestKind.LSTMStateTuple
                ? new LSTMStateTuple(newState[0], Drop(newState.h, _stateKeep))
                : newState.Map(s => Drop(s, _stateKeep));
        return (output.Map(o => Drop(o, _outputKeep)), newState);
    }

    /// <inheritdoc/>
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state) => call(inputs, state);

    Tensor Drop(Tensor value, object keep) => IsOne(keep) ? value : tf.nn.dropout(value, OpBuilder.ToTensor(keep, value.dtype, "keep_prob"), seed: _seed);

    static bool IsOne(object keep) => keep is double k && k == 1.0 || keep is float f && f == 1.0f;
}
