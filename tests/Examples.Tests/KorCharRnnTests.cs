using System.Text;

namespace Examples.Tests;

[TestClass]
public class KorCharRnnTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    static int Syllables(string text) => text.Count(c => c is >= '\uAC00' and <= '\uD7A3');

    /// <summary>The default corpus (Vim's EUC-KR tutor through conv_file and decompose_text), a tiny model, then sample from the save dir.</summary>
    [TestMethod]
    public void TrainOnVimTutor_ThenSample_PrintsRecomposedHangul()
    {
        _ = TfRnn.Testing.DebianFiles.VimKoreanTutor;   // fails naming vim-runtime when it is not installed
        var dir = ExampleRunner.TempDirectory();
        var save = Path.Combine(dir, "run");
        var (code, output) = ExampleRunner.Run("KorCharRnn", dir, Timeout, "--save-dir", save, "--steps", "150", "--rnn-size", "64", "--num-layers", "2",
            "--batch-size", "10", "--seq-length", "25", "--learning-rate", "0.01", "--print-every", "50");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "tutor.ko.euc: EUC-KR");
        StringAssert.Contains(output, "step 150/150");
        Assert.IsTrue(File.Exists(Path.Combine(save, "model.ckpt-150.index")), output);
        Assert.AreEqual(1, Directory.GetFiles(save, "events.out.tfevents.*").Length, "TensorBoard event file in the save dir");
        var vocabulary = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(save, "chars_vocab.json")))!;
        CollectionAssert.Contains(vocabulary, TfRnn.Datasets.Hangul.SyllableEnd.ToString(), "the model's alphabet is jamo");
        Assert.AreEqual(0, vocabulary.Count(c => Syllables(c) > 0), "no syllable in the vocabulary");
        var converted = Directory.GetFiles(Path.Combine(dir, "data", "KorCharRnn"), "tutor.ko.euc.txt", SearchOption.AllDirectories).Single();
        Assert.AreEqual(File.ReadAllText(Path.Combine(Path.GetDirectoryName(TfRnn.Testing.DebianFiles.VimKoreanTutor)!, "tutor.ko.utf-8")),
            File.ReadAllText(converted, Encoding.UTF8), "conv_file's UTF-8 is Vim's own UTF-8 tutor");
        var trained = output.Split("--- sample ---")[1];
        Assert.IsTrue(Syllables(trained.Replace("누구 ", "")) > 0, $"the sample after training has syllables:\n{trained}");

        (code, output) = ExampleRunner.Run("KorCharRnn", dir, Timeout, "sample", "--init-from", save, "--prime", "누구 ", "-n", "300");
        Assert.AreEqual(0, code, output);
        StringAssert.StartsWith(output, "누구 ");
        Assert.IsTrue(Syllables(output) > Syllables("누구 ") + 5, $"recomposed Korean:\n{output}");
    }

    /// <summary>A folder in mixed encodings: each file converted by what detect finds, the binary one skipped, the jamo text exact.</summary>
    [TestMethod]
    public void DataFolder_MixedEncodings_ConvertsEachFile_AndSkipsBinary()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var dir = ExampleRunner.TempDirectory();
        var corpus = Directory.CreateDirectory(Path.Combine(dir, "novel")).FullName;
        var novel = string.Concat(Enumerable.Repeat("그는 똠방각하를 만나러 바닷가 마을로 갔다. 햏햏, 하고 웃었다.\n", 12));
        var notes = string.Concat(Enumerable.Repeat("작가의 메모: 3장은 다시 쓸 것.\n", 12));
        File.WriteAllBytes(Path.Combine(corpus, "novel-cp949.txt"), Encoding.GetEncoding(949).GetBytes(novel));
        File.WriteAllBytes(Path.Combine(corpus, "notes-utf16.txt"), Encoding.Unicode.GetBytes(notes));
        File.WriteAllBytes(Path.Combine(corpus, "cover.bin"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);

        var (code, output) = ExampleRunner.Run("KorCharRnn", dir, Timeout, "--data", corpus, "--save-dir", Path.Combine(dir, "run"), "--steps", "2",
            "--rnn-size", "16", "--num-layers", "1", "--batch-size", "4", "--seq-length", "16");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "novel-cp949.txt: CP949");
        StringAssert.Contains(output, "notes-utf16.txt: UTF-16LE");
        StringAssert.Contains(output, "skipped: '" + Path.Combine(corpus, "cover.bin") + "' is not text");
        StringAssert.Contains(output, "step 2/2");
        var input = Directory.GetFiles(Path.Combine(dir, "data", "KorCharRnn"), "input.txt", SearchOption.AllDirectories).Single();
        Assert.AreEqual(notes + novel, TfRnn.Datasets.Hangul.automata(File.ReadAllText(input)), "the files in name order, recomposed exactly");
    }

    [TestMethod]
    public void MissingData_NamesTheOption()
    {
        var dir = ExampleRunner.TempDirectory();
        ExampleRunner.AssertFails("KorCharRnn", dir, ["--data", Path.Combine(dir, "nowhere.txt")], "--data", "nowhere.txt", "neither a file nor a folder");
    }

    [TestMethod]
    public void BinaryData_IsRefusedWithItsOffset()
    {
        var dir = ExampleRunner.TempDirectory();
        var file = Path.Combine(dir, "image.bin");
        File.WriteAllBytes(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xC7, 0xD1]);
        ExampleRunner.AssertFails("KorCharRnn", dir, ["--data", file], file, "is not text", "offset 8");
    }
}
