namespace TfRnn;

/// <summary>
/// tf.nn.rnn_cell.BasicLSTMCell: z = [x, h]·kernel + bias split into gates i, j, f, o;
/// c' = c·σ(f + forget_bias) + σ(i)·tanh(j); h' = tanh(c')·σ(o). forget_bias is added at run time.
/// </summary>
public sealed class BasicLSTMCell : RNNCell, IFusedLstmLayer
{
    readonly int _units;
    readonly bool _stateIsTuple;
    Variable? _kernel, _bias;

    /// <summary>TF1's BasicLSTMCell: <paramref name="num_units"/> units, one <c>[input + units, 4 * units]</c> kernel (gates i, j, f, o) and <paramref name="forget_bias"/> added to the forget gate.</summary>
    public BasicLSTMCell(int num_units, double forget_bias = 1.0, bool state_is_tuple = true, Func<Tensor, Tensor>? activation = null,
        ReuseFlag? reuse = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid) : base("basic_lstm_cell", reuse, name, dtype)
    {
        _units = num_units;
        this.forget_bias = forget_bias;
        _stateIsTuple = state_is_tuple;
        activation_function = activation;
    }

    /// <summary>The bias added to the forget gate's pre-activation (1.0 by default, as in TF).</summary>
    public double forget_bias { get; }
    internal Func<Tensor, Tensor>? activation_function { get; }

    /// <inheritdoc/>
    public override Nest<Shape> state_size => _stateIsTuple
        ? Nest<Shape>.CreatePair(new Shape(_units), new Shape(_units))
        : new Shape(2 * _units);
    /// <inheritdoc/>
    public override int output_size => _units;

    /// <inheritdoc/>
    protected override void Build(long inputDepth)
    {
        long depth = RequireDepth(inputDepth, "BasicLSTMCell");
        _kernel = AddVariable("kernel", new Shape(depth + _units, 4 * _units));
        _bias = AddVariable("bias", new Shape(4 * _units), tf.zeros_initializer());
    }

    /// <inheritdoc/>
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state)
    {
        var (c, h) = LstmState.Unpack(state, _stateIsTuple, _units, inputs);
        var gates = tf.split(tf.nn.bias_add(tf.matmul(tf.concat(new object[] { inputs, h }, 1), _kernel!), _bias!), 4, axis: 1);
        var activate = activation_function ?? (x => tf.tanh(x));
        var newC = c * tf.sigmoid(gates[2] + forget_bias) + tf.sigmoid(gates[0]) * activate(gates[1]);
        var newH = activate(newC) * tf.sigmoid(gates[3]);
        return (newH, LstmState.Pack(newC, newH, _stateIsTuple));
    }

    // ---- fused execution ------------------------------------------------------------------------
    bool IFusedLstmLayer.CanFuse => activation_function == null;
    LstmLayerSpec IFusedLstmLayer.Spec => new(_units, null, forget_bias, _stateIsTuple, UsePeepholes: false, CellClip: null, ProjClip: null);
    IReadOnlyList<Variable> IFusedLstmLayer.Weights => new[] { _kernel!, _bias! };
}
