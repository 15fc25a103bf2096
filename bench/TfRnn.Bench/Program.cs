using System.Diagnostics;
using TfRnn;
using TorchSharp;

// Micro-benchmarks for the per-character work of sampling loops: run `dotnet run -c Release --project bench/TfRnn.Bench`.
// Each case reports the median of several timed rounds, in microseconds per iteration.

const int Vocab = 65;          // char-rnn's Shakespeare vocabulary size
const int Rounds = 7;

static double Median(Func<int, double> round) => Enumerable.Range(0, Rounds).Select(round).OrderBy(x => x).ElementAt(Rounds / 2);

static double TimePerIteration(int iterations, Action body)
{
    for (int i = 0; i < Math.Min(iterations, 200); i++) body();   // warm-up
    var watch = Stopwatch.StartNew();
    for (int i = 0; i < iterations; i++) body();
    return watch.Elapsed.TotalMilliseconds * 1000 / iterations;
}

var logits = np.random.randn(Vocab);
var results = new List<(string name, double micros)>();

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

// 5. Graph construction: static_rnn over 200 steps of a 2-layer LSTM (target: under 50 ms).
results.Add(("build static_rnn 200 steps x 2 layers (ms)", Median(_ =>
{
    var graph = tf.Graph();
    using (graph.as_default())
    {
        var inputs = Enumerable.Range(0, 200).Select(_ => tf.placeholder(tf.float32, new Shape(50, 128))).ToArray();
        var watch = Stopwatch.StartNew();
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(128), tf.nn.rnn_cell.BasicLSTMCell(128) });
        tf.nn.static_rnn(cell, inputs, dtype: tf.float32);
        return watch.Elapsed.TotalMilliseconds;
    }
})));

// 6. One training step of practice 1's model (LSTM 128 over 28 steps of 28 pixels, batch 128, Adam).
{
    var graph = tf.Graph();
    using (graph.as_default())
    {
        tf.set_random_seed(1);
        var X = tf.placeholder(tf.float32, new Shape(-1, 28, 28));
        var Y = tf.placeholder(tf.int32, new Shape(-1));
        var (outputs, _) = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(128), tf.unstack(X, 28, 1), dtype: tf.float32);
        var scores = tf.matmul(outputs[^1], tf.Variable(tf.random_normal(new Shape(128, 10))));
        var loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(Y, scores));
        var train = tf.train.AdamOptimizer(0.001).minimize(loss);
        using var sess = tf.Session(graph);
        sess.run(tf.global_variables_initializer());
        var x = np.random.rand(128, 28, 28).astype(tf.float32);
        var y = np.random.randint(0, 10, 128).astype(tf.int32);
        results.Add(("MNIST LSTM forward only (µs)", Median(_ => TimePerIteration(20, () => sess.run(loss, (X, x), (Y, y))))));
        results.Add(("MNIST LSTM train step (µs)", Median(_ => TimePerIteration(20, () => sess.run(train, (X, x), (Y, y))))));
    }
}

// 7. One training step of practice 3's char-rnn (2×128 LSTM, batch 50 × 200 steps, vocab 105, clip 5, Adam).
{
    var graph = tf.Graph();
    using (graph.as_default())
    {
        tf.set_random_seed(1);
        const int B = 50, T = 200, H = 128, V = 105;
        var input = tf.placeholder(tf.int32, new Shape(B, T));
        var targets = tf.placeholder(tf.int32, new Shape(B, T));
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(H), tf.nn.rnn_cell.BasicLSTMCell(H) });
        var steps = tf.split(tf.nn.embedding_lookup(tf.get_variable("embedding", new Shape(V, H)), input), T, axis: 1).Select(s => tf.squeeze(s, new[] { 1 }));
        var (outs, _) = tf.nn.static_rnn(cell, steps, dtype: tf.float32);
        var charLogits = tf.nn.xw_plus_b(tf.reshape(tf.concat(outs, 1), new[] { -1, H }), tf.get_variable("softmax_w", new Shape(H, V)), tf.get_variable("softmax_b", new Shape(V)));
        var charCost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(tf.reshape(targets, new[] { -1 }), charLogits));
        var tvars = tf.trainable_variables();
        var (grads, _) = tf.clip_by_global_norm(tf.gradients(charCost, tvars), 5.0);
        var charTrain = tf.train.AdamOptimizer(0.002).apply_gradients(grads.Zip(tvars));
        using var sess = tf.Session(graph);
        sess.run(tf.global_variables_initializer());
        var x = np.random.randint(0, V, B, T).astype(tf.int32);
        var y = np.random.randint(0, V, B, T).astype(tf.int32);
        results.Add(("char-rnn train step (µs)", Median(_ => TimePerIteration(3, () => sess.run(charTrain, (input, x), (targets, y))))));
    }
}

Console.WriteLine($"{"case",-45} {"µs/iter",10}");
foreach (var (name, micros) in results) Console.WriteLine($"{name,-45} {micros,10:F2}");

KorCharRnnStep.Run();   // practice 4: ours vs raw TorchSharp, in KorCharRnnStep.cs
