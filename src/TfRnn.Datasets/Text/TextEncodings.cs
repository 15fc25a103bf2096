using System.Globalization;
using System.Text;
using UtfUnknown;

namespace TfRnn.Datasets;

/// <summary>
/// The slides' text-encoding step for Korean corpora: <see cref="detect"/> guesses an encoding as chardet does and
/// <see cref="conv_file"/> rewrites a file as UTF-8. Legacy Korean (EUC-KR, CP949) always decodes through code page
/// 949: it is a superset of EUC-KR, whereas code page 51949 silently corrupts CP949's extra (UHC) syllables.
/// </summary>
public static class TextEncodings
{
    /// <summary>The slides print "Unsure" below this confidence.</summary>
    public const double SureConfidence = 0.9;
    const double Utf16Threshold = 0.95;

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// chardet.detect: a BOM, then strict UTF-8, then BOM-less UTF-16LE or -BE (by their telltale high bytes), then Mozilla's
    /// detector (UTF.Unknown); anything it cannot name as Korean becomes the slides' CP949 fallback, with a warning.
    /// </summary>
    public static EncodingGuess detect(byte[] sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (ByteSniffing.Bom(sample) is var (bom, _)) return new EncodingGuess(bom, 1.0);
        if (ByteSniffing.IsUtf8(sample, out bool multibyte)) return new EncodingGuess("UTF-8", multibyte ? 0.99 : 1.0);
        int nul = ByteSniffing.FirstNul(sample);
        if (nul >= 0)
        {
            double le = ByteSniffing.Utf16Score(sample, bigEndian: false), be = ByteSniffing.Utf16Score(sample, bigEndian: true);
            if (le >= Utf16Threshold && le >= be) return new EncodingGuess("UTF-16LE", le);
            if (be >= Utf16Threshold) return new EncodingGuess("UTF-16BE", be);
            return new EncodingGuess(null, 0, $"binary data: NUL byte at offset {nul}");
        }

        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        string? name = detected?.EncodingName?.ToLowerInvariant();
        double confidence = detected?.Confidence ?? 0;
        if (name is "euc-kr" or "cp949" or "ks_c_5601-1987" or "uhc" or "windows-949")
        {
            string korean = ByteSniffing.KoreanName(sample);
            return new EncodingGuess(korean, confidence,
                confidence < SureConfidence ? $"Unsure: {korean} with confidence {Format(confidence)}" : null);
        }
        if (name is "utf-16le" or "utf-16be") return new EncodingGuess(name.ToUpperInvariant(), confidence);
        string said = name == null ? "nothing" : $"{name.ToUpperInvariant()} ({Format(confidence)})";
        return new EncodingGuess("CP949", HangulShare(sample), $"Unknown encoding: the detector said {said}; converting as CP949");
    }

    /// <summary>
    /// The slides' conv_file: detects the encoding of <paramref name="fromfile"/> and writes its text to
    /// <paramref name="tofile"/> as UTF-8 without BOM (atomically: a temporary file renamed over the target).
    /// Undecodable input throws <see cref="InvalidDataException"/> naming the file and the byte offset, writing nothing.
    /// </summary>
    public static EncodingGuess conv_file(string fromfile, string tofile)
    {
        if (!File.Exists(fromfile)) throw new FileNotFoundException($"No file '{fromfile}' to convert.", fromfile);
        var bytes = File.ReadAllBytes(fromfile);
        var guess = detect(bytes);
        var text = Decode(bytes, guess, fromfile);
        var temporary = tofile + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, tofile, overwrite: true);
        return guess;
    }

    /// <summary>The text of <paramref name="bytes"/> in the guessed encoding; a clear error for any byte that is not.</summary>
    public static string Decode(byte[] bytes, EncodingGuess guess, string fileName)
    {
        if (guess.encoding == null) throw new InvalidDataException($"'{fileName}' is not text ({guess.warning}).");
        int skip = ByteSniffing.Bom(bytes) is var (_, length) && guess.encoding is "UTF-8-SIG" or "UTF-16" or "UTF-32" ? length : 0;
        var encoding = Strict(guess.encoding, bytes);
        bool korean = guess.encoding is "EUC-KR" or "CP949";
        int invalid = korean ? ByteSniffing.FirstInvalidCp949Lead(bytes) : -1;
        if (invalid >= 0) throw Undecodable(fileName, guess.encoding, bytes, invalid);
        string text;
        try { text = encoding.GetString(bytes, skip, bytes.Length - skip); }
        catch (DecoderFallbackException e) { throw Undecodable(fileName, guess.encoding, bytes, skip + Math.Max(e.Index, 0)); }
        int control = text.AsSpan().IndexOfAnyInRange('\0', '\b');
        if (control < 0) control = text.AsSpan().IndexOfAnyInRange('\u000E', '\u0019');
        if (control >= 0)
            throw new InvalidDataException($"'{fileName}' is not text: control character U+{(int)text[control]:X4} at byte offset " +
                $"{skip + encoding.GetByteCount(text.AsSpan(0, control))} (decoded as {guess.encoding}).");
        return text;
    }

    /// <summary>A decoder that throws on bytes it cannot map, for each name <see cref="detect"/> returns.</summary>
    static Encoding Strict(string name, byte[] bytes) => name switch
    {
        "UTF-8" or "UTF-8-SIG" => new UTF8Encoding(false, throwOnInvalidBytes: true),
        "UTF-16LE" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        "UTF-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
        "UTF-16" => new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true),
        "UTF-32" => new UTF32Encoding(bigEndian: bytes[0] == 0x00, byteOrderMark: false, throwOnInvalidCharacters: true),
        "EUC-KR" or "CP949" => Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        _ => throw new ArgumentException($"Unsupported encoding '{name}'."),
    };

    static InvalidDataException Undecodable(string fileName, string encoding, byte[] bytes, int offset) =>
        new($"'{fileName}' is not valid {encoding}: byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2} at byte offset {offset}" +
            (offset >= bytes.Length - 3 ? " (a character cut off at the end of the file?)" : "") + " cannot be decoded.");

    /// <summary>The share of non-ASCII characters that decode to Hangul syllables under CP949 (0 if the bytes do not decode).</summary>
    static double HangulShare(byte[] sample)
    {
        if (ByteSniffing.FirstInvalidCp949Lead(sample) >= 0) return 0;
        string text;
        try { text = Strict("CP949", sample).GetString(sample); }
        catch (DecoderFallbackException) { return 0; }
        int nonAscii = text.Count(c => c >= 0x80);
        return nonAscii == 0 ? 0 : Math.Round((double)text.Count(c => c is >= '\uAC00' and <= '\uD7A3') / nonAscii, 3);
    }

    static string Format(double confidence) => confidence.ToString("0.00", CultureInfo.InvariantCulture);
}
