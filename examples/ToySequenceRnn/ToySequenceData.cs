using TfRnn;

/// <summary>
/// The script's ToySequenceData: sequences of 3–20 values, padded with zeros to 20 steps, labelled
/// [1, 0] when linear (i/1000 for consecutive i) and [0, 1] when random.
/// </summary>
sealed class ToySequenceData
{
    public readonly List<float[][]> data = new();
    public readonly List<float[]> labels = new();
    public readonly List<int> seqlen = new();
    int batch_id;

    public ToySequenceData(Random random, int n_samples = 1000, int max_seq_len = 20, int min_seq_len = 3, int max_value = 1000)
    {
        for (int i = 0; i < n_samples; i++)
        {
            int len = random.Next(min_seq_len, max_seq_len + 1);   // Python's randint includes the upper bound
            seqlen.Add(len);
            float[][] s;
            if (random.NextDouble() < .5)
            {
                int rand_start = random.Next(0, max_value - len + 1);
                s = Enumerable.Range(rand_start, len).Select(v => new[] { (float)v / max_value }).ToArray();
                labels.Add(new[] { 1f, 0f });
            }
            else
            {
                s = Enumerable.Range(0, len).Select(_ => new[] { (float)random.Next(0, max_value + 1) / max_value }).ToArray();
                labels.Add(new[] { 0f, 1f });
            }
            data.Add(s.Concat(Enumerable.Range(0, max_seq_len - len).Select(_ => new[] { 0f })).ToArray());
        }
    }

    /// <summary>The next batch in order, wrapping to the start after the last one (like the script).</summary>
    public (float[][][] batch_data, float[][] batch_labels, int[] batch_seqlen) next(int batch_size)
    {
        if (batch_id == data.Count) batch_id = 0;
        int end = Math.Min(batch_id + batch_size, data.Count);
        var batch = (data[batch_id..end].ToArray(), labels[batch_id..end].ToArray(), seqlen[batch_id..end].ToArray());
        batch_id = end;
        return batch;
    }
}
