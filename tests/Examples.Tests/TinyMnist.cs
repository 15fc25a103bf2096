using TfRnn.Datasets;

namespace Examples.Tests;

/// <summary>A small generated MNIST-format set: digit k is a bright row band at row 2k + 4 plus noise.</summary>
public static class TinyMnist
{
    public static string Write(string dir, int train = 400, int test = 100, int seed = 5)
    {
        var rng = new Random(seed);
        void Split(string prefix, int count)
        {
            var images = new byte[count * 28 * 28];
            var labels = new byte[count];
            for (int i = 0; i < count; i++)
            {
                int digit = rng.Next(10);
                labels[i] = (byte)digit;
                for (int p = 0; p < 28 * 28; p++) images[i * 784 + p] = (byte)rng.Next(40);
                for (int c = 0; c < 28; c++) images[i * 784 + (2 * digit + 4) * 28 + c] = 250;
            }
            IdxFile.Write(Path.Combine(dir, $"{prefix}-images-idx3-ubyte"), new[] { count, 28, 28 }, images);
            IdxFile.Write(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte"), new[] { count }, labels);
        }
        Split("train", train);
        Split("t10k", test);
        return dir;
    }
}
