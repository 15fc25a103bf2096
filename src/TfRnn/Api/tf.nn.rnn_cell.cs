namespace TfRnn;

public static partial class tf
{
    public static partial class nn
    {
        /// <summary>tf.nn.rnn_cell: the RNN cells (also reachable as tf.contrib.rnn, as the TF1 slides write them).</summary>
        public static class rnn_cell
        {
            /// <inheritdoc cref="TfRnn.BasicRNNCell"/>
            public static BasicRNNCell BasicRNNCell(int num_units, Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null, string? name = null,
                TF_DataType dtype = TF_DataType.DtInvalid) => new(num_units, activation, reuse, name, dtype);

            /// <inheritdoc cref="TfRnn.BasicLSTMCell"/>
            public static BasicLSTMCell BasicLSTMCell(int num_units, double forget_bias = 1.0, bool state_is_tuple = true,
                Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid) =>
                new(num_units, forget_bias, state_is_tuple, activation, reuse, name, dtype);

            /// <inheritdoc cref="TfRnn.LSTMCell"/>
            public static LSTMCell LSTMCell(int num_units, bool use_peepholes = false, double? cell_clip = null, InitializerLike? initializer = null,
                int? num_proj = null, double? proj_clip = null, double forget_bias = 1.0, bool state_is_tuple = true,
                Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid) =>
                new(num_units, use_peepholes, cell_clip, initializer, num_proj, proj_clip, forget_bias, state_is_tuple, activation, reuse, name, dtype);

            /// <inheritdoc cref="TfRnn.GRUCell"/>
            public static GRUCell GRUCell(int num_units, Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null, InitializerLike? kernel_initializer = null,
                InitializerLike? bias_initializer = null, string? name = null, TF_DataType dtype = TF_DataType.DtInvalid) =>
                new(num_units, activation, reuse, kernel_initializer, bias_initializer, name, dtype);

            /// <inheritdoc cref="TfRnn.MultiRNNCell"/>
            public static MultiRNNCell MultiRNNCell(IEnumerable<RNNCell> cells, bool state_is_tuple = true) => new(cells, state_is_tuple);

            /// <inheritdoc cref="TfRnn.DropoutWrapper"/>
            public static DropoutWrapper DropoutWrapper(RNNCell cell, TensorLike? input_keep_prob = null, TensorLike? output_keep_prob = null,
                TensorLike? state_keep_prob = null, int? seed = null) => new(cell, input_keep_prob, output_keep_prob, state_keep_prob, seed);

            /// <inheritdoc cref="TfRnn.LSTMStateTuple"/>
            public static LSTMStateTuple LSTMStateTuple(Tensor c, Tensor h) => new(c, h);
        }
    }

    public static partial class contrib
    {
        /// <summary>tf.contrib.rnn: the TF 1.0–1.2 home of the cells and static loops.</summary>
        public static class rnn
        {
            /// <summary>tf.contrib.rnn.BasicRNNCell: the same cell as <c>tf.nn.rnn_cell.BasicRNNCell</c>.</summary>
            public static BasicRNNCell BasicRNNCell(int num_units, Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null) =>
                nn.rnn_cell.BasicRNNCell(num_units, activation, reuse);
            /// <summary>tf.contrib.rnn.BasicLSTMCell: the same cell as <c>tf.nn.rnn_cell.BasicLSTMCell</c>.</summary>
            public static BasicLSTMCell BasicLSTMCell(int num_units, double forget_bias = 1.0, bool state_is_tuple = true,
                Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null) => nn.rnn_cell.BasicLSTMCell(num_units, forget_bias, state_is_tuple, activation, reuse);
            /// <summary>tf.contrib.rnn.LSTMCell: the same cell as <c>tf.nn.rnn_cell.LSTMCell</c>.</summary>
            public static LSTMCell LSTMCell(int num_units, bool use_peepholes = false, double? cell_clip = null, InitializerLike? initializer = null,
                int? num_proj = null, double? proj_clip = null, double forget_bias = 1.0, bool state_is_tuple = true) =>
                nn.rnn_cell.LSTMCell(num_units, use_peepholes, cell_clip, initializer, num_proj, proj_clip, forget_bias, state_is_tuple);
            /// <summary>tf.contrib.rnn.GRUCell: the same cell as <c>tf.nn.rnn_cell.GRUCell</c>.</summary>
            public static GRUCell GRUCell(int num_units, Func<Tensor, Tensor>? activation = null, ReuseFlag? reuse = null) =>
                nn.rnn_cell.GRUCell(num_units, activation, reuse);
            /// <summary>tf.contrib.rnn.MultiRNNCell: the same as <c>tf.nn.rnn_cell.MultiRNNCell</c>.</summary>
            public static MultiRNNCell MultiRNNCell(IEnumerable<RNNCell> cells, bool state_is_tuple = true) => nn.rnn_cell.MultiRNNCell(cells, state_is_tuple);
            /// <summary>tf.contrib.rnn.DropoutWrapper: the same as <c>tf.nn.rnn_cell.DropoutWrapper</c>.</summary>
            public static DropoutWrapper DropoutWrapper(RNNCell cell, TensorLike? input_keep_prob = null, TensorLike? output_keep_prob = null,
                TensorLike? state_keep_prob = null, int? seed = null) => nn.rnn_cell.DropoutWrapper(cell, input_keep_prob, output_keep_prob, state_keep_prob, seed);
            /// <summary>tf.contrib.rnn.LSTMStateTuple(c, h).</summary>
            public static LSTMStateTuple LSTMStateTuple(Tensor c, Tensor h) => new(c, h);

            /// <inheritdoc cref="nn.static_rnn"/>
            public static (List<Tensor> outputs, Nest<Tensor> state) static_rnn(RNNCell cell, IEnumerable<Tensor> inputs, Nest<Tensor>? initial_state = null,
                TF_DataType dtype = TF_DataType.DtInvalid, TensorLike? sequence_length = null, ScopeLike? scope = null) =>
                nn.static_rnn(cell, inputs, initial_state, dtype, sequence_length, scope);

            /// <inheritdoc cref="nn.static_state_saving_rnn(RNNCell, IEnumerable{Tensor}, IStateSaver, Nest{string}, TensorLike?, ScopeLike?)"/>
            public static (List<Tensor> outputs, Nest<Tensor> state) static_state_saving_rnn(RNNCell cell, IEnumerable<Tensor> inputs,
                IStateSaver state_saver, Nest<string> state_name, TensorLike? sequence_length = null, ScopeLike? scope = null) =>
                nn.static_state_saving_rnn(cell, inputs, state_saver, state_name, sequence_length, scope);

            /// <inheritdoc cref="nn.static_bidirectional_rnn"/>
            public static (List<Tensor> outputs, Nest<Tensor> output_state_fw, Nest<Tensor> output_state_bw) static_bidirectional_rnn(
                RNNCell cell_fw, RNNCell cell_bw, IEnumerable<Tensor> inputs, Nest<Tensor>? initial_state_fw = null, Nest<Tensor>? initial_state_bw = null,
                TF_DataType dtype = TF_DataType.DtInvalid, TensorLike? sequence_length = null, ScopeLike? scope = null) =>
                nn.static_bidirectional_rnn(cell_fw, cell_bw, inputs, initial_state_fw, initial_state_bw, dtype, sequence_length, scope);
        }
    }
}
