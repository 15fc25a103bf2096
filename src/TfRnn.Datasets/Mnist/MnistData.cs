namespace TfRnn.Datasets;

/// <summary>The train / validation / test splits returned by <see cref="MnistData.read_data_sets"/>.</summary>
public sealed record DataSets(DataSet train, DataSet validation, DataSet test);

/// <summary>
/// TF's <c>input_data.read_data_sets(dir, one_hot)</c> over MNIST-format IDX files (MNIST or Fashion-MNIST),
/// raw or gzipped: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte.
/// </summary>
public static class MnistData
{
    const int Classes = 10;

    /// <summary>Reads the four IDX files from <paramref name="train_dir"/> and splits off the first <paramref name="validation_size"/> training examples as validation; <paramref name="one_hot"/> gives labels as one-hot float rows, <paramref name="seed"/> seeds each split's shuffling. <see cref="DirectoryNotFoundException"/> or <see cref="FileNotFoundException"/> when the data is missing.</summary>
    public static DataSets read_data_sets(string train_dir, bool one_hot = false, int validation_size = 5000, int seed = 0)
    {
        if (!Directory.Exists(train_dir))
            throw new DirectoryNotFoundException($"MNIST directory '{train_dir}' does not exist. Pass --data with a folder holding the four IDX files " +
                "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz).");
        var (trainImages, pixels) = ReadImages(Find(train_dir, "train-images-idx3-ubyte"));
        var trainLabels = ReadLabels(Find(train_dir, "train-labels-idx1-ubyte"));
        var (testImages, testPixels) = ReadImages(Find(train_dir, "t10k-images-idx3-ubyte"));
        var testLabels = ReadLabels(Find(train_dir, "t10k-labels-idx1-ubyte"));
        if (trainImages.Length / pixels != trainLabels.Length || testImages.Length / testPixels != testLabels.Length)
            throw new InvalidDataException($"Image and label counts differ in '{train_dir}'.");
        if (validation_size < 0 || validation_size >= trainLabels.Length)
            throw new ArgumentOutOfRangeException(nameof(validation_size), $"Validation size should be between 0 and {trainLabels.Length - 1}. Received: {validation_size}.");

        var validation = new DataSet(trainImages[..(validation_size * pixels)], trainLabels[..validation_size], pixels, one_hot, Classes, seed + 1);
        var train = new DataSet(trainImages[(validation_size * pixels)..], trainLabels[validation_size..], pixels, one_hot, Classes, seed);
        var test = new DataSet(testImages, testLabels, testPixels, one_hot, Classes, seed + 2);
        return new DataSets(train, validation, test);
    }

    static string Find(string dir, string name)
    {
        foreach (var candidate in new[] { name, name + ".gz", name.Replace("-idx", ".idx") })
        {
            var path = Path.Combine(dir, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"'{dir}' has no {name} (or {name}.gz).", Path.Combine(dir, name));
    }

    static (float[] images, int pixels) ReadImages(string path)
    {
        var (dims, data) = IdxFile.Read(path);
        if (dims.Length != 3) throw new InvalidDataException($"'{path}' should hold [count, rows, columns] images, but has {dims.Length} dimensions.");
        var images = new float[data.Length];
        for (int i = 0; i < data.Length; i++) images[i] = data[i] / 255f;
        return (images, dims[1] * dims[2]);
    }

    static byte[] ReadLabels(string path)
    {
        var (dims, data) = IdxFile.Read(path);
        if (dims.Length != 1) throw new InvalidDataException($"'{path}' should hold a vector of labels, but has {dims.Length} dimensions.");
        if (data.Any(label => label >= Classes)) throw new InvalidDataException($"'{path}' holds a label outside 0..9.");
        return data;
    }
}
