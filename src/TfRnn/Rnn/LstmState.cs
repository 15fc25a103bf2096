namespace TfRnn;

/// <summary>LSTM states as (c, h): an LSTMStateTuple, or one tensor [c | h] when state_is_tuple is false.</summary>
internal static class LstmState
{
    public static (Tensor c, Tensor h) Unpack(Nest<Tensor> state, bool isTuple, int cSize, Tensor inputs, int? hSize = null)
    {
        if (isTuple)
        {
            if (state.kind == NestKind.Leaf || state.Count != 2)
                throw new ValueError($"Expected state to be an LSTMStateTuple (c, h), but received: {state}");
            CheckBatch(inputs, state[0].Leaf);
            return (state[0].Leaf, state[1].Leaf);
        }
        if (!state.IsLeaf) throw new ValueError($"Expected state to be a single tensor [c | h] when state_is_tuple=False, but received: {state}");
        var whole = state.Leaf;
        int total = cSize + (hSize ?? cSize);
        if (whole.shape.is_known_rank && whole.shape[-1] >= 0 && whole.shape[-1] != total)
            throw new ValueError($"Expected state of size {total} ([c | h]), but state {whole.name} has shape {whole.shape}");
        CheckBatch(inputs, whole);
        var parts = tf.split(whole, new[] { cSize, hSize ?? cSize }, axis: 1);
        return (parts[0], parts[1]);
    }

    public static Nest<Tensor> Pack(Tensor c, Tensor h, bool isTuple) =>
        isTuple ? new LSTMStateTuple(c, h) : tf.concat(new object[] { c, h }, 1);

    static void CheckBatch(Tensor inputs, Tensor state)
    {
        long a = inputs.shape[0], b = state.shape[0];
        if (a >= 0 && b >= 0 && a != b)
            throw new ValueError($"Dimensions must be equal, but are {a} and {b}: inputs {inputs.shape} and state {state.shape} have different batch sizes");
    }
}
