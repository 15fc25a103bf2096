using System.Text;
using System.Text.Json;
using TfRnn;
using TfRnn.Datasets;

namespace TfRnn.Tests.Datasets;

/// <summary>Vocabularies by Unicode code point, and corpora that are not UTF-8 text.</summary>
[TestClass]
public class TextLoaderUnicodeTests
{
    static string Corpus(byte[] bytes)
    {
        var dir = TestData.TempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "input.txt"), bytes);
        return dir;
    }

    [TestMethod]
    public void Emoji_IsOneVocabularyEntry_AndSurvivesTheJsonCache()
    {
        var dir = Corpus(Encoding.UTF8.GetBytes("a😀b😀a🎉a"));
        var loader = new TextLoader(dir, batch_size: 1, seq_length: 2);
        CollectionAssert.AreEqual(new[] { "a", "😀", "b", "🎉" }, loader.chars);
        Assert.AreEqual(7L, np.load(Path.Combine(dir, "data.npy")).size, "7 code points, not 10 UTF-16 units");
        var cached = new TextLoader(dir, 1, 2);
        CollectionAssert.AreEqual(loader.chars, cached.chars);
        Assert.AreEqual(1, cached.vocab["😀"]);
    }

    [TestMethod]
    public void CacheOfLoneSurrogates_IsRebuilt()
    {
        var dir = Corpus(Encoding.UTF8.GetBytes("x😀x"));
        new TextLoader(dir, 1, 1);
        // What the UTF-16 loader used to cache: each surrogate on its own, both written as U+FFFD.
        File.WriteAllText(Path.Combine(dir, "vocab.json"), JsonSerializer.Serialize(new[] { "x", "\uFFFD", "\uFFFD" }));
        var loader = new TextLoader(dir, 1, 1);
        CollectionAssert.AreEqual(new[] { "x", "😀" }, loader.chars);
    }

    [TestMethod]
    public void BinaryFile_IsRejected_NamingTheNulByte_BeforeAnythingIsWritten()
    {
        var dir = Corpus(new byte[] { (byte)'a', (byte)'b', 0, 7, 0xff });
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new TextLoader(dir, 1, 1));
        StringAssert.Contains(error.Message, "input.txt' is not a text file: byte offset 2 is a NUL byte");
        CollectionAssert.AreEqual(new[] { "input.txt" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void InvalidUtf8_IsRejected_NamingTheByteOffset()
    {
        var latin1 = Encoding.Latin1.GetBytes("caf\u00e9 au lait");   // é is 0xE9 alone: not UTF-8
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new TextLoader(Corpus(latin1), 1, 1));
        StringAssert.Contains(error.Message, "is not valid UTF-8: the byte 0xE9 at byte offset 3");
        var cut = Encoding.UTF8.GetBytes("ok😀")[..^1];   // an emoji cut short at the end of the file
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => new TextLoader(Corpus(cut), 1, 1)).Message, "at byte offset 2");
    }

    [TestMethod]
    public void Utf8Bom_IsSkipped()
    {
        var loader = new TextLoader(Corpus(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("abab")).ToArray()), 1, 1);
        CollectionAssert.AreEqual(new[] { "a", "b" }, loader.chars);
    }
}
