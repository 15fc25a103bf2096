namespace TfRnn;

/// <summary>
/// tf.nn.rnn_cell.GRUCell: [r, u] = σ([x, h]·gates/kernel + gates/bias) (gate bias starts at 1.0);
/// candidate = tanh([x, r·h]·candidate/kernel + candidate/bias); h' = u·h + (1 − u)·candidate.
/// </summary>
public sealed class GRUCell : RNNCell
{
    readonly int _units;
    readonly Func<Tensor, Tensor> _activation;
    readonly InitializerLike? _kernelInitializer, _biasInitializer;
    Variable? _gateKernel, _gateBias, _candidateKernel, _candidateBias;

    /// <summary>TF1's GRUCell: reset and update gates from one <c>gates</c> kernel, the candidate from another (<paramref name="num_units"/> units).</summary>
    public GRUCell(int num_units, Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null, InitializerLike? kernel_initializer = null,
        InitializerLike? bias_initializer = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid) : base("gru_cell", reuse, name, dtype)
    {
        _units = num_units;
        _activation = activation ?? (x => tf.tanh(x));
        _kernelInitializer = kernel_initializer;
        _biasInitializer = bias_initializer;
    }

    /// <inheritdoc/>
    public override Nest<Shape> state_size => new Shape(_units);
    /// <inheritdoc/>
    public override int output_size => _units;

    /// <inheritdoc/>
    protected override void Build(long inputDepth)
    {
        long depth = RequireDepth(inputDepth, "GRUCell");
        _gateKernel = AddVariable("gates/kernel", new Shape(depth + _units, 2 * _units), _kernelInitializer);
        _gateBias = AddVariable("gates/bias", new Shape(2 * _units), _biasInitializer ?? tf.constant_initializer(1.0));
        _candidateKernel = AddVariable("candidate/kernel", new Shape(depth + _units, _units), _kernelInitializer);
        _candidateBias = AddVariable("candidate/bias", new Shape(_units), _biasInitializer ?? tf.zeros_initializer());
    }

    /// <inheritdoc/>
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state)
    {
        if (!state.IsLeaf) throw new ValueError($"Expected GRU state to be a single tensor, but received: {state}");
        var h = state.Leaf;
        var value = tf.sigmoid(tf.nn.bias_add(tf.matmul(tf.concat(new object[] { inputs, h }, 1), _gateKernel!), _gateBias!));
        var ru = tf.split(value, 2, axis: 1);
        Tensor r = ru[0], u = ru[1];
        var candidate = _activation(tf.nn.bias_add(tf.matmul(tf.concat(new object[] { inputs, r * h }, 1), _candidateKernel!), _candidateBias!));
        var newH = u * h + (1.0 - u) * candidate;
        return (newH, newH);
    }
}
