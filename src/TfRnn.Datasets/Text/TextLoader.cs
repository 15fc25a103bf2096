using System.Text;
using System.Text.Json;

namespace TfRnn.Datasets;

/// <summary>
/// char-rnn's TextLoader: reads <c>input.txt</c>, builds the vocabulary by descending frequency (ties in order of
/// first appearance), encodes the text, and serves batches of batch_size × seq_length ids with targets shifted
/// by one. The vocabulary (<c>vocab.json</c>) and encoded text (<c>data.npy</c>, readable by NumPy) are cached
/// beside the input and rebuilt when the input is newer.
/// </summary>
public sealed class TextLoader
{
    readonly NDArray[] _xBatches;
    readonly NDArray[] _yBatches;

    public TextLoader(string data_dir, int batch_size, int seq_length, Encoding? encoding = null)
    {
        var input = Path.Combine(data_dir, "input.txt");
        if (!File.Exists(input))
            throw new FileNotFoundException($"No corpus at '{input}'. Put a text file named input.txt in the folder given with --data.", input);
        var vocabFile = Path.Combine(data_dir, "vocab.json");
        var tensorFile = Path.Combine(data_dir, "data.npy");
        bool cached = File.Exists(vocabFile) && File.Exists(tensorFile)
                      && File.GetLastWriteTimeUtc(vocabFile) >= File.GetLastWriteTimeUtc(input)
                      && File.GetLastWriteTimeUtc(tensorFile) >= File.GetLastWriteTimeUtc(input);
        NDArray tensor;
        if (cached)
        {
            chars = JsonSerializer.Deserialize<string[]>(File.ReadAllText(vocabFile))!;
            tensor = np.load(tensorFile);
        }
        else
        {
            var text = File.ReadAllText(input, encoding ?? Encoding.UTF8);
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

    /// <summary>The characters in id order (most frequent first). Each is one string element (a UTF-16 char).</summary>
    public string[] chars { get; }
    public Dictionary<string, int> vocab { get; }
    public int vocab_size => chars.Length;
    public int batch_size { get; }
    public int seq_length { get; }
    public int num_batches { get; }
    public int pointer { get; private set; }

    /// <summary>The next (x, y) batch of shape [batch_size, seq_length]; y is x shifted by one character.</summary>
    public (NDArray x, NDArray y) next_batch()
    {
        if (pointer >= num_batches) throw new InvalidOperationException("The epoch is over: call reset_batch_pointer() first.");
        var batch = (_xBatches[pointer], _yBatches[pointer]);
        pointer++;
        return batch;
    }

    public void reset_batch_pointer() => pointer = 0;

    /// <summary>Vocabulary by descending count, ties by first appearance; the text as int64 ids.</summary>
    internal static (string[] chars, NDArray tensor) Encode(string text)
    {
        var counts = new Dictionary<char, (int count, int first)>();
        for (int i = 0; i < text.Length; i++)
            counts[text[i]] = counts.TryGetValue(text[i], out var c) ? (c.count + 1, c.first) : (1, i);
        var chars = counts.OrderByDescending(p => p.Value.count).ThenBy(p => p.Value.first).Select(p => p.Key).ToArray();
        var ids = new Dictionary<char, long>();
        for (int i = 0; i < chars.Length; i++) ids[chars[i]] = i;
        var encoded = new long[text.Length];
        for (int i = 0; i < text.Length; i++) encoded[i] = ids[text[i]];
        return (chars.Select(c => c.ToString()).ToArray(), np.array(encoded));
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
