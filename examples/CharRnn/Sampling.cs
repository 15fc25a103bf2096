using TfRnn;

namespace TfRnn.Examples.CharRnn;

/// <summary>The slides' 3_char_rnn_inference: rebuild the model for one character at a time, restore, sample.</summary>
public static class Sampling
{
    /// <summary>A session with the sampling graph and the weights of <paramref name="saveDir"/> (ours or a Python char-rnn run).</summary>
    public static (Session sess, Sampler sampler) Open(string saveDir)
    {
        var run = SavedRun.Load(saveDir);
        var stored = tf.train.list_variables(run.Checkpoint).Select(v => v.name).ToList();
        var graph = tf.Graph();
        using (graph.as_default())
        {
            string lstmKind = stored.Any(k => RnnCheckpointNames.ToCurrent(k).Contains("/lstm_cell/")) ? "lstm_cell" : "basic_lstm_cell";
            var model = new CharRnnModel(run.Config with { vocab_size = run.Chars.Length }, training: false, lstmKind);
            // Checkpoints of TF ≤ 1.1 name the weights differently; map today's names to the stored keys.
            var currentToStored = RnnCheckpointNames.CurrentToStored(stored);
            // char-rnn before TF 1.0 also created the embedding inside the "rnnlm" scope.
            string StoredKey(Variable v) =>
                currentToStored.TryGetValue(v.op.name, out var key) ? key
                : currentToStored.TryGetValue("rnnlm/" + v.op.name, out var older) ? older
                : throw new ArgumentException($"The checkpoint {run.Checkpoint} has no weight for {v.op.name}; it was trained with a different model.");
            var varList = model.Weights.ToDictionary(StoredKey, v => v);
            var sess = tf.Session(graph);
            sess.run(tf.global_variables_initializer());
            tf.train.Saver(varList).restore(sess, run.Checkpoint);
            return (sess, new Sampler(sess, model, run.Chars));
        }
    }

    /// <summary><paramref name="prime"/> if the run's vocabulary has all its characters (as the model sees them), else its most frequent character.</summary>
    public static string PrimeFor(string saveDir, string prime, TextCodec codec)
    {
        var chars = SavedRun.Load(saveDir).Chars;
        if (codec.ToModel(prime).EnumerateRunes().All(r => chars.Contains(r.ToString()))) return prime;
        var first = codec.ToText(chars[0]);
        Console.WriteLine($"(the prime '{prime}' has characters outside this corpus; starting from '{first}')");
        return first;
    }

    /// <summary>Prints <paramref name="n"/> model characters after <paramref name="prime"/>, in the corpus's own text (the codec's ToText).</summary>
    public static int Run(string initFrom, string prime, int n, string mode, double temperature, int seed, TextCodec codec)
    {
        np.random.seed(seed);
        var (sess, sampler) = Open(initFrom);
        using (sess) Console.WriteLine(codec.ToText(sampler.Sample(n, codec.ToModel(prime), mode, temperature)));
        return 0;
    }
}
