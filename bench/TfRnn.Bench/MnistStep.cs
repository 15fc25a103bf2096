using TfRnn;
using TorchSharp;
using static TorchSharp.torch;

namespace TfRnn.Bench;

/// <summary>
/// Practice 1's training step (LSTM 128 over 28 steps of 28 pixels, batch 128, Adam): through our graph with
/// static_rnn, and as a plain TorchSharp program with torch.nn.LSTM on the same sizes.
/// </summary>
static class MnistStep
{
    const int Batch = 128, Steps = 28, Pixels = 28, Units = 128, Classes = 10;

    /// <summary>Ours and the baseline in interleaved rounds (see <see cref="Timing.PairedMs"/>).</summary>
    public static PairedTiming Measure(int iterations = 20)
    {
        using var ours = Ours();
        return Timing.PairedMs(iterations, ours.Run, Torch());
    }

    static SessionStep Ours()
    {
        var graph = tf.Graph();
        using (graph.as_default())
        {
            tf.set_random_seed(1);
            var X = tf.placeholder(tf.float32, new Shape(-1, Steps, Pixels));
            var Y = tf.placeholder(tf.int32, new Shape(-1));
            var (outputs, _) = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(Units), tf.unstack(X, Steps, 1), dtype: tf.float32);
            var scores = tf.matmul(outputs[^1], tf.Variable(tf.random_normal(new Shape(Units, Classes)))) + tf.Variable(tf.zeros(new Shape(Classes)));
            var loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(Y, scores));
            var train = tf.train.AdamOptimizer(0.001).minimize(loss);
            var sess = tf.Session(graph);
            sess.run(tf.global_variables_initializer());
            var x = np.random.rand(Batch, Steps, Pixels).astype(tf.float32);
            var y = np.random.randint(0, Classes, Batch).astype(tf.int32);
            return new SessionStep(sess, () => sess.run(train, (X, x), (Y, y)));
        }
    }

    static Action Torch()
    {
        torch.manual_seed(1);
        var lstm = nn.LSTM(Pixels, Units, batchFirst: true);
        var head = nn.Linear(Units, Classes);
        var adam = optim.Adam(lstm.parameters().Concat(head.parameters()), 0.001);
        var x = rand(Batch, Steps, Pixels);
        var y = randint(0, Classes, new long[] { Batch });
        return () =>
        {
            using var scope = NewDisposeScope();
            adam.zero_grad();
            var (output, _, _) = lstm.call(x);
            var loss = nn.functional.cross_entropy(head.call(output.select(1, Steps - 1)), y);
            loss.backward();
            adam.step();
        };
    }
}
