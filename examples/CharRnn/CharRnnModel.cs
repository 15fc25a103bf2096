using TfRnn;

namespace TfRnn.Examples.CharRnn;

/// <summary>
/// The slides' char-rnn (char-rnn-tensorflow's model.py): embedding → MultiRNNCell → softmax, trained with
/// sequence_loss_by_example, clip_by_global_norm and Adam whose learning rate is a variable set per epoch.
/// With <paramref name="training"/> false the graph reads one character at a time (batch 1, seq 1) for sampling.
/// </summary>
public sealed class CharRnnModel
{
    public CharRnnModel(ModelConfig args, bool training = true, string lstmCellKind = "basic_lstm_cell")
    {
        int batch = training ? args.batch_size : 1, seq = training ? args.seq_length : 1;
        RNNCell MakeCell() => args.model switch
        {
            "gru" => tf.nn.rnn_cell.GRUCell(args.rnn_size),
            "rnn" => tf.nn.rnn_cell.BasicRNNCell(args.rnn_size),
            _ when lstmCellKind == "lstm_cell" => tf.nn.rnn_cell.LSTMCell(args.rnn_size),
            _ => tf.contrib.rnn.BasicLSTMCell(args.rnn_size),
        };
        cell = tf.contrib.rnn.MultiRNNCell(Enumerable.Range(0, args.num_layers).Select(_ => MakeCell()), state_is_tuple: true);

        input_data = tf.placeholder(tf.int32, new Shape(batch, seq), name: "input_data");
        targets = tf.placeholder(tf.int32, new Shape(batch, seq), name: "targets");
        initial_state = cell.zero_state(batch, tf.float32);

        Variable softmax_w, softmax_b;
        using (tf.variable_scope("rnnlm"))
        {
            softmax_w = tf.get_variable("softmax_w", new Shape(args.rnn_size, args.vocab_size));
            softmax_b = tf.get_variable("softmax_b", new Shape(args.vocab_size));
        }
        var embedding = tf.get_variable("embedding", new Shape(args.vocab_size, args.rnn_size));
        var inputs = tf.nn.embedding_lookup(embedding, input_data);                     // [batch, seq, rnn_size]
        var steps = tf.split(inputs, seq, axis: 1).Select(step => tf.squeeze(step, new[] { 1 }));

        var (outputs, last_state) = tf.contrib.legacy_seq2seq.rnn_decoder(steps, initial_state, cell, scope: "rnnlm");
        var output = tf.reshape(tf.concat(outputs, 1), new[] { -1, args.rnn_size });   // [batch·seq, rnn_size]
        logits = tf.matmul(output, softmax_w) + softmax_b;
        probs = tf.nn.softmax(logits);
        var loss = tf.contrib.legacy_seq2seq.sequence_loss_by_example(new[] { logits }, new[] { tf.reshape(targets, new[] { -1 }) },
            new[] { tf.ones(new Shape(batch * seq)) });
        using (tf.name_scope("cost"))
            cost = tf.reduce_sum(loss) / batch / seq;
        final_state = last_state;
        Weights = tf.trainable_variables();
        if (!training) return;

        lr = tf.Variable(0.0f, trainable: false);
        var tvars = tf.trainable_variables();
        var (grads, _) = tf.clip_by_global_norm(tf.gradients(cost, tvars), args.grad_clip);
        Optimizer optimizer;
        using (tf.name_scope("optimizer")) optimizer = tf.train.AdamOptimizer(lr);
        train_op = optimizer.apply_gradients(grads.Zip(tvars));
    }

    public RNNCell cell { get; }
    public Tensor input_data { get; }
    public Tensor targets { get; }
    public Nest<Tensor> initial_state { get; }
    public Nest<Tensor> final_state { get; }
    public Tensor logits { get; }
    public Tensor probs { get; }
    public Tensor cost { get; }
    public Variable? lr { get; }
    public Operation? train_op { get; }
    /// <summary>The model's own weights (what sampling needs from a checkpoint).</summary>
    public IReadOnlyList<Variable> Weights { get; }
}
