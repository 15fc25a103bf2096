namespace TfRnn;

public static partial class tf
{
    public static partial class contrib
    {
        public static partial class legacy_seq2seq
        {
            /// <summary>
            /// rnn_decoder(decoder_inputs, initial_state, cell, loop_function, scope): the cell over the inputs under
            /// "rnn_decoder". With a loop_function (prev_output, i) → next input, step i &gt; 0 reads
            /// loop_function(output of step i−1) instead of decoder_inputs[i] (the sampling graph), unrolled as TF does.
            /// </summary>
            public static (List<Tensor> outputs, Nest<Tensor> state) rnn_decoder(IEnumerable<Tensor> decoder_inputs, Nest<Tensor> initial_state, RNNCell cell,
                Func<Tensor, int, Tensor>? loop_function = null, ScopeLike? scope = null)
            {
                var inputs = decoder_inputs.ToArray();
                if (loop_function == null)
                    return nn.static_rnn(cell, inputs, initial_state, scope: scope is { IsNone: false } given ? given : "rnn_decoder");
                using var varScope = ScopeLike.Enter(scope, "rnn_decoder");
                var state = initial_state;
                var outputs = new List<Tensor>();
                Tensor? previous = null;
                for (int i = 0; i < inputs.Length; i++)
                {
                    var input = inputs[i];
                    if (previous != null)
                        using (variable_scope("loop_function", reuse: true))
                            input = loop_function(previous, i);
                    if (i > 0) get_variable_scope().reuse_variables();
                    Tensor output;
                    (output, state) = cell.call(input, state);
                    outputs.Add(output);
                    previous = output;
                }
                return (outputs, state);
            }
        }
    }
}
