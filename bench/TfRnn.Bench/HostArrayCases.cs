using System.Diagnostics;
using TfRnn;
using TorchSharp;

namespace TfRnn.Bench;

/// <summary>
/// Micro-benchmarks of the per-character host work of sampling loops and min-char-rnn-sized updates
/// (`--host`): NDArray on host SIMD against one TorchSharp call per tiny op. Medians of rounds, µs per iteration.
/// </summary>
static class HostArrayCases
{
    const int Vocab = 65;          // char-rnn's Shakespeare vocabulary size

    static double Median(Func<int, double> round) => Enumerable.Range(0, Timing.Rounds).Select(round).OrderBy(x => x).ElementAt(Timing.Rounds / 2);

    static double TimePerIteration(int iterations, Action body)
    {
        for (int i = 0; i < Math.Min(iterations, 200); i++) body();   // warm-up
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++) body();
        return watch.Elapsed.TotalMilliseconds * 1000 / iterations;
    }

    public static void Print()
    {
        var results = new List<(string name, double micros)>();
        var logits = np.random.randn(Vocab);

        // 1. softmax + weighted pick over one logits vector, host arrays (what sampling code does per character).
        results.Add(("NDArray softmax + np.random.choice (65)", Median(_ => TimePerIteration(20000, () =>
        {
            var e = np.exp(logits - np.max(logits));
            var p = e / np.sum(e);
            np.random.choice(Vocab, p);
        }))));

        // 2. The same with one TorchSharp call per tiny op (the approach NDArray avoids).
        using (var t = torch.tensor(logits.ToArray<double>()))
        {
            results.Add(("torch per-op softmax + multinomial (65)", Median(_ => TimePerIteration(20000, () =>
            {
                using var scope = torch.NewDisposeScope();
                var e = torch.exp(t - t.max());
                var p = e / e.sum();
                torch.multinomial(p, 1).item<long>();
            }))));
        }

        // 3. Session.run overhead: feed one id, fetch a 65-way softmax (a 1-step sampling graph).
        {
            var graph = tf.Graph();
            using (graph.as_default())
            {
                var id = tf.placeholder(tf.int32, new Shape(1, 1));
                var table = tf.Variable(tf.random_normal(new Shape(Vocab, Vocab)));
                var probs = tf.nn.softmax(tf.reshape(tf.nn.embedding_lookup(table, id), new[] { 1, Vocab }));
                using var sess = tf.Session(graph);
                sess.run(tf.global_variables_initializer());
                var feed = np.array(new[,] { { 3 } });
                results.Add(("Session.run: lookup + softmax fetch", Median(_ => TimePerIteration(20000, () => sess.run(probs, (id, feed))))));
            }
        }

        // 4. Element-wise update of a 100x100 parameter (min-char-rnn's Adagrad step) on host arrays.
        {
            var param = np.random.randn(100, 100);
            var grad = np.random.randn(100, 100);
            var mem = np.zeros(new Shape(100, 100));
            results.Add(("NDArray adagrad update 100x100", Median(_ => TimePerIteration(2000, () =>
            {
                mem = mem + grad * grad;
                param = param + -0.1 * grad / np.sqrt(mem + 1e-8);
            }))));
            // As min-char-rnn writes it: `mem += dparam * dparam; param += -lr * dparam / np.sqrt(mem + 1e-8)` (in place).
            results.Add(("NDArray adagrad update 100x100 in place (+=)", Median(_ => TimePerIteration(2000, () =>
            {
                mem += grad * grad;
                param += -0.1 * grad / np.sqrt(mem + 1e-8);
            }))));
        }

        Console.WriteLine($"{"case",-45} {"µs/iter",10}");
        foreach (var (name, micros) in results) Console.WriteLine($"{name,-45} {micros,10:F2}");
    }
}
