using TfRnn;
using TorchSharp;
using static TorchSharp.torch;

namespace TfRnn.Bench;

/// <summary>
/// The slides' sampling loop (char-rnn's model.sample: batch 1, one step, 2×128 BasicLSTMCell, the state fed back each
/// character): `sess.run([probs, final_state], feed)` per character as written, against a raw TorchSharp per-step
/// loop over the same TF-layout weights. Both pick the next character with the same host weighted pick.
/// </summary>
static class Sampling
{
    const int Units = 128, Layers = 2, Vocab = 99, Characters = 2000;

    /// <summary>
    /// Characters per second through Session.run and of the raw loop, warmed up, in interleaved rounds; the ratio is
    /// ours/raw in characters per second (higher is better).
    /// </summary>
    public static (double ours, double raw, double ratio) CharsPerSecond() => WithSamplingSession(run =>
    {
        var timing = Timing.PairedMs(1, () => run(Characters), TorchLoop(), warmup: 1);
        return (Characters / (timing.OursMs / 1000), Characters / (timing.BaselineMs / 1000), 1 / timing.Ratio);
    });

    /// <summary>Characters per second over the first <see cref="Characters"/> of a fresh process (JIT warm-up included).</summary>
    public static double OursColdCharsPerSecond() => WithSamplingSession(run => Characters / Seconds(() => run(Characters)));

    static double Seconds(Action body)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        body();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Managed bytes one Session.run of the sampling loop allocates on the calling thread after warm-up (the loop as
    /// written, its fresh [1, 1] id array included), and the bytes of the result arrays themselves.
    /// </summary>
    public static (double perRun, double resultBytes) AllocatedBytesPerRun() => WithSamplingSession(run =>
    {
        run(200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var (p, state) = run(Characters);
        double perRun = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / Characters;
        double results = new[] { p }.Concat(state.Flatten()).Sum(a => (24 + a.size * sizeof(float) + 7) / 8 * 8);
        return (perRun, results);
    });

    /// <summary>The slides' sampling graph in a session; <paramref name="measure"/> gets a loop of n characters.</summary>
    static T WithSamplingSession<T>(Func<Func<int, (NDArray, Nest<NDArray>)>, T> measure)
    {
        var graph = tf.Graph();
        using (graph.as_default())
        {
            tf.set_random_seed(1);
            var cell = tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, Layers).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units)));
            var input_data = tf.placeholder(tf.int32, new Shape(1, 1));
            var initial_state = cell.zero_state(1, tf.float32);
            Variable softmax_w, softmax_b;
            using (tf.variable_scope("rnnlm"))
            {
                softmax_w = tf.get_variable("softmax_w", new Shape(Units, Vocab));
                softmax_b = tf.get_variable("softmax_b", new Shape(Vocab));
            }
            var embedding = tf.get_variable("embedding", new Shape(Vocab, Units));
            var inputs = tf.split(tf.nn.embedding_lookup(embedding, input_data), 1, axis: 1).Select(s => tf.squeeze(s, new[] { 1 }));
            var (outputs, final_state) = tf.contrib.legacy_seq2seq.rnn_decoder(inputs, initial_state, cell, scope: "rnnlm");
            var output = tf.reshape(tf.concat(outputs, 1), new[] { -1, Units });
            var probs = tf.nn.softmax(tf.matmul(output, softmax_w) + softmax_b);
            using var sess = tf.Session(graph);
            sess.run(tf.global_variables_initializer());
            var random = new Random(1);
            return measure(characters =>
            {
                var state = sess.run(initial_state);
                int id = 0;
                NDArray p = null!;
                for (int n = 0; n < characters; n++)
                {
                    (p, state) = sess.run((probs, final_state), (input_data, new[,] { { id } }), (initial_state, state));
                    id = WeightedPick(p.Data<float>(), random);
                }
                return (p, state);
            });
        }
    }

    /// <summary>Characters per second of the raw loop over the first <see cref="Characters"/> of a fresh process.</summary>
    public static double TorchColdCharsPerSecond() => Characters / Seconds(TorchLoop());

    /// <summary><see cref="Characters"/> characters of a plain TorchSharp loop: one step of each TF-layout layer, logits, softmax, pick.</summary>
    static Action TorchLoop()
    {
        torch.manual_seed(1);
        var embedding = randn(Vocab, Units);
        var kernels = Enumerable.Range(0, Layers).Select(_ => randn(2 * Units, 4 * Units).mul_(0.05)).ToArray();
        var biases = Enumerable.Range(0, Layers).Select(_ => zeros(4 * Units)).ToArray();
        var softmaxW = randn(Units, Vocab).mul_(0.05);
        var softmaxB = zeros(Vocab);
        var forgetBias = ones(Units);
        var random = new Random(1);
        return () =>
        {
            using var noGrad = no_grad();
            var c = Enumerable.Range(0, Layers).Select(_ => zeros(1, Units)).ToArray();
            var h = Enumerable.Range(0, Layers).Select(_ => zeros(1, Units)).ToArray();
            int id = 0;
            for (int n = 0; n < Characters; n++)
            {
                using var scope = NewDisposeScope();
                var x = embedding[id].unsqueeze(0);                              // [1, units]
                for (int l = 0; l < Layers; l++)
                {
                    var gates = cat(new[] { x, h[l] }, 1).matmul(kernels[l]).add_(biases[l]).chunk(4, 1);   // i, j, f, o
                    var newC = c[l].mul(sigmoid(gates[2].add(forgetBias))).add_(sigmoid(gates[0]).mul_(tanh(gates[1])));
                    var newH = tanh(newC).mul_(sigmoid(gates[3]));
                    c[l] = newC.MoveToOuterDisposeScope();
                    h[l] = newH.MoveToOuterDisposeScope();
                    x = h[l];
                }
                var probabilities = softmax(x.matmul(softmaxW).add_(softmaxB), 1);
                id = WeightedPick(probabilities.data<float>().ToArray(), random);
            }
        };
    }

    /// <summary>char-rnn's weighted_pick: the first index whose running total passes a uniform draw of the total.</summary>
    static int WeightedPick(float[] weights, Random random)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        double draw = random.NextDouble() * total, running = 0;
        for (int i = 0; i < weights.Length; i++)
            if ((running += weights[i]) > draw) return i;
        return weights.Length - 1;
    }
}
