using TfRnn;
using TfRnn.Examples.CharRnn;

namespace Examples.Tests;

[TestClass]
public class CharRnnTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    static string SharedTestData(string folder) => TfRnn.Testing.RepositoryPaths.SharedTestData(folder);

    /// <summary>char-rnn-tensorflow's CI recipe: 100 lines, a few steps, checkpoint exists, resume into a second folder, sample.</summary>
    [TestMethod]
    public void TrainResumeSample_OnHundredLines()
    {
        var dir = ExampleRunner.TempDirectory();
        var data = Path.Combine(dir, "data");
        Directory.CreateDirectory(data);
        File.WriteAllLines(Path.Combine(data, "input.txt"), Enumerable.Range(0, 100).Select(i => $"line {i}: the quick brown fox jumps over the lazy dog."));
        string[] Small(string save, int rnnSize = 16) =>
            new[] { "--data", data, "--save-dir", save, "--batch-size", "4", "--seq-length", "16", "--rnn-size", rnnSize.ToString(), "--print-every", "1" };

        var first = Path.Combine(dir, "first");
        var (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, Small(first).Concat(new[] { "--steps", "3" }).ToArray());
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "step 3/3");
        Assert.IsTrue(File.Exists(Path.Combine(first, "model.ckpt-3.index")), output);
        Assert.IsTrue(File.Exists(Path.Combine(first, "checkpoint")));
        Assert.IsTrue(Directory.GetFiles(first, "events.out.tfevents.*").Length == 1, "TensorBoard event file in the save dir");
        StringAssert.Contains(output, "--- sample ---");

        var second = Path.Combine(dir, "second");
        (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, Small(second).Concat(new[] { "--steps", "2", "--init-from", first }).ToArray());
        Assert.AreEqual(0, code, output);
        Assert.IsTrue(File.Exists(Path.Combine(second, "model.ckpt-2.index")), output);

        (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, "sample", "--init-from", second, "--prime", "line ", "-n", "40");
        Assert.AreEqual(0, code, output);
        Assert.IsTrue(output.Trim().Length >= "line ".Length + 40, output);

        (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, "sample", "--init-from", second, "--prime", "Ω");
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "'Ω' (U+03A9) is not in the model's vocabulary");

        (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, Small(Path.Combine(dir, "third"), rnnSize: 32).Concat(new[] { "--steps", "1", "--init-from", first }).ToArray());
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "rnn_size 32 vs 16");
    }

    /// <summary>Issue 14: a corpus with emoji (characters outside the BMP) trains, resumes and samples.</summary>
    [TestMethod]
    public void EmojiCorpus_TrainsResumesAndSamples()
    {
        var dir = ExampleRunner.TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllLines(Path.Combine(dir, "data", "input.txt"), Enumerable.Range(0, 60).Select(i => $"{i} 😀 party 🎉 time ✨ 𝄞"));
        string[] Small(string save, int steps) => new[] { "--data", "data", "--save-dir", save, "--batch-size", "4", "--seq-length", "16",
            "--rnn-size", "16", "--steps", steps.ToString() };

        var (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, Small("first", 2));
        Assert.AreEqual(0, code, output);
        var vocab = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(dir, "first", "chars_vocab.json")))!;
        CollectionAssert.IsSubsetOf(new[] { "😀", "🎉", "✨", "𝄞" }, vocab, "each emoji is one vocabulary entry");
        Assert.AreEqual(vocab.Length, vocab.Distinct().Count());

        (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, Small("second", 1).Concat(new[] { "--init-from", "first" }).ToArray());
        Assert.AreEqual(0, code, output);

        (code, output) = ExampleRunner.Run("CharRnn", dir, Timeout, "sample", "--init-from", "second", "--prime", "😀 ", "-n", "30");
        Assert.AreEqual(0, code, output);
        StringAssert.StartsWith(output, "😀 ");
        Assert.IsFalse(output.Contains('\uFFFD'), "no lone surrogate was sampled");
    }

    [TestMethod]
    [DataRow("charrnn_jdonnelly1")]
    [DataRow("charrnn_laurajul")]
    [DataRow("charrnn_calebfoss")]
    public void Sample_FromPythonCharRnnRuns(string folder)
    {
        var (code, output) = ExampleRunner.Run("CharRnn", ExampleRunner.TempDirectory(), Timeout, "sample", "--init-from", SharedTestData(folder),
            "--prime", "The ", "-n", "120", "--mode", "temperature", "--temperature", "0.7");
        Assert.AreEqual(0, code, output);
        Assert.IsTrue(output.TrimEnd().Length >= 124, output);
    }

    /// <summary>
    /// The Python-trained models predict unseen English far better than chance (ln of the vocabulary size).
    /// The passages are new text laid out like each corpus: the Sherlock Holmes corpus wraps lines at about
    /// 60 characters and indents them by five spaces; the "space bible" corpus has verse numbers and CRLF line ends.
    /// </summary>
    [TestMethod]
    [DataRow("charrnn_jdonnelly1")]
    [DataRow("charrnn_laurajul")]
    public void PythonModels_PredictHeldOutEnglish(string folder)
    {
        string passage = folder == "charrnn_jdonnelly1"
            ? "     It was a cold morning in the early spring, and we sat after\n     breakfast on either side of a cheery fire in the old room. He\n" +
              "     had been silent for some time, with his head sunk upon his\n     breast, and I had thought that he was asleep, when he suddenly\n" +
              "     looked up and asked me what I made of the letter which had come\n     by the first post.\n"
            : "3:4 And the men of the city went up unto the hill, and they spake one\r\nto another, saying, Let us build an house for the stranger that\r\n" +
              "is within our gates.\r\n3:5 And the stranger answered and said unto them, The Lord hath\r\nseen your kindness, and he shall bless the work of your hands.\r\n";
        var (sess, sampler) = Sampling.Open(SharedTestData(folder));
        using (sess)
        {
            double loss = sampler.CrossEntropy(passage);
            int vocab = VocabularySize(folder);
            double uniform = Math.Log(vocab);
            Console.WriteLine($"{folder}: {loss:0.000} nats per character vs uniform {uniform:0.000}");
            Assert.IsTrue(loss < 0.5 * uniform, $"{folder}: {loss} nats/char should be far below ln({vocab}) = {uniform}");
        }
    }

    static int VocabularySize(string folder) =>
        System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(SharedTestData(folder), "chars_vocab.json")))!.Length;
}
