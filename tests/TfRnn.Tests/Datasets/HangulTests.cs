using System.IO.Compression;
using System.Text;
using TfRnn.Datasets;

namespace TfRnn.Tests.Datasets;

[TestClass]
public class HangulTests
{
    const char End = Hangul.SyllableEnd;
    static IEnumerable<char> AllSyllables => Enumerable.Range(0xAC00, 11172).Select(c => (char)c);

    [TestMethod]
    public void Decompose_KnownWords_AsHangulpyWritesThem()
    {
        Assert.AreEqual("ㄴㅜᴥㄱㅜᴥ ", Hangul.decompose_text("누구 "));
        Assert.AreEqual("ㄷㅏㄺᴥ ㄱㅏㅄᴥ ㅎㅣㅎᴥ", Hangul.decompose_text("닭 값 힣"), "double finals stay one jamo");
        Assert.AreEqual("ㄲㅘㅇᴥ", Hangul.decompose_text("꽝"));
    }

    /// <summary>Every syllable against Unicode's own decomposition: NFD gives the conjoining jamo, whose compatibility forms (NFKC) are ours.</summary>
    [TestMethod]
    public void EverySyllable_MatchesUnicodeDecomposition_AndRoundTrips()
    {
        var thirds = new HashSet<char>();
        var seen = new HashSet<string>();
        foreach (char s in AllSyllables)
        {
            var jamo = Hangul.decompose_text(s.ToString());
            var nfd = s.ToString().Normalize(NormalizationForm.FormD);   // L V [T], U+1100–U+11FF
            Assert.AreEqual(nfd.Length + 1, jamo.Length, $"{s}");
            Assert.AreEqual(End, jamo[^1]);
            Assert.IsTrue(jamo[..^1].All(c => c is >= '\u3131' and <= '\u318E'), $"{s}: {jamo} is compatibility jamo");
            Assert.AreEqual(nfd[0].ToString(), jamo[0].ToString().Normalize(NormalizationForm.FormKC), $"{s}: initial");
            Assert.AreEqual(nfd[1].ToString(), jamo[1].ToString().Normalize(NormalizationForm.FormKC), $"{s}: medial");
            if (nfd.Length == 3) thirds.Add(jamo[2]);
            Assert.IsTrue(seen.Add(jamo), $"{s}: {jamo} is not unique");
            Assert.AreEqual(s.ToString(), Hangul.automata(jamo));
        }
        Assert.AreEqual(27, thirds.Count, "27 distinct finals");
        var all = string.Concat(AllSyllables);
        Assert.AreEqual(all, Hangul.automata(Hangul.decompose_text(all)), "all 11,172 syllables in one text");
    }

    [TestMethod]
    [DataRow("ㅋㅋㅋ 가ㅏ ㄱ각 ㄳ닭 ㅎ")]
    [DataRow("간ㄴ ㄱㅏㄴ 가ㄴ ㄱ가ㄴ")]
    [DataRow("漢字와 emoji 😀, 탭\t줄\n끝")]
    [DataRow("마지막 글자")]
    [DataRow("ᴥ 가ᴥ ㄱㅏᴥ ᴥᴥ각ᴥᴥᴥ 가")]
    [DataRow("")]
    public void LoneJamoAndNonHangul_RoundTrip(string text)
    {
        Assert.AreEqual(text, Hangul.automata(Hangul.decompose_text(text)));
    }

    [TestMethod]
    public void HangulpyDefects_AreNotOurs()
    {
        Assert.AreEqual("ㅋㅋ", Hangul.decompose_text("ㅋㅋ"), "lone jamo are kept, not garbled");
        Assert.AreEqual("漢😀\n", Hangul.decompose_text("漢😀\n"), "non-Hangul is kept, not filtered");
        Assert.AreEqual("가", Hangul.automata("ㄱㅏᴥ"), "the last syllable is flushed");
        Assert.AreEqual("ㄱㅏ", Hangul.automata("ㄱㅏ"), "jamo with no marker stay jamo");
        Assert.AreEqual("ㅏ", Hangul.automata("ㅏᴥ"), "a marker with no syllable before it (sampled text) is dropped");
    }

    /// <summary>Random strings over syllables, jamo, the marker and ASCII: the round trip is the identity for every one.</summary>
    [TestMethod]
    public void RandomMixtures_RoundTrip()
    {
        var rng = new Random(11);
        string alphabet = "ㄱㄲㄳㄴㄸㅏㅐㅘㅢㅣㅎㄺㅄ가각닭값힣 a.\n" + End + "漢";
        for (int n = 0; n < 20000; n++)
        {
            var text = new string(Enumerable.Range(0, rng.Next(1, 12)).Select(_ => rng.Next(4) == 0 ? (char)rng.Next(0xAC00, 0xD7A4) : alphabet[rng.Next(alphabet.Length)]).ToArray());
            Assert.AreEqual(text, Hangul.automata(Hangul.decompose_text(text)), $"'{text}'");
        }
    }

    /// <summary>Real Korean prose from Debian packages: the Korean Debian FAQ (text and HTML) and Vim's Korean tutor, over 200 KB.</summary>
    [TestMethod]
    public void RealKoreanProse_RoundTrips_AndShrinksTheVocabulary()
    {
        var faq = TfRnn.Testing.DebianFiles.DebianFaqKorean;
        var texts = new List<string>();
        using (var gzip = new GZipStream(File.OpenRead(faq), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
            texts.Add(reader.ReadToEnd());
        texts.AddRange(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(faq)!, "ko"), "*.ko.html").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        texts.Add(File.ReadAllText(Path.Combine(Path.GetDirectoryName(TfRnn.Testing.DebianFiles.VimKoreanTutor)!, "tutor.ko.utf-8")));
        var prose = string.Concat(texts);
        long bytes = Encoding.UTF8.GetByteCount(prose);
        Assert.IsTrue(bytes >= 200_000, $"{bytes} bytes of Korean text");

        var jamo = Hangul.decompose_text(prose);
        Assert.AreEqual(prose, Hangul.automata(jamo));
        int syllables = prose.Where(c => c is >= '\uAC00' and <= '\uD7A3').Distinct().Count();
        int jamoSymbols = jamo.Where(c => c is >= '\u3131' and <= '\u318E' or End).Distinct().Count();
        Console.WriteLine($"{bytes} bytes, {syllables} distinct syllables → {jamoSymbols} jamo symbols");
        Assert.IsTrue(syllables > 10 * jamoSymbols, $"{syllables} syllables vs {jamoSymbols} jamo symbols");
        Assert.IsTrue(jamoSymbols <= 52, $"{jamoSymbols}: 51 compatibility jamo and the marker at most");
    }
}
