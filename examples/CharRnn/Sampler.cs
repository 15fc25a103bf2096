using System.Text;
using TfRnn;

namespace TfRnn.Examples.CharRnn;

/// <summary>
/// The slides' sampling loop (char-rnn's model.sample): one Session.run per character, feeding the state back.
/// Modes: weighted (weighted_pick over the probabilities), choice (np.random.choice(len(p), p=p), as the Korean
/// practice samples), argmax, or temperature-scaled weighted.
/// </summary>
public sealed class Sampler(Session sess, CharRnnModel model, string[] chars)
{
    public static readonly string[] Modes = ["weighted", "choice", "argmax", "temperature"];

    readonly Dictionary<string, int> _vocab = chars.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);

    /// <summary>The id of each character of <paramref name="text"/>; a clear error for one outside the vocabulary.</summary>
    public int[] Encode(string text) => text.EnumerateRunes().Select(r => _vocab.TryGetValue(r.ToString(), out int id) ? id
        : throw new ArgumentException($"The character '{r}' (U+{r.Value:X4}) is not in the model's vocabulary of {chars.Length} characters.")).ToArray();

    public string Sample(int num, string prime, string mode = "weighted", double temperature = 1.0)
    {
        if (prime.Length == 0) throw new ArgumentException("--prime must not be empty");
        var ids = Encode(prime);
        var state = sess.run(model.initial_state);
        foreach (var id in ids[..^1]) state = Step(id, state).state;
        var text = new System.Text.StringBuilder(prime);
        int current = ids[^1];
        for (int n = 0; n < num; n++)
        {
            NDArray probs;
            (probs, state) = Step(current, state);
            current = mode switch
            {
                "argmax" => (int)np.argmax(probs),
                "choice" => np.random.choice((int)probs.size, probs),
                "temperature" => WeightedPick(Sharpen(probs, temperature)),
                _ => WeightedPick(probs),
            };
            text.Append(chars[current]);
        }
        return text.ToString();
    }

    /// <summary>Mean −ln p(next character) over <paramref name="text"/>, predicted one character at a time.</summary>
    public double CrossEntropy(string text)
    {
        var ids = Encode(text);
        var state = sess.run(model.initial_state);
        double total = 0;
        for (int i = 0; i + 1 < ids.Length; i++)
        {
            NDArray probs;
            (probs, state) = Step(ids[i], state);
            total -= Math.Log(Math.Max(probs.GetValue<float>(ids[i + 1]), 1e-30f));
        }
        return total / (ids.Length - 1);
    }

    (NDArray probs, Nest<NDArray> state) Step(int id, Nest<NDArray> state)
    {
        var (probs, next) = sess.run((model.probs, model.final_state), (model.input_data, new[,] { { id } }), (model.initial_state, state));
        return (probs[0], next);
    }

    /// <summary>weighted_pick: the first index whose running total passes a uniform draw of the total.</summary>
    static int WeightedPick(NDArray weights)
    {
        var t = np.cumsum(weights);
        double s = (double)np.sum(weights);
        return Math.Min(np.searchsorted(t, np.random.rand(1).GetValue<double>(0) * s), (int)weights.size - 1);
    }

    /// <summary>p^(1/T), renormalized: below 1 sharpens toward argmax, above 1 flattens.</summary>
    static NDArray Sharpen(NDArray probs, double temperature)
    {
        if (temperature <= 0) throw new ArgumentException("--temperature must be positive");
        var scaled = np.exp(np.log(np.maximum(probs.astype(tf.float64), 1e-30)) / temperature);
        return scaled / np.sum(scaled);
    }
}
