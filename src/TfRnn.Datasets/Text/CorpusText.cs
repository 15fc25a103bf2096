using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TfRnn.Datasets;

/// <summary>
/// A text corpus read strictly: binary data (a NUL byte) and bytes that are not UTF-8 are errors naming the
/// file and byte offset, never silent U+FFFD replacements that would enter the vocabulary.
/// </summary>
public static class CorpusText
{
    /// <summary>The decoded text of <paramref name="path"/> (UTF-8 unless another encoding is given; a BOM is skipped).</summary>
    public static string Read(string path, Encoding? encoding = null)
    {
        var bytes = File.ReadAllBytes(path);
        if (encoding == null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            int nul = Array.IndexOf(bytes, (byte)0);
            if (nul >= 0)
                throw new InvalidDataException($"'{path}' is not a text file: byte offset {nul} is a NUL byte (binary data). The corpus must be UTF-8 text.");
            var span = bytes.AsSpan();
            int start = span.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            if (FirstInvalidUtf8(span[start..]) is int bad)
                throw new InvalidDataException($"'{path}' is not valid UTF-8: the byte 0x{bytes[start + bad]:X2} at byte offset {start + bad} " +
                    "does not start or continue a character. Convert the corpus to UTF-8 (for example: iconv -f latin1 -t utf-8).");
            return Encoding.UTF8.GetString(span[start..]);
        }
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try { return strict.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"'{path}' is not valid {encoding.WebName}: undecodable bytes near byte offset {e.Index}.", e);
        }
    }

    /// <summary>The offset of the first byte that is not part of a well-formed UTF-8 sequence, or null.</summary>
    static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return null;
    }

    /// <summary>Whether <paramref name="s"/> is exactly one Unicode code point (one vocabulary entry).</summary>
    public static bool IsOneCodePoint(string? s) =>
        s is { Length: 1 or 2 } && Rune.DecodeFromUtf16(s, out _, out int used) == OperationStatus.Done && used == s.Length;

    /// <summary>The code points of <paramref name="text"/> as strings: an emoji is one element, not two surrogates.</summary>
    public static IEnumerable<string> CodePoints(string text)
    {
        foreach (var rune in text.EnumerateRunes()) yield return rune.ToString();
    }
}
