using System.Text;
using System.Text.Json;

namespace TfRnn.Datasets;

/// <summary>
/// char-rnn's TextLoader: reads <c>input.txt</c> (strict UTF-8), builds the vocabulary of Unicode code points by
/// descending frequency (ties in order of first appearance), as Python 3's char-rnn does, encodes the text, and serves batches of batch_size × seq_length ids with targets shifted
/// by one. The vocabulary (<c>vocab.json</c>) and encoded text (<c>data.npy</c>, readable by NumPy) are cached
/// beside the input and rebuilt when the input is newer or the cache does not hold together.
/// </summary>
public sealed class TextLoader
{
    readonly NDArray[] _xBatches;
    readonly NDArray[] _yBatches;

    /// <summary>Loads <c>input.txt</c> from <paramref name="data_dir"/> (from the <c>vocab.json</c>/<c>data.npy</c> cache when that is current; decoded as <paramref name="encoding"/>, UTF-8 by default) and cuts it into <see cref="num_batches"/> batches; <see cref="FileNotFoundException"/> without an input, <see cref="InvalidDataException"/> when it is empty or too short for one batch.</summary>
    public TextLoader(string data_dir, int batch_size, int seq_length, Encoding? encoding = null)
    {
        var input = Path.Combine(data_dir, "input.txt");
        if (!File.Exists(input))
            throw new FileNotFoundException($"No corpus at '{input}'. Put a text file named input.txt in the folder given with --data.", input);
        var vocabFile = Path.Combine(data_dir, "vocab.json");
        var tensorFile = Path.Combine(data_dir, "data.npy");
        bool fresh = File.Exists(vocabFile) && File.Exists(tensorFile)
                     && File.GetLastWriteTimeUtc(vocabFile) >= File.GetLastWriteTimeUtc(input)
                     && File.GetLastWriteTimeUtc(tensorFile) >= File.GetLastWriteTimeUtc(input);
        NDArray tensor;
        if (fresh && ReadCache(vocabFile, tensorFile) is { } cache)
            (chars, tensor) = cache;
        else
        {
            var text = CorpusText.Read(input, encoding);   // throws before anything is written
            if (text.Length == 0) throw new InvalidDataException($"The corpus '{input}' is empty.");
            (chars, tensor) = Encode(text);
            File.WriteAllText(vocabFile + ".tmp", JsonSerializer.Serialize(chars));
            File.Move(vocabFile + ".tmp", vocabFile, overwrite: true);
            np.save(tensorFile, tensor);
        }
        vocab = chars.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        this.batch_size = batch_size;
        this.seq_length = seq_length;

        long total = tensor.size;
        num_batches = (int)(total / ((long)batch_size * seq_length));
        if (num_batches == 0)
            throw new InvalidDataException($"Not enough data in '{input}': {total} characters make no batch of {batch_size} × {seq_length}. " +
                "Use a larger corpus or smaller --batch-size / --seq-length.");
        var ids = tensor.ToArray<long>()[..(num_batches * batch_size * seq_length)];
        var targets = ids.Skip(1).Append(ids[0]).ToArray();
        _xBatches = Split(ids);
        _yBatches = Split(targets);
    }

    /// <summary>The characters in id order (most frequent first). Each is one Unicode code point (an emoji is one string of two UTF-16 units).</summary>
    public string[] chars { get; }
    /// <summary>Each character mapped to its id (the inverse of <see cref="chars"/>).</summary>
    public Dictionary<string, int> vocab { get; }
    /// <summary>The number of distinct characters.</summary>
    public int vocab_size => chars.Length;
    /// <summary>The number of sequences per batch.</summary>
    public int batch_size { get; }
    /// <summary>The number of characters per sequence.</summary>
    public int seq_length { get; }
    /// <summary>How many full batches the text makes (the tail that does not fill one is dropped).</summary>
    public int num_batches { get; }
    /// <summary>The index of the batch <see cref="next_batch"/> returns next.</summary>
    public int pointer { get; private set; }

    /// <summary>The next (x, y) batch of shape [batch_size, seq_length]; y is x shifted by one character.</summary>
    public (NDArray x, NDArray y) next_batch()
    {
        if (pointer >= num_batches) throw new InvalidOperationException("The epoch is over: call reset_batch_pointer() first.");
        var batch = (_xBatches[pointer], _yBatches[pointer]);
        pointer++;
        return batch;
    }

    /// <summary>Starts the epoch over: <see cref="next_batch"/> returns the first batch again.</summary>
    public void reset_batch_pointer() => pointer = 0;

    /// <summary>Vocabulary by descending count, ties by first appearance; the text as int64 ids.</summary>
    internal static (string[] chars, NDArray tensor) Encode(string text)
    {
        var points = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var counts = new Dictionary<int, (int count, int first)>();
        for (int i = 0; i < points.Length; i++)
            counts[points[i]] = counts.TryGetValue(points[i], out var c) ? (c.count + 1, c.first) : (1, i);
        var order = counts.OrderByDescending(p => p.Value.count).ThenBy(p => p.Value.first).Select(p => p.Key).ToArray();
        var ids = new Dictionary<int, long>();
        for (int i = 0; i < order.Length; i++) ids[order[i]] = i;
        var encoded = new long[points.Length];
        for (int i = 0; i < points.Length; i++) encoded[i] = ids[points[i]];
        return (order.Select(p => new Rune(p).ToString()).ToArray(), np.array(encoded));
    }

    /// <summary>The cached vocabulary and ids when they hold together (distinct code points, ids in range), else null.</summary>
    static (string[] chars, NDArray tensor)? ReadCache(string vocabFile, string tensorFile)
    {
        try
        {
            var chars = JsonSerializer.Deserialize<string[]>(File.ReadAllText(vocabFile));
            if (chars is not { Length: > 0 } || !chars.All(CorpusText.IsOneCodePoint) || chars.Distinct().Count() != chars.Length) return null;
            var tensor = np.load(tensorFile);
            var ids = tensor.ToArray<long>();
            return ids.Length > 0 && ids.All(i => i >= 0 && i < chars.Length) ? (chars, tensor) : null;
        }
        catch (Exception)
        {
            return null;   // whatever damaged the cache, it is rebuilt from input.txt
        }
    }

    /// <summary>Reshapes the ids to [batch_size, -1] and cuts them into num_batches column blocks (np.split on axis 1).</summary>
    NDArray[] Split(long[] ids)
    {
        int width = ids.Length / batch_size;
        var batches = new NDArray[num_batches];
        for (int b = 0; b < num_batches; b++)
        {
            var block = new int[batch_size * seq_length];
            for (int row = 0; row < batch_size; row++)
                for (int t = 0; t < seq_length; t++)
                    block[row * seq_length + t] = (int)ids[row * width + b * seq_length + t];
            batches[b] = np.array(block).reshape(batch_size, seq_length);
        }
        return batches;
    }
}
