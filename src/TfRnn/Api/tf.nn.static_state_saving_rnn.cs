namespace TfRnn;

public static partial class tf
{
    public static partial class nn
    {
        /// <summary>
        /// tf.nn.static_state_saving_rnn(cell, inputs, state_saver, state_name, sequence_length, scope): static_rnn
        /// starting from the saver's state and saving the final state. <paramref name="state_name"/> has the
        /// structure of cell.state_size (one name per state tensor). The last output and the returned state
        /// depend on the save ops, so fetching either saves the state.
        /// </summary>
        public static (List<Tensor> outputs, Nest<Tensor> state) static_state_saving_rnn(RNNCell cell, IEnumerable<Tensor> inputs,
            IStateSaver state_saver, Nest<string> state_name, TensorLike? sequence_length = null, ScopeLike? scope = null)
        {
            var steps = inputs?.Select(step => (Nest<Tensor>)step) ?? throw new TypeError("inputs must be a sequence");
            var (outputs, state) = static_state_saving_rnn(cell, steps, state_saver, state_name, sequence_length, scope);
            return (outputs.Select(o => o.IsLeaf ? o.Leaf : throw new ValueError($"{cell.GetType().Name} returns tuple outputs; pass Nest<Tensor> inputs")).ToList(), state);
        }

        /// <summary>static_state_saving_rnn over tuple inputs or a cell with tuple outputs.</summary>
        public static (List<Nest<Tensor>> outputs, Nest<Tensor> state) static_state_saving_rnn(RNNCell cell, IEnumerable<Nest<Tensor>> inputs,
            IStateSaver state_saver, Nest<string> state_name, TensorLike? sequence_length = null, ScopeLike? scope = null)
        {
            ArgumentNullException.ThrowIfNull(state_saver);
            var stateSize = cell.state_size;
            if (stateSize.IsLeaf != state_name.IsLeaf)
                throw new ValueError($"state_name should be the same type as cell.state_size.  state_name: {state_name}, cell.state_size: {stateSize}");
            var names = state_name.Flatten().ToArray();
            int stateCount = stateSize.Flatten().Count();
            if (names.Length != stateCount)
                throw new ValueError($"#elems allowed in state_name does not match the #elems in state_size. state_name: {names.Length}, state_size: {stateCount}");

            var initialState = stateSize.Pack(names.Select(state_saver.state).GetEnumerator());
            var (outputs, state) = static_rnn(cell, inputs, initialState, sequence_length: sequence_length, scope: scope);
            var saves = names.Zip(state.Flatten(), state_saver.save_state).ToArray();
            using (control_dependencies(saves))
            {
                var last = outputs[^1];
                outputs[^1] = last.Map(o => identity(o));
                state = state.Map(s => identity(s));
            }
            return (outputs, state);
        }
    }
}
