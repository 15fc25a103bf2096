namespace TfRnn;

public static partial class tf
{
    public static partial class nn
    {
        /// <summary>
        /// tf.nn.static_rnn(cell, inputs, initial_state, dtype, sequence_length, scope): the cell over a list of
        /// [batch, depth] steps (variables under "rnn" by default). Past sequence_length[b] outputs are zero and the
        /// state is carried through. Runs as one op whatever the number of steps.
        /// </summary>
        public static (List<Tensor> outputs, Nest<Tensor> state) static_rnn(RNNCell cell, IEnumerable<Tensor> inputs, Nest<Tensor>? initial_state = null,
            TF_DataType dtype = TF_DataType.DtInvalid, object? sequence_length = null, object? scope = null)
        {
            var steps = inputs?.ToArray() ?? throw new TypeError("inputs must be a sequence");
            if (steps.Length == 0) throw new ValueError("inputs must not be empty");
            using var varScope = EnterRnnScope(scope, "rnn");
            var lengths = RnnSequence.Lengths(sequence_length);
            var (outputs, state) = RnnSequence.Run(cell, stack(steps), initial_state, dtype, lengths);
            return (unstack(outputs, steps.Length).ToList(), state);
        }

        /// <summary>
        /// tf.nn.dynamic_rnn(cell, inputs, sequence_length, initial_state, dtype, time_major, scope): the cell over
        /// [batch, time, depth] inputs ([time, batch, depth] when time_major); returns outputs in the same layout
        /// and the final state (the state after each row's last valid step).
        /// </summary>
        public static (Tensor outputs, Nest<Tensor> state) dynamic_rnn(RNNCell cell, Tensor inputs, object? sequence_length = null,
            Nest<Tensor>? initial_state = null, TF_DataType dtype = TF_DataType.DtInvalid, bool time_major = false, object? scope = null)
        {
            using var varScope = EnterRnnScope(scope, "rnn");
            var lengths = RnnSequence.Lengths(sequence_length);
            var x = time_major ? inputs : BatchTimeSwap(inputs);
            var (outputs, state) = RnnSequence.Run(cell, x, initial_state, dtype, lengths);
            return (time_major ? outputs : BatchTimeSwap(outputs), state);
        }

        /// <summary>
        /// tf.nn.static_bidirectional_rnn(cell_fw, cell_bw, inputs, …): forward and backward static RNNs under
        /// "bidirectional_rnn/fw" and ".../bw"; each output step is [fw, bw] concatenated. The backward pass
        /// reverses only each row's valid prefix.
        /// </summary>
        public static (List<Tensor> outputs, Nest<Tensor> output_state_fw, Nest<Tensor> output_state_bw) static_bidirectional_rnn(
            RNNCell cell_fw, RNNCell cell_bw, IEnumerable<Tensor> inputs, Nest<Tensor>? initial_state_fw = null, Nest<Tensor>? initial_state_bw = null,
            TF_DataType dtype = TF_DataType.DtInvalid, object? sequence_length = null, object? scope = null)
        {
            var steps = inputs?.ToArray() ?? throw new TypeError("inputs must be a sequence");
            if (steps.Length == 0) throw new ValueError("inputs must not be empty");
            using var varScope = EnterRnnScope(scope, "bidirectional_rnn");
            var x = stack(steps);
            var (fw, bw, stateFw, stateBw) = Bidirectional(cell_fw, cell_bw, x, initial_state_fw, initial_state_bw, dtype,
                RnnSequence.Lengths(sequence_length), timeAxis: 0, batchAxis: 1, timeMajorRun: true);
            var joined = unstack(concat(new object[] { fw, bw }, 2), steps.Length).ToList();
            return (joined, stateFw, stateBw);
        }

        /// <summary>
        /// tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, inputs, sequence_length, …): returns
        /// ((output_fw, output_bw), (output_state_fw, output_state_bw)), outputs in the inputs' layout.
        /// </summary>
        public static ((Tensor fw, Tensor bw) outputs, (Nest<Tensor> fw, Nest<Tensor> bw) output_states) bidirectional_dynamic_rnn(
            RNNCell cell_fw, RNNCell cell_bw, Tensor inputs, object? sequence_length = null, Nest<Tensor>? initial_state_fw = null,
            Nest<Tensor>? initial_state_bw = null, TF_DataType dtype = TF_DataType.DtInvalid, bool time_major = false, object? scope = null)
        {
            using var varScope = EnterRnnScope(scope, "bidirectional_rnn");
            var (fw, bw, stateFw, stateBw) = Bidirectional(cell_fw, cell_bw, inputs, initial_state_fw, initial_state_bw, dtype,
                RnnSequence.Lengths(sequence_length), time_major ? 0 : 1, time_major ? 1 : 0, time_major);
            return ((fw, bw), (stateFw, stateBw));
        }

        static (Tensor fw, Tensor bw, Nest<Tensor> stateFw, Nest<Tensor> stateBw) Bidirectional(RNNCell cellFw, RNNCell cellBw, Tensor x,
            Nest<Tensor>? initialFw, Nest<Tensor>? initialBw, TF_DataType dtype, Tensor? lengths, int timeAxis, int batchAxis, bool timeMajorRun)
        {
            Tensor fw, bw;
            Nest<Tensor> stateFw, stateBw;
            using (var fwScope = variable_scope("fw"))
                (fw, stateFw) = dynamic_rnn(cellFw, x, lengths, initialFw, dtype, timeMajorRun, fwScope);
            using (var bwScope = variable_scope("bw"))
            {
                var reversedInputs = RnnSequence.Reverse(x, lengths, timeAxis, batchAxis);
                (bw, stateBw) = dynamic_rnn(cellBw, reversedInputs, lengths, initialBw, dtype, timeMajorRun, bwScope);
            }
            return (fw, RnnSequence.Reverse(bw, lengths, timeAxis, batchAxis), stateFw, stateBw);
        }

        static Tensor BatchTimeSwap(Tensor x)
        {
            if (!x.shape.is_known_rank) throw new ValueError("RNN inputs must have a known rank");
            var perm = Enumerable.Range(0, x.ndim).ToArray();
            (perm[0], perm[1]) = (1, 0);
            return transpose(x, perm);
        }

        /// <summary>The RNN drivers' default scopes: a given scope (string or object), else <paramref name="defaultName"/>.</summary>
        static VariableScope EnterRnnScope(object? scope, string defaultName) => scope switch
        {
            null => variable_scope(defaultName),
            string s => variable_scope(s),
            VariableScope vs => variable_scope(vs),
            _ => throw new TypeError("scope must be a string or a VariableScope"),
        };
    }
}
