namespace TfRnn.Datasets;

/// <summary>
/// One split of an image dataset as in TF's MNIST tutorial helper: images [N, 784] scaled to [0, 1], labels
/// as class ids or one-hot rows, and <see cref="next_batch"/> that reshuffles at each epoch.
/// </summary>
public sealed class DataSet
{
    readonly float[] _images;     // [count, pixels]
    readonly byte[] _labels;      // class ids
    readonly int _pixels;
    readonly bool _oneHot;
    readonly int _classes;
    readonly Random _random;
    int[] _order;
    int _index;

    internal DataSet(float[] images, byte[] labels, int pixels, bool oneHot, int classes, int seed)
    {
        _images = images;
        _labels = labels;
        _pixels = pixels;
        _oneHot = oneHot;
        _classes = classes;
        _random = new Random(seed);
        _order = Enumerable.Range(0, labels.Length).ToArray();
        _random.Shuffle(_order);
    }

    /// <summary>The number of examples in this split.</summary>
    public int num_examples => _labels.Length;
    /// <summary>How many epochs <see cref="next_batch"/> has finished (it counts one each time it reshuffles).</summary>
    public int epochs_completed { get; private set; }

    /// <summary>All images, [num_examples, pixels].</summary>
    public NDArray images => Images(Enumerable.Range(0, num_examples).ToArray());
    /// <summary>All labels: [num_examples, classes] one-hot, or [num_examples] class ids.</summary>
    public NDArray labels => Labels(Enumerable.Range(0, num_examples).ToArray());

    /// <summary>The next <paramref name="batch_size"/> examples; after the last full batch of an epoch the order is reshuffled.</summary>
    public (NDArray images, NDArray labels) next_batch(int batch_size)
    {
        if (batch_size <= 0 || batch_size > num_examples)
            throw new ArgumentOutOfRangeException(nameof(batch_size), $"batch_size must be in [1, {num_examples}], got {batch_size}");
        if (_index + batch_size > num_examples)
        {
            epochs_completed++;
            _random.Shuffle(_order);
            _index = 0;
        }
        var picked = _order[_index..(_index + batch_size)];
        _index += batch_size;
        return (Images(picked), Labels(picked));
    }

    NDArray Images(int[] rows)
    {
        var data = new float[rows.Length * _pixels];
        for (int r = 0; r < rows.Length; r++) Array.Copy(_images, (long)rows[r] * _pixels, data, (long)r * _pixels, _pixels);
        return np.array(data).reshape(rows.Length, _pixels);
    }

    NDArray Labels(int[] rows)
    {
        if (!_oneHot) return np.array(rows.Select(r => (int)_labels[r]).ToArray());
        var data = new float[rows.Length * _classes];
        for (int r = 0; r < rows.Length; r++) data[r * _classes + _labels[rows[r]]] = 1;
        return np.array(data).reshape(rows.Length, _classes);
    }
}
