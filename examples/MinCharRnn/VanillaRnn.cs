// The model of Karpathy's min-char-rnn.py, ported line by line onto `np`: a vanilla tanh RNN over one-hot
// characters, its loss and backpropagation through time (LossFun), and character sampling (Sample).
using TfRnn;

namespace TfRnn.Examples.MinCharRnn;

/// <summary>The loss of one sequence, the (clipped) gradients of every parameter and the last hidden state.</summary>
public sealed record LossAndGradients(double Loss, NDArray dWxh, NDArray dWhh, NDArray dWhy, NDArray dbh, NDArray dby, NDArray H)
{
    /// <summary>The gradients in the order of <see cref="VanillaRnn.Parameters"/>.</summary>
    public NDArray[] Gradients => new[] { dWxh, dWhh, dWhy, dbh, dby };
}

public sealed class VanillaRnn
{
    readonly int vocabSize;

    // model parameters
    public readonly NDArray Wxh, Whh, Why, bh, by;

    public VanillaRnn(int vocabSize, int hiddenSize = 100)
    {
        this.vocabSize = vocabSize;
        Wxh = np.random.randn(hiddenSize, vocabSize) * 0.01;   // input to hidden
        Whh = np.random.randn(hiddenSize, hiddenSize) * 0.01;  // hidden to hidden
        Why = np.random.randn(vocabSize, hiddenSize) * 0.01;   // hidden to output
        bh = np.zeros((hiddenSize, 1));                        // hidden bias
        by = np.zeros((vocabSize, 1));                         // output bias
    }

    /// <summary>Wxh, Whh, Why, bh, by: the arrays an update changes in place.</summary>
    public NDArray[] Parameters => new[] { Wxh, Whh, Why, bh, by };

    /// <summary>
    /// inputs, targets are both arrays of character indices; hprev is the [hidden, 1] initial hidden state.
    /// Returns the loss, gradients on the model parameters, and the last hidden state.
    /// </summary>
    public LossAndGradients LossFun(int[] inputs, int[] targets, NDArray hprev)
    {
        var (xs, hs, ys, ps) = (new Dictionary<int, NDArray>(), new Dictionary<int, NDArray>(), new Dictionary<int, NDArray>(), new Dictionary<int, NDArray>());
        hs[-1] = np.copy(hprev);
        double loss = 0;
        // forward pass
        for (int t = 0; t < inputs.Length; t++)
        {
            xs[t] = np.zeros((vocabSize, 1));                                   // encode in 1-of-k representation
            xs[t][inputs[t]] = 1;
            hs[t] = np.tanh(np.dot(Wxh, xs[t]) + np.dot(Whh, hs[t - 1]) + bh);  // hidden state
            ys[t] = np.dot(Why, hs[t]) + by;                                    // unnormalized log probabilities for next chars
            ps[t] = np.exp(ys[t]) / np.sum(np.exp(ys[t]));                      // probabilities for next chars
            loss += -(double)np.log(ps[t][targets[t], 0]);                      // softmax (cross-entropy loss)
        }
        // backward pass: compute gradients going backwards
        var (dWxh, dWhh, dWhy) = (np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(Why));
        var (dbh, dby) = (np.zeros_like(bh), np.zeros_like(by));
        var dhnext = np.zeros_like(hs[0]);
        for (int t = inputs.Length - 1; t >= 0; t--)
        {
            var dy = np.copy(ps[t]);
            dy[targets[t]] -= 1;                        // backprop into y
            dWhy += np.dot(dy, hs[t].T);
            dby += dy;
            var dh = np.dot(Why.T, dy) + dhnext;        // backprop into h
            var dhraw = (1 - hs[t] * hs[t]) * dh;       // backprop through tanh nonlinearity
            dbh += dhraw;
            dWxh += np.dot(dhraw, xs[t].T);
            dWhh += np.dot(dhraw, hs[t - 1].T);
            dhnext = np.dot(Whh.T, dhraw);
        }
        foreach (var dparam in new[] { dWxh, dWhh, dWhy, dbh, dby })
            np.clip(dparam, -5, 5, @out: dparam);       // clip to mitigate exploding gradients
        return new LossAndGradients(loss, dWxh, dWhh, dWhy, dbh, dby, hs[inputs.Length - 1]);
    }

    /// <summary>Samples a sequence of n character indices; h is the memory state, seedIx the first input.</summary>
    public List<int> Sample(NDArray h, int seedIx, int n)
    {
        var x = np.zeros((vocabSize, 1));
        x[seedIx] = 1;
        var ixes = new List<int>();
        for (int t = 0; t < n; t++)
        {
            h = np.tanh(np.dot(Wxh, x) + np.dot(Whh, h) + bh);
            var y = np.dot(Why, h) + by;
            var p = np.exp(y) / np.sum(np.exp(y));
            int ix = np.random.choice(Enumerable.Range(0, vocabSize), p: p.ravel());
            x = np.zeros((vocabSize, 1));
            x[ix] = 1;
            ixes.Add(ix);
        }
        return ixes;
    }
}
