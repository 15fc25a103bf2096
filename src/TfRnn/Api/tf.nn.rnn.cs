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
            TF_DataType dtype = TF_DataType.DtInvalid, TensorLike? sequence_length = null, ScopeLike? scope = null)
        {
            var steps = StepList(inputs);
            using var varScope = ScopeLike.Enter(scope, "rnn");
            var lengths = RnnSequence.Lengths(sequence_length);
            var (outputs, state) = RnnSequence.Run(cell, TimeSlices.Stack(steps), initial_state, dtype, lengths);
            return (unstack(outputs, steps.Length).ToList(), state);
        }

        /// <summary>
        /// tf.nn.dynamic_rnn(cell, inputs, sequence_length, initial_state, dtype, time_major, scope): the cell over
        /// [batch, time, depth] inputs ([time, batch, depth] when time_major); returns outputs in the same layout
        /// and the final state (the state after each row's last valid step).
        /// </summary>
        public static (Tensor outputs, Nest<Tensor> state) dynamic_rnn(RNNCell cell, Tensor inputs, TensorLike? sequence_length = null,
            Nest<Tensor>? initial_state = null, TF_DataType dtype = TF_DataType.DtInvalid, bool time_major = false, ScopeLike? scope = null)
        {
            using var varScope = ScopeLike.Enter(scope, "rnn");
            var lengths = RnnSequence.Lengths(sequence_length);
            var x = time_major ? inputs : BatchTimeSwap(inputs);
            var (outputs, state) = RnnSequence.Run(cell, x, initial_state, dtype, lengths);
            return (time_major ? outputs : BatchTimeSwap(outputs), state);
        }

        /// <summary>
        /// static_rnn over tuple inputs or a cell with tuple outputs: every step is a structure of [batch, depth]
        /// tensors (the same structure each step) and every output step has the cell's output structure.
        /// </summary>
        public static (List<Nest<Tensor>> outputs, Nest<Tensor> state) static_rnn(RNNCell cell, IEnumerable<Nest<Tensor>> inputs,
            Nest<Tensor>? initial_state = null, TF_DataType dtype = TF_DataType.DtInvalid, TensorLike? sequence_length = null, ScopeLike? scope = null)
        {
            var steps = StepList(inputs);
            using var varScope = ScopeLike.Enter(scope, "rnn");
            var (outputs, state) = RnnSequence.RunNested(cell, StackSteps(steps), initial_state, dtype, RnnSequence.Lengths(sequence_length));
            return (UnstackSteps(outputs, steps.Length), state);
        }

        /// <summary>
        /// dynamic_rnn over tuple inputs (each leaf [batch, time, …], or [time, batch, …] when time_major) or a cell
        /// with tuple outputs; outputs come back in the cell's output structure and the inputs' layout.
        /// </summary>
        public static (Nest<Tensor> outputs, Nest<Tensor> state) dynamic_rnn(RNNCell cell, Nest<Tensor> inputs, TensorLike? sequence_length = null,
            Nest<Tensor>? initial_state = null, TF_DataType dtype = TF_DataType.DtInvalid, bool time_major = false, ScopeLike? scope = null)
        {
            using var varScope = ScopeLike.Enter(scope, "rnn");
            var lengths = RnnSequence.Lengths(sequence_length);
            var x = time_major ? inputs : inputs.Map(BatchTimeSwap);
            var (outputs, state) = RnnSequence.RunNested(cell, x, initial_state, dtype, lengths);
            return (time_major ? outputs : outputs.Map(BatchTimeSwap), state);
        }

        /// <summary>
        /// tf.nn.static_bidirectional_rnn(cell_fw, cell_bw, inputs, …): forward and backward static RNNs under
        /// "bidirectional_rnn/fw" and ".../bw"; each output step is [fw, bw] concatenated. The backward pass
        /// reverses only each row's valid prefix.
        /// </summary>
        public static (List<Tensor> outputs, Nest<Tensor> output_state_fw, Nest<Tensor> output_state_bw) static_bidirectional_rnn(
            RNNCell cell_fw, RNNCell cell_bw, IEnumerable<Tensor> inputs, Nest<Tensor>? initial_state_fw = null, Nest<Tensor>? initial_state_bw = null,
            TF_DataType dtype = TF_DataType.DtInvalid, TensorLike? sequence_length = null, ScopeLike? scope = null)
        {
            var steps = StepList(inputs);
            using var varScope = ScopeLike.Enter(scope, "bidirectional_rnn");
            var x = TimeSlices.Stack(steps);
            var (fw, bw, stateFw, stateBw) = Bidirectional(cell_fw, cell_bw, x, initial_state_fw, initial_state_bw, dtype,
                RnnSequence.Lengths(sequence_length), timeAxis: 0, batchAxis: 1, timeMajorRun: true);
            var joined = unstack(concat(new object[] { fw, bw }, 2), steps.Length).ToList();
            return (joined, stateFw, stateBw);
        }

        /// <summary>
        /// static_bidirectional_rnn over tuple inputs or cells with tuple outputs: each output step has the cells'
        /// output structure, every leaf being [fw, bw] concatenated on the feature axis.
        /// </summary>
        public static (List<Nest<Tensor>> outputs, Nest<Tensor> output_state_fw, Nest<Tensor> output_state_bw) static_bidirectional_rnn(
            RNNCell cell_fw, RNNCell cell_bw, IEnumerable<Nest<Tensor>> inputs, Nest<Tensor>? initial_state_fw = null,
            Nest<Tensor>? initial_state_bw = null, TF_DataType dtype = TF_DataType.DtInvalid, TensorLike? sequence_length = null, ScopeLike? scope = null)
        {
            var steps = StepList(inputs);
            using var varScope = ScopeLike.Enter(scope, "bidirectional_rnn");
            var lengths = RnnSequence.Lengths(sequence_length);
            List<Nest<Tensor>> fw, bw;
            Nest<Tensor> stateFw, stateBw;
            using (var fwScope = variable_scope("fw"))
                (fw, stateFw) = static_rnn(cell_fw, steps, initial_state_fw, dtype, lengths, fwScope);
            using (var bwScope = variable_scope("bw"))
            {
                (bw, stateBw) = static_rnn(cell_bw, ReverseSteps(steps, lengths), initial_state_bw, dtype, lengths, bwScope);
                bw = ReverseSteps(bw.ToArray(), lengths);
            }
            var joined = fw.Zip(bw, (f, b) => f.Pack(f.Flatten().Zip(b.Flatten(), (fl, bl) => concat(new object[] { fl, bl }, 1)).GetEnumerator())).ToList();
            return (joined, stateFw, stateBw);
        }

        /// <summary>A list of step structures with each row's valid prefix reversed in time, leaf by leaf.</summary>
        static List<Nest<Tensor>> ReverseSteps(Nest<Tensor>[] steps, Tensor? lengths) =>
            UnstackSteps(StackSteps(steps).Map(x => RnnSequence.Reverse(x, lengths, 0, 1)), steps.Length);

        /// <summary>The steps of a static loop as an array, with TF's errors for none or an empty list.</summary>
        static T[] StepList<T>(IEnumerable<T>? inputs)
        {
            var steps = inputs?.ToArray() ?? throw new TypeError("inputs must be a sequence");
            if (steps.Length == 0) throw new ValueError("inputs must not be empty");
            return steps;
        }

        /// <summary>Step structures of [batch, …] leaves as one structure of [time, batch, …] leaves.</summary>
        static Nest<Tensor> StackSteps(Nest<Tensor>[] steps)
        {
            var mismatch = Array.FindIndex(steps, step => !step.SameStructure(steps[0]));
            if (mismatch >= 0) throw new ValueError($"All RNN input steps must share one structure; step 0 is {steps[0]} but step {mismatch} is {steps[mismatch]}");
            var flatSteps = steps.Select(step => step.Flatten().ToArray()).ToArray();
            var stacked = Enumerable.Range(0, flatSteps[0].Length).Select(leaf => stack(flatSteps.Select(step => step[leaf]).ToArray()));
            return steps[0].Pack(stacked.GetEnumerator());
        }

        /// <summary>The inverse of <see cref="StackSteps"/>: one structure per time step.</summary>
        static List<Nest<Tensor>> UnstackSteps(Nest<Tensor> stacked, int count)
        {
            var leaves = stacked.Flatten().Select(leaf => unstack(leaf, count)).ToArray();
            return Enumerable.Range(0, count).Select(t => stacked.Pack(leaves.Select(leaf => leaf[t]).GetEnumerator())).ToList();
        }

        /// <summary>
        /// tf.nn.bidirectional_dynamic_rnn(cell_fw, cell_bw, inputs, sequence_length, …): returns
        /// ((output_fw, output_bw), (output_state_fw, output_state_bw)), outputs in the inputs' layout.
        /// </summary>
        public static ((Tensor fw, Tensor bw) outputs, (Nest<Tensor> fw, Nest<Tensor> bw) output_states) bidirectional_dynamic_rnn(
            RNNCell cell_fw, RNNCell cell_bw, Tensor inputs, TensorLike? sequence_length = null, Nest<Tensor>? initial_state_fw = null,
            Nest<Tensor>? initial_state_bw = null, TF_DataType dtype = TF_DataType.DtInvalid, bool time_major = false, ScopeLike? scope = null)
        {
            using var varScope = ScopeLike.Enter(scope, "bidirectional_rnn");
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
    }
}
