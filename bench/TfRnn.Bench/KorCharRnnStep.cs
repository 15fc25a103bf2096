using TfRnn;
using TfRnn.Examples.CharRnn;
using TorchSharp;
using static TorchSharp.torch;

namespace TfRnn.Bench;

/// <summary>
/// KorCharRnn's training step — the example's own graph (3×512 BasicLSTMCell MultiRNNCell, batch 50 × seq 50,
/// sequence_loss_by_example, clip_by_global_norm 5, Adam, state fed back) — beside the same model written directly
/// in TorchSharp (nn.LSTM with 3 layers, cross_entropy, clip_grad_norm_, Adam), in one process on the same threads.
/// </summary>
static class KorCharRnnStep
{
    const int Batch = 50, Steps = 50, Units = 512, Layers = 3;
    const int Vocab = 136;          // the default corpus: Vim's Korean tutor in jamo
    const double LearningRate = 0.0002, Clip = 5.0;
    const int Iterations = 2;

    /// <summary>Ours and the raw TorchSharp baseline on the same random batch, in interleaved rounds (see <see cref="Timing.PairedMs"/>).</summary>
    public static PairedTiming Measure()
    {
        var x = np.random.randint(0, Vocab, Batch, Steps).astype(tf.int32);
        var y = np.random.randint(0, Vocab, Batch, Steps).astype(tf.int32);
        using var ours = Ours(x, y);
        return Timing.PairedMs(Iterations, ours.Run, Baseline(x.ToArray<int>(), y.ToArray<int>()));
    }

    static SessionStep Ours(NDArray x, NDArray y)
    {
        var graph = tf.Graph();
        using (graph.as_default())
        {
            tf.set_random_seed(1);
            var model = new CharRnnModel(new ModelConfig("lstm", Units, Layers, Vocab, Batch, Steps, Clip, LearningRate, 0.97));
            var sess = tf.Session(graph);
            sess.run(tf.global_variables_initializer());
            sess.run(tf.assign(model.lr!, (float)LearningRate));
            var state = sess.run(model.initial_state);
            return new SessionStep(sess, () =>
            {
                (_, state, _) = sess.run((model.cost, model.final_state, model.train_op!), (model.input_data, x), (model.targets, y), (model.initial_state, state));
            });
        }
    }

    static Action Baseline(int[] xs, int[] ys)
    {
        torch.manual_seed(1);
        var embedding = nn.Embedding(Vocab, Units);
        var lstm = nn.LSTM(Units, Units, numLayers: Layers, batchFirst: true);
        var softmax = nn.Linear(Units, Vocab);
        var parameters = embedding.parameters().Concat(lstm.parameters()).Concat(softmax.parameters()).ToList();
        var adam = optim.Adam(parameters, lr: LearningRate);
        var x = torch.tensor(xs.Select(v => (long)v).ToArray(), new long[] { Batch, Steps });
        var y = torch.tensor(ys.Select(v => (long)v).ToArray(), new long[] { Batch * Steps });
        var h = torch.zeros(Layers, Batch, Units);
        var c = torch.zeros(Layers, Batch, Units);
        return () =>
        {
            using var scope = torch.NewDisposeScope();
            adam.zero_grad();
            var (output, hn, cn) = lstm.call(embedding.call(x), (h, c));                         // [batch, seq, units]
            var loss = nn.functional.cross_entropy(softmax.call(output.reshape(-1, Units)), y);
            loss.backward();
            nn.utils.clip_grad_norm_(parameters, Clip);
            adam.step();
            h.Dispose();
            c.Dispose();
            h = hn.detach().MoveToOuterDisposeScope();   // the state carried to the next batch, as the slides feed it back
            c = cn.detach().MoveToOuterDisposeScope();
        };
    }
}
