namespace TfRnn;

/// <summary>
/// tf.nn.rnn_cell.MultiRNNCell: cells stacked in layers (variables under <c>multi_rnn_cell/cell_N</c>);
/// layer i+1 reads layer i's output. Its state is a tuple of the layers' states, or one concatenated tensor.
/// </summary>
public sealed class MultiRNNCell : RNNCell
{
    readonly RNNCell[] _cells;
    readonly bool _stateIsTuple;

    /// <summary>TF1's MultiRNNCell: <paramref name="cells"/> stacked, each layer's output the next one's input; the state is the tuple of their states (or one concatenated state when <paramref name="state_is_tuple"/> is false).</summary>
    public MultiRNNCell(IEnumerable<RNNCell> cells, bool state_is_tuple = true) : base("multi_rnn_cell")
    {
        _cells = cells.ToArray();
        if (_cells.Length == 0) throw new ValueError("Must specify at least one cell for MultiRNNCell.");
        _stateIsTuple = state_is_tuple;
        if (!state_is_tuple && _cells.Any(c => !c.state_size.IsLeaf))
            throw new ValueError("Some cells return tuples of states, but the flag state_is_tuple is not set.");
    }

    /// <summary>The stacked cells, bottom first.</summary>
    public IReadOnlyList<RNNCell> cells => _cells;

    /// <inheritdoc/>
    public override Nest<Shape> state_size => _stateIsTuple
        ? Nest<Shape>.Tuple(_cells.Select(c => c.state_size).ToArray())
        : new Shape(_cells.Sum(c => c.state_size.Leaf[0]));
    /// <inheritdoc/>
    public override int output_size => _cells[^1].output_size;
    /// <inheritdoc/>
    public override IReadOnlyList<Variable> variables => _cells.SelectMany(c => c.variables).ToList();

    /// <inheritdoc/>
    public override Nest<Tensor> zero_state(TensorLike batch_size, TF_DataType dtype)
    {
        if (!_stateIsTuple) return base.zero_state(batch_size, dtype);
        using var scope = tf.name_scope("MultiRNNCellZeroState");
        return Nest<Tensor>.Tuple(_cells.Select(c => c.zero_state(batch_size, dtype)).ToArray());
    }

    /// <summary>Builds every layer in its <c>cell_N</c> scope (layer i reads layer i−1's output size).</summary>
    protected override void Build(long inputDepth)
    {
        long depth = inputDepth;
        for (int i = 0; i < _cells.Length; i++)
        {
            using (tf.variable_scope($"cell_{i}"))
                _cells[i].EnsureBuilt(depth, dtype);
            depth = _cells[i].output_size;
        }
    }

    /// <inheritdoc/>
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state)
    {
        var current = inputs;
        var newStates = new List<Nest<Tensor>>();
        long offset = 0;
        for (int i = 0; i < _cells.Length; i++)
        {
            using (tf.variable_scope($"cell_{i}"))
            {
                Nest<Tensor> layerState;
                if (_stateIsTuple)
                {
                    if (state.IsLeaf || state.Count != _cells.Length)
                        throw new ValueError($"Expected state to be a tuple of length {_cells.Length}, but received: {state}");
                    layerState = state[i];
                }
                else
                {
                    long size = _cells[i].state_size.Leaf[0];
                    layerState = tf.slice(state.Leaf, new[] { 0, (int)offset }, new[] { -1, (int)size });
                    offset += size;
                }
                var (output, newState) = _cells[i].call(current, layerState);
                current = output;
                newStates.Add(newState);
            }
        }
        var packed = _stateIsTuple ? Nest<Tensor>.Tuple(newStates.ToArray()) : tf.concat(newStates.Select(s => s.Leaf), 1);
        return (current, packed);
    }

    /// <summary>The layers as fusable LSTM layers, or null when some layer has no fused kernel.</summary>
    internal IFusedLstmLayer[]? FusedLayers => _cells.All(c => c is IFusedLstmLayer { CanFuse: true })
        ? _cells.Cast<IFusedLstmLayer>().ToArray()
        : null;

    internal bool StateIsTuple => _stateIsTuple;
}
