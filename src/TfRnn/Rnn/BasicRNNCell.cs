namespace TfRnn;

/// <summary>tf.nn.rnn_cell.BasicRNNCell: output = new_state = activation([x, h]·kernel + bias).</summary>
public sealed class BasicRNNCell : RNNCell
{
    readonly int _units;
    readonly Func<Tensor, Tensor> _activation;
    Variable? _kernel, _bias;

    /// <summary>TF1's BasicRNNCell: <c>output = new_state = activation(W·[input, state] + b)</c> with <paramref name="num_units"/> units (tanh by default).</summary>
    public BasicRNNCell(int num_units, Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null, string? name = null,
        TF_DataType dtype = TF_DataType.DtInvalid) : base("basic_rnn_cell", reuse, name, dtype)
    {
        _units = num_units;
        _activation = activation ?? (x => tf.tanh(x));
    }

    /// <inheritdoc/>
    public override Nest<Shape> state_size => new Shape(_units);
    /// <inheritdoc/>
    public override int output_size => _units;

    /// <inheritdoc/>
    protected override void Build(long inputDepth)
    {
        long depth = RequireDepth(inputDepth, "BasicRNNCell");
        _kernel = AddVariable("kernel", new Shape(depth + _units, _units));
        _bias = AddVariable("bias", new Shape(_units), tf.zeros_initializer());
    }

    /// <inheritdoc/>
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state)
    {
        var output = _activation(tf.nn.bias_add(tf.matmul(tf.concat(new object[] { inputs, state.Leaf }, 1), _kernel!), _bias!));
        return (output, output);
    }
}
