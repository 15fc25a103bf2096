namespace TfRnn;

/// <summary>
/// tf.nn.rnn_cell.LSTMCell: BasicLSTMCell's gates plus optional peepholes (w_f_diag, w_i_diag, w_o_diag),
/// cell clipping, and a projection of the output (num_proj, proj_clip). State (c, m) with m the projected output.
/// </summary>
public sealed class LSTMCell : RNNCell, IFusedLstmLayer
{
    readonly int _units;
    readonly bool _usePeepholes, _stateIsTuple;
    readonly double? _cellClip, _projClip;
    readonly int? _numProj;
    readonly InitializerLike? _initializer;
    readonly Func<Tensor, Tensor>? _activation;
    Variable? _kernel, _bias, _wf, _wi, _wo, _projection;

    /// <summary>TF1's LSTMCell: BasicLSTMCell plus optional peepholes, cell clipping and an output projection of <paramref name="num_proj"/> units.</summary>
    public LSTMCell(int num_units, bool use_peepholes = false, double? cell_clip = null, InitializerLike? initializer = null, int? num_proj = null,
        double? proj_clip = null, double forget_bias = 1.0, bool state_is_tuple = true, Func<Tensor, Tensor>? activation = null,
        ReuseFlag? reuse = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid) : base("lstm_cell", reuse, name, dtype)
    {
        _units = num_units;
        _usePeepholes = use_peepholes;
        _cellClip = cell_clip;
        _initializer = initializer;
        _numProj = num_proj;
        _projClip = proj_clip;
        this.forget_bias = forget_bias;
        _stateIsTuple = state_is_tuple;
        _activation = activation;
    }

    /// <summary>The bias added to the forget gate's pre-activation.</summary>
    public double forget_bias { get; }
    int OutputDepth => _numProj ?? _units;

    /// <inheritdoc/>
    public override Nest<Shape> state_size => _stateIsTuple
        ? Nest<Shape>.CreatePair(new Shape(_units), new Shape(OutputDepth))
        : new Shape(_units + OutputDepth);
    /// <inheritdoc/>
    public override int output_size => OutputDepth;

    /// <inheritdoc/>
    protected override void Build(long inputDepth)
    {
        long depth = RequireDepth(inputDepth, "LSTMCell");
        _kernel = AddVariable("kernel", new Shape(depth + OutputDepth, 4 * _units), _initializer);
        _bias = AddVariable("bias", new Shape(4 * _units), tf.zeros_initializer());
        if (_usePeepholes)
        {
            _wf = AddVariable("w_f_diag", new Shape(_units), _initializer);
            _wi = AddVariable("w_i_diag", new Shape(_units), _initializer);
            _wo = AddVariable("w_o_diag", new Shape(_units), _initializer);
        }
        if (_numProj is int proj) _projection = AddVariable("projection/kernel", new Shape(_units, proj), _initializer);
    }

    /// <inheritdoc/>
    protected override (Tensor output, Nest<Tensor> state) Call(Tensor inputs, Nest<Tensor> state)
    {
        var (cPrev, mPrev) = LstmState.Unpack(state, _stateIsTuple, _units, inputs, OutputDepth);
        var activate = _activation ?? (x => tf.tanh(x));
        var gates = tf.split(tf.nn.bias_add(tf.matmul(tf.concat(new object[] { inputs, mPrev }, 1), _kernel!), _bias!), 4, axis: 1);
        Tensor i = gates[0], j = gates[1], f = gates[2], o = gates[3];
        var c = _usePeepholes
            ? tf.sigmoid(f + forget_bias + _wf! * cPrev) * cPrev + tf.sigmoid(i + _wi! * cPrev) * activate(j)
            : tf.sigmoid(f + forget_bias) * cPrev + tf.sigmoid(i) * activate(j);
        if (_cellClip is double clip) c = tf.clip_by_value(c, -clip, clip);
        var m = _usePeepholes ? tf.sigmoid(o + _wo! * c) * activate(c) : tf.sigmoid(o) * activate(c);
        if (_projection != null)
        {
            m = tf.matmul(m, _projection);
            if (_projClip is double pclip) m = tf.clip_by_value(m, -pclip, pclip);
        }
        return (m, LstmState.Pack(c, m, _stateIsTuple));
    }

    // ---- fused execution ------------------------------------------------------------------------
    bool IFusedLstmLayer.CanFuse => _activation == null;
    LstmLayerSpec IFusedLstmLayer.Spec => new(_units, _numProj, forget_bias, _stateIsTuple, _usePeepholes, _cellClip, _projClip);
    IReadOnlyList<Variable> IFusedLstmLayer.Weights =>
        new[] { _kernel!, _bias! }.Concat(_usePeepholes ? new[] { _wf!, _wi!, _wo! } : Array.Empty<Variable>())
            .Concat(_projection != null ? new[] { _projection } : Array.Empty<Variable>()).ToArray();
}
