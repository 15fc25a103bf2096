// "Advanced" part of the tutorial: dynamic RNNs over variable-length batches, bidirectional RNNs, and
// gradient clipping with compute_gradients → clip_by_norm → apply_gradients.
using System.CommandLine;
using Spectre.Console;
using TfRnn;
using TfRnn.Examples;

var steps = new Option<int>("--steps") { Description = "Training steps of the clipping demo", DefaultValueFactory = _ => 300 };
var clipNorm = new Option<double>("--clip-norm") { Description = "clip_by_norm threshold for each gradient", DefaultValueFactory = _ => 1.0 };
var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
OptionRules.AtLeast(1, steps);
OptionRules.Positive(clipNorm);
var command = new RootCommand("dynamic_rnn, bidirectional_dynamic_rnn and gradient clipping (Advanced practice)") { steps, clipNorm, seed };
command.SetAction(parsed => Run(parsed.GetValue(steps), parsed.GetValue(clipNorm), parsed.GetValue(seed)));
return ExampleMain.Run(command, args);

static int Run(int trainingSteps, double clipNorm, int seed)
{
    np.random.seed(seed);
    tf.set_random_seed(seed);

    // ---- 1. dynamic_rnn: a batch of 2 sequences of 10 steps, the second only 6 long ----------------
    var X = np.random.randn(2, 10, 8);
    X[1] = ZeroFrom(X[1], 6);                                   // X[1, 6:] = 0
    var X_lengths = new[] { 10, 6 };
    var cell = tf.nn.rnn_cell.LSTMCell(num_units: 64, state_is_tuple: true);
    var (outputs, last_states) = tf.nn.dynamic_rnn(cell, tf.constant(X), sequence_length: X_lengths, dtype: tf.float64);

    // ---- 2. bidirectional_dynamic_rnn with the same cell class, forward and backward ------------------
    var ((output_fw, output_bw), (states_fw, states_bw)) = tf.nn.bidirectional_dynamic_rnn(
        tf.nn.rnn_cell.LSTMCell(64), tf.nn.rnn_cell.LSTMCell(64), tf.constant(X), sequence_length: X_lengths, dtype: tf.float64);

    using (var sess = tf.Session())
    {
        sess.run(tf.global_variables_initializer());
        var result = sess.run(outputs);
        var state = sess.run(last_states);
        AnsiConsole.MarkupLineInterpolated($"dynamic_rnn outputs shape {result.shape} (batch, time, units); last state c {state.c.shape}, h {state.h.shape}");
        bool zeroPast6 = Enumerable.Range(6, 4).All(t => result[1, t].ToArray<double>().All(v => v == 0));
        AnsiConsole.MarkupLineInterpolated($"outputs of sequence 1 past its length 6 are all zero: [bold]{zeroPast6}[/]");
        bool stateIsStep5 = result[1, 5].ToArray<double>().SequenceEqual(state.h[1].ToArray<double>());
        AnsiConsole.MarkupLineInterpolated($"its last state is its output at step 5 (carried through): [bold]{stateIsStep5}[/]");
        var fw = sess.run(output_fw);
        var bw = sess.run(output_bw);
        AnsiConsole.MarkupLineInterpolated($"bidirectional: output_fw {fw.shape}, output_bw {bw.shape}");
        AnsiConsole.MarkupLineInterpolated($"bidirectional states: fw c {sess.run(states_fw).c.shape}, bw h {sess.run(states_bw).h.shape}");
        if (!zeroPast6 || !stateIsStep5) return 1;
    }

    // ---- 3. gradient clipping on a toy task: predict the sum of a variable-length sequence ------------
    tf.reset_default_graph();
    tf.set_random_seed(seed);
    var inputs = tf.placeholder(tf.float32, new Shape(-1, 12, 1), name: "inputs");
    var lengths = tf.placeholder(tf.int32, new Shape(-1), name: "lengths");
    var targets = tf.placeholder(tf.float32, new Shape(-1, 1), name: "targets");
    var (_, final) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.LSTMCell(32), inputs, sequence_length: lengths, dtype: tf.float32);
    var w = tf.get_variable("w", new Shape(32, 1));
    var b = tf.get_variable("b", new Shape(1), initializer: tf.zeros_initializer());
    var loss = tf.reduce_mean(tf.square(tf.nn.xw_plus_b(final.h, w, b) - targets));
    var globalStep = tf.train.get_or_create_global_step();
    var optimizer = tf.train.AdamOptimizer(0.01);
    var grads = optimizer.compute_gradients(loss);
    var clipped = grads.Select(gv => ((Tensor?)tf.clip_by_norm(gv.gradient!, clipNorm), gv.variable)).ToList();
    var rawNorm = tf.global_norm(grads.Select(gv => gv.gradient));
    var clippedNorm = tf.global_norm(clipped.Select(gv => gv.Item1));
    var trainOp = optimizer.apply_gradients(clipped, global_step: globalStep);

    using var session = tf.Session();
    session.run(tf.global_variables_initializer());
    var rng = new Random(seed);
    AnsiConsole.MarkupLineInterpolated($"training with each gradient clipped to norm {clipNorm}:");
    for (int step = 1; step <= trainingSteps; step++)
    {
        var (batchX, batchLengths, batchY) = SumBatch(rng, 64);
        var feeds = new FeedItem[] { (inputs, batchX), (lengths, batchLengths), (targets, batchY) };
        var (_, l, before, after) = session.run((trainOp, loss, rawNorm, clippedNorm), feeds);
        if (step == 1 || step % 50 == 0)
            Console.WriteLine($"step {tf.train.global_step(session, globalStep)} loss {(float)l:0.0000} gradient norm {(float)before:0.000} → clipped {(float)after:0.000}");
    }
    return 0;
}

static NDArray ZeroFrom(NDArray sequence, int start)
{
    var copy = sequence.copy();
    for (int t = start; t < copy.shape[0]; t++) copy[t] = 0.0;
    return copy;
}

/// <summary>Sequences of 1..12 values in [0, 1), zero-padded to 12; the target is their sum.</summary>
static (NDArray x, int[] lengths, NDArray y) SumBatch(Random rng, int batch)
{
    var x = new float[batch, 12, 1];
    var lengths = new int[batch];
    var y = new float[batch, 1];
    for (int i = 0; i < batch; i++)
    {
        lengths[i] = rng.Next(1, 13);
        for (int t = 0; t < lengths[i]; t++) y[i, 0] += x[i, t, 0] = (float)rng.NextDouble();
    }
    return (x, lengths, y);
}
