namespace TfRnn;

/// <summary>What the fused kernel needs to know about one LSTM layer.</summary>
internal readonly record struct LstmLayerSpec(int Units, int? NumProj, double ForgetBias, bool StateIsTuple, bool UsePeepholes,
    double? CellClip, double? ProjClip)
{
    public int OutputDepth => NumProj ?? Units;
    /// <summary>kernel, bias, [w_f_diag, w_i_diag, w_o_diag], [projection].</summary>
    public int WeightCount => 2 + (UsePeepholes ? 3 : 0) + (NumProj != null ? 1 : 0);
    /// <summary>No peepholes, projection or cell clipping: the layer the fast kernels (libtorch's, the host's, LstmSequence) cover.</summary>
    public bool IsPlain => !UsePeepholes && NumProj == null && CellClip == null;
}

/// <summary>An LSTM cell whose whole sequence can run in one fused kernel.</summary>
internal interface IFusedLstmLayer
{
    bool CanFuse { get; }
    LstmLayerSpec Spec { get; }
    /// <summary>The variables in <see cref="LstmLayerSpec.WeightCount"/> order.</summary>
    IReadOnlyList<Variable> Weights { get; }
}

/// <summary>
/// A stack of TF-layout LSTM layers over a whole sequence as one op (its kernel: <see cref="FusedLstmKernel"/>).
/// Past a row's sequence_length its outputs are zero and its state is carried through, exactly as TF's loops do.
/// </summary>
internal static class FusedLstm
{
    /// <param name="x">[time, batch, depth] inputs.</param>
    /// <param name="initial">Per layer (c, h).</param>
    /// <returns>[time, batch, out] outputs and per-layer final (c, h).</returns>
    public static (Tensor outputs, (Tensor c, Tensor h)[] states) Build(LstmLayerSpec[] layers, Variable[][] weights, Tensor x,
        (Tensor c, Tensor h)[] initial, Tensor? sequenceLength, string name)
    {
        var inputs = new List<Tensor> { x };
        foreach (var (c, h) in initial) { inputs.Add(c); inputs.Add(h); }
        foreach (var layer in weights) inputs.AddRange(layer.Select(v => v.value()));
        if (sequenceLength != null) inputs.Add(sequenceLength);
        long time = x.shape[0], batch = x.shape[1];
        var outputs = new List<OutputSpec> { new(x.dtype, new Shape(time, batch, layers[^1].OutputDepth)) };
        foreach (var layer in layers)
        {
            outputs.Add(new OutputSpec(x.dtype, new Shape(batch, layer.Units)));
            outputs.Add(new OutputSpec(x.dtype, new Shape(batch, layer.OutputDepth)));
        }
        bool hasLengths = sequenceLength != null;
        var op = x.graph.CreateOp("FusedLSTM", name, inputs.ToArray(), outputs.ToArray(), ctx => FusedLstmKernel.Run(ctx, layers, hasLengths),
            new Dictionary<string, object?>
            {
                ["num_layers"] = layers.Length, ["layers"] = layers, ["has_lengths"] = new EngineAttr<bool>(hasLengths),
            });
        var states = Enumerable.Range(0, layers.Length).Select(l => (op.outputs[1 + 2 * l], op.outputs[2 + 2 * l])).ToArray();
        return (op.outputs[0], states);
    }
}
