using TfRnn;
using TfRnn.Datasets;

namespace TfRnn.Tests.Datasets;

[TestClass]
public class TextLoaderTests
{
    static string Corpus(string text)
    {
        var dir = TestData.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "input.txt"), text);
        return dir;
    }

    [TestMethod]
    public void Vocabulary_ByDescendingFrequency_TiesByFirstAppearance()
    {
        var loader = new TextLoader(Corpus("abcabcaab"), batch_size: 1, seq_length: 2);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, loader.chars);
        var tied = new TextLoader(Corpus("zyxxyz"), 1, 2);
        CollectionAssert.AreEqual(new[] { "z", "y", "x" }, tied.chars, "equal counts keep first-appearance order");
    }

    [TestMethod]
    public void Batches_AreColumnBlocks_WithTargetsShiftedByOne()
    {
        // 12 characters, batch 2 × seq 3 → 2 batches; rows are the two halves of the text.
        var loader = new TextLoader(Corpus("abcdefghijkl"), batch_size: 2, seq_length: 3);
        Assert.AreEqual(2, loader.num_batches);
        string Text(NDArray ids) => string.Concat(ids.ToArray<int>().Select(i => loader.chars[i]));
        var (x, y) = loader.next_batch();
        CollectionAssert.AreEqual(new long[] { 2, 3 }, x.shape.dims);
        Assert.AreEqual("abcghi", Text(x));
        Assert.AreEqual("bcdhij", Text(y));
        var (x2, y2) = loader.next_batch();
        Assert.AreEqual("defjkl", Text(x2));
        Assert.AreEqual("efgkla", Text(y2), "the last target wraps to the first character");
        Assert.ThrowsExactly<InvalidOperationException>(() => loader.next_batch());
        loader.reset_batch_pointer();
        Assert.AreEqual("abcghi", Text(loader.next_batch().x));
    }

    [TestMethod]
    public void Cache_IsWrittenBesideInput_AndReadBack()
    {
        var dir = Corpus("hello world, hello tensorflow");
        var first = new TextLoader(dir, 2, 4);
        Assert.IsTrue(File.Exists(Path.Combine(dir, "vocab.json")));
        var cached = np.load(Path.Combine(dir, "data.npy"));
        Assert.AreEqual(tf.int64, cached.dtype);
        Assert.AreEqual(29L, cached.size);
        var second = new TextLoader(dir, 2, 4);
        CollectionAssert.AreEqual(first.chars, second.chars);
        CollectionAssert.AreEqual(first.next_batch().x.ToArray<int>(), second.next_batch().x.ToArray<int>());
    }

    [TestMethod]
    public void BadCorpora_GiveClearErrors()
    {
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => new TextLoader(TestData.TempDirectory(), 1, 1)).Message, "--data");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => new TextLoader(Corpus(""), 1, 1)).Message, "empty");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => new TextLoader(Corpus("short"), 2, 10)).Message, "Not enough data");
    }

    [TestMethod]
    public void NpyFiles_HaveNumPysHeader_AndRoundTrip()
    {
        var path = Path.Combine(TestData.TempDirectory(), "a.npy");
        np.save(path, np.array(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }));
        var bytes = File.ReadAllBytes(path);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, bytes[8]);
        Assert.AreEqual("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.TrimEnd());
        Assert.AreEqual(0, (10 + bytes[8]) % 64, "data aligned to 64 bytes as NumPy writes it");
        var back = np.load(path);
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4, 5, 6 }, back.ToArray<float>());
        CollectionAssert.AreEqual(new long[] { 2, 3 }, back.shape.dims);
    }

    [TestMethod]
    public void OldRnnCheckpointNames_MapToCurrent()
    {
        Assert.AreEqual("rnnlm/multi_rnn_cell/cell_0/basic_lstm_cell/kernel", RnnCheckpointNames.ToCurrent("rnnlm/MultiRNNCell/Cell0/BasicLSTMCell/Linear/Matrix"));
        Assert.AreEqual("rnnlm/multi_rnn_cell/cell_1/basic_lstm_cell/bias", RnnCheckpointNames.ToCurrent("rnnlm/multi_rnn_cell/cell_1/basic_lstm_cell/biases"));
        Assert.AreEqual("rnnlm/softmax_w", RnnCheckpointNames.ToCurrent("rnnlm/softmax_w"));
        var keys = tf.train.list_variables(TestData.Path_("charrnn_calebfoss")).Select(v => v.name);
        var map = RnnCheckpointNames.CurrentToStored(keys);
        Assert.AreEqual("rnnlm/MultiRNNCell/Cell1/BasicLSTMCell/Linear/Bias", map["rnnlm/multi_rnn_cell/cell_1/basic_lstm_cell/bias"]);
    }
}
