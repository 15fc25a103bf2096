using System.Text;
using TfRnn.Datasets;

namespace TfRnn.Tests.Datasets;

/// <summary>The encoding matrix: files written by .NET's own encoders, detected and converted back to the exact UTF-8 text.</summary>
[TestClass]
public class TextEncodingsTests
{
    const string Prose = "누구나 한 번쯤은 바닷가 작은 마을에서 살아 보고 싶다고 생각한다.\n" +
                         "그는 창문을 열고 \"오늘은 비가 오겠군\" 하고 중얼거렸다. 1984년, 서울.\n" +
                         "닭 값이 올랐다는 소식에 할머니는 웃으셨다. 읽고, 앉고, 없다.\n";
    // Syllables outside KS X 1001's 2,350: only CP949 (Unified Hangul Code) encodes them.
    const string UhcOnly = "똠방각하 햏햏 뷁 쌰 쓔 꽒 뙇 ";

    static readonly Encoding Cp949, Euc51949;
    static TextEncodingsTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Cp949 = Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        Euc51949 = Encoding.GetEncoding(51949, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }

    static byte[] Bytes(Encoding encoding, string text, bool bom) => (bom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(text)).ToArray();

    static (string from, string to) Files(byte[] content)
    {
        var dir = TestData.TempDirectory();
        var from = Path.Combine(dir, "input.raw");
        File.WriteAllBytes(from, content);
        return (from, Path.Combine(dir, "output.txt"));
    }

    static void AssertConverts(byte[] content, string expectedEncoding, string text, bool expectWarning = false)
    {
        var (from, to) = Files(content);
        var guess = TextEncodings.conv_file(from, to);
        Assert.AreEqual(expectedEncoding, guess.encoding, guess.warning);
        CollectionAssert.AreEqual(new UTF8Encoding(false).GetBytes(text), File.ReadAllBytes(to), "UTF-8 without BOM, same text");
        Assert.AreEqual(expectWarning, guess.warning != null, guess.warning);
        Assert.IsFalse(File.Exists(to + ".tmp"));
    }

    [TestMethod]
    [DataRow("UTF-8", false, "UTF-8")]
    [DataRow("UTF-8", true, "UTF-8-SIG")]
    [DataRow("UTF-16LE", false, "UTF-16LE")]
    [DataRow("UTF-16LE", true, "UTF-16")]
    [DataRow("UTF-16BE", false, "UTF-16BE")]
    [DataRow("UTF-16BE", true, "UTF-16")]
    [DataRow("UTF-32LE", true, "UTF-32")]
    public void Unicode_WithAndWithoutBom_ConvertsToTheSameUtf8(string writer, bool bom, string expected)
    {
        Encoding encoding = writer switch
        {
            "UTF-8" => new UTF8Encoding(true),
            "UTF-16LE" => new UnicodeEncoding(false, true),
            "UTF-16BE" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        AssertConverts(Bytes(encoding, Prose, bom), expected, Prose);
    }

    [TestMethod]
    public void Utf16LeWithoutBom_AsciiOnly_IsNotMistakenForUtf8()
    {
        const string ascii = "plain ASCII text, written as UTF-16LE with no byte order mark.\n";
        AssertConverts(Encoding.Unicode.GetBytes(ascii), "UTF-16LE", ascii);
    }

    /// <summary>EUC-KR pairs read as UTF-16 units are Hangul syllables; with no NUL byte the bytes are never taken for UTF-16.</summary>
    [TestMethod]
    public void EucKr_HangulWithoutSpaces_IsNotUtf16()
    {
        const string words = "가나다라마바사아자차카타파하누구나한번쯤은바닷가작은마을에서살아보고싶다고생각한다";
        var guess = TextEncodings.detect(Cp949.GetBytes(words));
        Assert.IsTrue(guess.encoding is "EUC-KR" or "CP949", $"{guess}");
        AssertConverts(Cp949.GetBytes(words), guess.encoding!, words, expectWarning: guess.warning != null);
    }

    [TestMethod]
    public void EucKr_KsX1001Text_IsEucKr()
    {
        var bytes = Euc51949.GetBytes(Prose);
        CollectionAssert.AreEqual(bytes, Cp949.GetBytes(Prose), "CP949 extends EUC-KR: the same bytes for KS X 1001 text");
        AssertConverts(bytes, "EUC-KR", Prose);
    }

    [TestMethod]
    public void Cp949_WithUhcSyllables_IsCp949_AndDecodesThem()
    {
        var text = Prose + UhcOnly + Prose;
        var bytes = Cp949.GetBytes(text);
        Assert.AreNotEqual(text, Euc51949.GetString(bytes), "code page 51949 corrupts UHC syllables: why 949 decodes both");
        AssertConverts(bytes, "CP949", text);
    }

    [TestMethod]
    public void UhcOnlyText_FallsBackToCp949_WithTheSlidesWarning()
    {
        var text = string.Concat(Enumerable.Repeat(UhcOnly, 20));
        AssertConverts(Cp949.GetBytes(text), "CP949", text, expectWarning: true);
        var guess = TextEncodings.detect(Cp949.GetBytes(text));
        StringAssert.StartsWith(guess.warning, "Unknown encoding");
        Assert.AreEqual(1.0, guess.confidence, "every non-ASCII character decodes to a Hangul syllable");
    }

    [TestMethod]
    public void ShortKoreanText_IsUnsure()
    {
        var guess = TextEncodings.detect(Cp949.GetBytes("누구 안녕하세요 반갑습니다"));
        Assert.AreEqual("EUC-KR", guess.encoding);
        Assert.IsTrue(guess.confidence < TextEncodings.SureConfidence, $"{guess.confidence}");
        StringAssert.StartsWith(guess.warning, "Unsure");
    }

    [TestMethod]
    public void Detect_SampleCutInsideACharacter_IsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Prose);
        Assert.AreEqual(new EncodingGuess("UTF-8", 0.99), TextEncodings.detect(bytes[..^1]));
    }

    [TestMethod]
    [DataRow("UTF-8")]
    [DataRow("EUC-KR")]
    [DataRow("UTF-16LE")]
    public void TruncatedMultibyteSequence_NamesFileAndOffset_AndWritesNothing(string writer)
    {
        byte[] whole = writer switch
        {
            "UTF-8" => Encoding.UTF8.GetBytes(Prose + "끝"),
            "EUC-KR" => Cp949.GetBytes(Prose + "끝"),
            _ => Encoding.Unicode.GetBytes(Prose + "끝"),
        };
        int cut = writer == "UTF-8" ? 3 : 2;   // the last character's bytes
        var truncated = whole[..^1];
        var (from, to) = Files(truncated);
        File.WriteAllText(to, "previous output");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TextEncodings.conv_file(from, to));
        StringAssert.Contains(error.Message, from);
        StringAssert.Contains(error.Message, $"byte offset {whole.Length - cut}");
        Assert.AreEqual("previous output", File.ReadAllText(to), "a failed conversion leaves the old output whole");
        Assert.IsFalse(File.Exists(to + ".tmp"));
    }

    [TestMethod]
    public void InvalidCp949LeadByte_NamesItsOffset()
    {
        var bytes = Cp949.GetBytes(Prose + Prose);
        int at = Cp949.GetByteCount(Prose);
        bytes[at] = 0xFF;   // .NET's 949 would map it to U+F8F7; it is no CP949 character
        var (from, to) = Files(bytes);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TextEncodings.conv_file(from, to));
        StringAssert.Contains(error.Message, $"byte 0xFF at byte offset {at}");
        Assert.IsFalse(File.Exists(to));
    }

    [TestMethod]
    public void BinaryInput_IsNotText()
    {
        var rng = new Random(7);
        var bytes = new byte[4096];
        rng.NextBytes(bytes);
        bytes[100] = 0;
        var (from, to) = Files(bytes);
        Assert.IsNull(TextEncodings.detect(bytes).encoding);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TextEncodings.conv_file(from, to));
        StringAssert.Contains(error.Message, from);
        StringAssert.Contains(error.Message, "is not text");
        StringAssert.Contains(error.Message, $"offset {Array.IndexOf(bytes, (byte)0)}");
        Assert.IsFalse(File.Exists(to));
    }

    [TestMethod]
    public void ControlCharacters_AreNotText()
    {
        var bytes = Encoding.UTF8.GetBytes("가나다\u0001라");
        var (from, to) = Files(bytes);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TextEncodings.conv_file(from, to));
        StringAssert.Contains(error.Message, "U+0001 at byte offset 9");
    }

    [TestMethod]
    public void VimKoreanTutor_EucKr_ConvertsToVimsOwnUtf8Version()
    {
        var euc = TfRnn.Testing.DebianFiles.VimKoreanTutor;
        var to = Path.Combine(TestData.TempDirectory(), "tutor.ko.txt");
        var guess = TextEncodings.conv_file(euc, to);
        Assert.AreEqual("EUC-KR", guess.encoding);
        Assert.IsTrue(guess.confidence >= TextEncodings.SureConfidence, $"{guess.confidence}");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(euc)!, "tutor.ko.utf-8")), File.ReadAllBytes(to));
    }
}
