using System.Diagnostics;
using TfRnn;
using TfRnn.Examples.CharRnn;
using TorchSharp;
using static TorchSharp.torch;

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
    const int Rounds = 5, Iterations = 2;

    public static void Run()
    {
        var x = np.random.randint(0, Vocab, Batch, Steps).astype(tf.int32);
        var y = np.random.randint(0, Vocab, Batch, Steps).astype(tf.int32);
        double ours = Ours(x, y), baseline = Baseline(x.ToArray<int>(), y.ToArray<int>());
        Console.WriteLine($"KorCharRnn train step, 3×{Units} LSTM, batch {Batch}×{Steps}, vocab {Vocab}, Adam, clip {Clip} ({torch.get_num_threads()} threads)");
        Console.WriteLine($"{"  TfRnn graph (ms)",-45} {ours,10:F1}");
        Console.WriteLine($"{"  raw TorchSharp nn.LSTM (ms)",-45} {baseline,10:F1}");
        Console.WriteLine($"{"  ratio TfRnn / TorchSharp",-45} {ours / baseline,10:F2}");
    }

    static double Median(Action step)
    {
        step();   // warm-up: plan caching, allocator
        return Enumerable.Range(0, Rounds).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Iterations; i++) step();
            return watch.Elapsed.TotalMilliseconds / Iterations;
        }).Order().ElementAt(Rounds / 2);
    }

    static double Ours(NDArray x, NDArray y)
    {
        var graph = tf.Graph();
        using (graph.as_default())
        {
            tf.set_random_seed(1);
            var model = new CharRnnModel(new ModelConfig("lstm", Units, Layers, Vocab, Batch, Steps, Clip, LearningRate, 0.97));
            using var sess = tf.Session(graph);
            sess.run(tf.global_variables_initializer());
            sess.run(tf.assign(model.lr!, (float)LearningRate));
            var state = sess.run(model.initial_state);
            return Median(() =>
            {
                (_, state, _) = sess.run((model.cost, model.final_state, model.train_op!), (model.input_data, x), (model.targets, y), (model.initial_state, state));
            });
        }
    }

    static double Baseline(int[] xs, int[] ys)
    {
        torch.manual_seed(1);
        var embedding = nn.Embedding(Vocab, Units);
        var lstm = nn.LSTM(Units, Units, numLayers: Layers, batchFirst: true);
        var softmax = nn.Linear(Units, Vocab);
        var parameters = embedding.parameters().Concat(lstm.parameters()).Concat(softmax.parameters()).ToList();
        var adam = optim.Adam(parameters, lr: LearningRate);
        using var x = torch.tensor(xs.Select(v => (long)v).ToArray(), new long[] { Batch, Steps });
        using var y = torch.tensor(ys.Select(v => (long)v).ToArray(), new long[] { Batch * Steps });
        var h = torch.zeros(Layers, Batch, Units);
        var c = torch.zeros(Layers, Batch, Units);
        return Median(() =>
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
        });
    }
}
