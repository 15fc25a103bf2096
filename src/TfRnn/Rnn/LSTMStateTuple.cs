namespace TfRnn;

/// <summary>TF's <c>LSTMStateTuple(c, h)</c>: an LSTM state, field order (c, h).</summary>
public sealed class LSTMStateTuple : Nest<Tensor>
{
    /// <summary>The state with cell state <paramref name="c"/> and hidden state <paramref name="h"/>.</summary>
    public LSTMStateTuple(Nest<Tensor> c, Nest<Tensor> h) : base(NestKind.LSTMStateTuple, new[] { c, h }) { }

    /// <summary>The dtype of the state (both fields share it).</summary>
    public TF_DataType dtype => c.dtype;
}
