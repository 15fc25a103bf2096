using System.IO.Compression;
using TfRnn;
using TfRnn.Datasets;

namespace TfRnn.Tests.Datasets;

[TestClass]
public class MnistDataTests
{
    static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tfrnn-mnist-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes 12 training and 4 test images whose pixel values encode (image index, pixel index).</summary>
    static string WriteSet(bool gzip)
    {
        var dir = TempDir();
        void Split(string prefix, int count)
        {
            var images = new byte[count * 4];   // 2x2 images
            for (int i = 0; i < images.Length; i++) images[i] = (byte)(i % 251);
            var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
            IdxFile.Write(Path.Combine(dir, $"{prefix}-images-idx3-ubyte"), new[] { count, 2, 2 }, images);
            IdxFile.Write(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte"), new[] { count }, labels);
        }
        Split("train", 12);
        Split("t10k", 4);
        if (gzip)
            foreach (var file in Directory.GetFiles(dir))
            {
                using (var output = new GZipStream(File.Create(file + ".gz"), CompressionLevel.Fastest))
                    output.Write(File.ReadAllBytes(file));
                File.Delete(file);
            }
        return dir;
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ReadDataSets_SplitsScalesAndLabels(bool gzip)
    {
        var sets = MnistData.read_data_sets(WriteSet(gzip), one_hot: true, validation_size: 2);
        Assert.AreEqual(10, sets.train.num_examples);
        Assert.AreEqual(2, sets.validation.num_examples);
        Assert.AreEqual(4, sets.test.num_examples);
        var images = sets.test.images.ToArray<float>();
        Assert.AreEqual(16, images.Length);
        Assert.AreEqual(5 / 255f, images[5], 1e-7);
        var labels = sets.test.labels;
        CollectionAssert.AreEqual(new long[] { 4, 10 }, labels.shape.dims);
        CollectionAssert.AreEqual(new float[] { 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, labels[1].ToArray<float>());
        var classIds = MnistData.read_data_sets(WriteSet(gzip), one_hot: false, validation_size: 2).validation.labels;
        CollectionAssert.AreEqual(new[] { 0, 1 }, classIds.ToArray<int>());
    }

    [TestMethod]
    public void NextBatch_CoversAnEpochThenReshuffles()
    {
        var train = MnistData.read_data_sets(WriteSet(false), validation_size: 2).train;
        var seen = new List<int>();
        for (int i = 0; i < 5; i++) seen.AddRange(train.next_batch(2).labels.ToArray<int>());
        CollectionAssert.AreEquivalent(new[] { 2, 3, 4, 5, 6, 7, 8, 9, 0, 1 }, seen, "one epoch sees every training example once");
        Assert.AreEqual(0, train.epochs_completed);
        var (images, labels) = train.next_batch(2);
        Assert.AreEqual(1, train.epochs_completed);
        CollectionAssert.AreEqual(new long[] { 2, 4 }, images.shape.dims);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => train.next_batch(11));
    }

    [TestMethod]
    public void BadFiles_GiveClearErrors()
    {
        var dir = TempDir();
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => MnistData.read_data_sets(dir)).Message, "train-images-idx3-ubyte");
        StringAssert.Contains(Assert.ThrowsExactly<DirectoryNotFoundException>(() => MnistData.read_data_sets(Path.Combine(dir, "missing"))).Message, "--data");
        var bad = Path.Combine(dir, "bad");
        File.WriteAllBytes(bad, new byte[] { 1, 2, 3, 4 });
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => IdxFile.Read(bad)).Message, "bad magic");
        IdxFile.Write(bad, new[] { 3, 2, 2 }, new byte[12]);
        File.WriteAllBytes(bad, File.ReadAllBytes(bad)[..^1]);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => IdxFile.Read(bad)).Message, "should hold 12 values");
        var sets = WriteSet(false);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MnistData.read_data_sets(sets)).Message, "Validation size");
    }
}
