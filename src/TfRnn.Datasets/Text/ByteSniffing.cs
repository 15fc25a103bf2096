namespace TfRnn.Datasets;

/// <summary>Byte-level tests that come before the statistical detector: BOMs, strict UTF-8, BOM-less UTF-16, binary data.</summary>
static class ByteSniffing
{
    /// <summary>The BOM's encoding name and length, or null.</summary>
    public static (string name, int length)? Bom(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? ("UTF-8-SIG", 3)
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? ("UTF-32", 4)
        : b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? ("UTF-16", 2)
        : null;

    /// <summary>
    /// Whether <paramref name="b"/> is UTF-8 with no NUL byte (text files have none; UTF-16 has many), allowing a sequence
    /// cut by the end of the sample; <paramref name="multibyte"/> tells whether any non-ASCII character occurred.
    /// </summary>
    public static bool IsUtf8(ReadOnlySpan<byte> b, out bool multibyte)
    {
        multibyte = false;
        for (int i = 0; i < b.Length;)
        {
            byte lead = b[i];
            if (lead == 0) return false;
            if (lead < 0x80) { i++; continue; }
            int length = lead is >= 0xC2 and <= 0xDF ? 2 : lead is >= 0xE0 and <= 0xEF ? 3 : lead is >= 0xF0 and <= 0xF4 ? 4 : 0;
            if (length == 0) return false;
            for (int k = 1; k < length; k++)
            {
                if (i + k == b.Length) return multibyte = true;   // the sample ends inside the character
                if ((b[i + k] & 0xC0) != 0x80) return false;
            }
            // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
            if ((lead == 0xE0 && b[i + 1] < 0xA0) || (lead == 0xED && b[i + 1] >= 0xA0) || (lead == 0xF0 && b[i + 1] < 0x90) || (lead == 0xF4 && b[i + 1] >= 0x90))
                return false;
            multibyte = true;
            i += length;
        }
        return true;
    }

    /// <summary>
    /// The share of UTF-16 code units (little-endian unless <paramref name="bigEndian"/>) that Korean or ASCII text
    /// would have: Latin-1 (a zero high byte) that is printable or whitespace, Hangul syllables, compatibility jamo,
    /// CJK punctuation, typographic quotes and dashes, fullwidth forms. Only asked of samples with a NUL byte, which
    /// UTF-16 text with any ASCII in it has and legacy Korean never has (its pairs would read as Hangul units).
    /// </summary>
    public static double Utf16Score(ReadOnlySpan<byte> b, bool bigEndian)
    {
        int units = b.Length / 2, telltale = 0;
        if (units == 0) return 0;
        for (int i = 0; i + 1 < b.Length; i += 2)
        {
            int unit = bigEndian ? b[i] << 8 | b[i + 1] : b[i] | b[i + 1] << 8;
            if (unit is (>= 0x20 and < 0x7F) or '\n' or '\r' or '\t' or (>= 0xA0 and <= 0xFF) or (>= 0xAC00 and <= 0xD7A3)
                or (>= 0x3000 and <= 0x303F) or (>= 0x3131 and <= 0x318E) or (>= 0x2010 and <= 0x2027) or (>= 0xFF01 and <= 0xFF5E))
                telltale++;
        }
        return (double)telltale / units;
    }

    /// <summary>The offset of the first NUL byte, or -1.</summary>
    public static int FirstNul(ReadOnlySpan<byte> b) => b.IndexOf((byte)0);

    /// <summary>
    /// For Korean double-byte text: "EUC-KR" when every pair stays in KS X 1001's rows (both bytes 0xA1–0xFE), "CP949"
    /// when a Unified Hangul Code extension pair occurs (lead 0x81–0xC6 with a trail below 0xA1).
    /// </summary>
    public static string KoreanName(ReadOnlySpan<byte> b)
    {
        for (int i = 0; i < b.Length; i++)
        {
            if (b[i] < 0x80) continue;
            if (b[i] < 0xA1 || (i + 1 < b.Length && b[i + 1] < 0xA1)) return "CP949";
            i++;
        }
        return "EUC-KR";
    }

    /// <summary>The offset of a byte that cannot start a CP949 character (.NET's code page 949 maps 0x80 and 0xFF to characters; Python's cp949 rejects them), or -1.</summary>
    public static int FirstInvalidCp949Lead(ReadOnlySpan<byte> b)
    {
        for (int i = 0; i < b.Length; i++)
        {
            if (b[i] < 0x80) continue;
            if (b[i] is 0x80 or 0xFF) return i;
            i++;
        }
        return -1;
    }
}
