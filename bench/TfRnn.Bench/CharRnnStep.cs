using TfRnn;
using TorchSharp;
using static TorchSharp.torch;

namespace TfRnn.Bench;

/// <summary>
/// Practice 3's training step (2×128 BasicLSTMCell, batch 50 × 200 steps, vocab 99, clip 5, Adam): through our
/// graph, and as a plain TorchSharp program with torch.nn.LSTM on the same sizes and threads.
/// </summary>
static class CharRnnStep
{
    public const int Batch = 50, Steps = 200, Units = 128, Layers = 2, Vocab = 99;

    /// <summary>Ours and the baseline in interleaved rounds (see <see cref="Timing.PairedMs"/>).</summary>
    public static PairedTiming Measure(int iterations = 3)
    {
        using var ours = Ours();
        return Timing.PairedMs(iterations, ours.Run, Torch());
    }

    /// <summary>The step through our graph: practice 3's model, a session, and one batch of random ids.</summary>
    public static SessionStep Ours()
    {
        var graph = tf.Graph();
        using (graph.as_default())
        {
            tf.set_random_seed(1);
            var input = tf.placeholder(tf.int32, new Shape(Batch, Steps));
            var targets = tf.placeholder(tf.int32, new Shape(Batch, Steps));
            var cell = tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, Layers).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units)));
            var embedded = tf.nn.embedding_lookup(tf.get_variable("embedding", new Shape(Vocab, Units)), input);
            var steps = tf.split(embedded, Steps, axis: 1).Select(s => tf.squeeze(s, new[] { 1 }));
            var (outs, _) = tf.nn.static_rnn(cell, steps, dtype: tf.float32);
            var logits = tf.nn.xw_plus_b(tf.reshape(tf.concat(outs, 1), new[] { -1, Units }),
                tf.get_variable("softmax_w", new Shape(Units, Vocab)), tf.get_variable("softmax_b", new Shape(Vocab)));
            var cost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(tf.reshape(targets, new[] { -1 }), logits));
            var tvars = tf.trainable_variables();
            var (grads, _) = tf.clip_by_global_norm(tf.gradients(cost, tvars), 5.0);
            var train = tf.train.AdamOptimizer(0.002).apply_gradients(grads.Zip(tvars));
            var sess = tf.Session(graph);
            sess.run(tf.global_variables_initializer());
            var x = np.random.randint(0, Vocab, Batch, Steps).astype(tf.int32);
            var y = np.random.randint(0, Vocab, Batch, Steps).astype(tf.int32);
            return new SessionStep(sess, () => sess.run(train, (input, x), (targets, y)));
        }
    }

    /// <summary>The same step written directly against TorchSharp: Embedding → nn.LSTM → Linear, cross entropy, clip, Adam.</summary>
    public static Action Torch()
    {
        torch.manual_seed(1);
        var embedding = nn.Embedding(Vocab, Units);
        var lstm = nn.LSTM(Units, Units, numLayers: Layers, batchFirst: true);
        var head = nn.Linear(Units, Vocab);
        var parameters = embedding.parameters().Concat(lstm.parameters()).Concat(head.parameters()).ToList();
        var adam = optim.Adam(parameters, 0.002);
        var x = randint(0, Vocab, new long[] { Batch, Steps });
        var y = randint(0, Vocab, new long[] { Batch * Steps });
        return () =>
        {
            using var scope = NewDisposeScope();
            adam.zero_grad();
            var (output, _, _) = lstm.call(embedding.call(x));
            var loss = nn.functional.cross_entropy(head.call(output).reshape(-1, Vocab), y);
            loss.backward();
            nn.utils.clip_grad_norm_(parameters, 5.0);
            adam.step();
        };
    }
}
