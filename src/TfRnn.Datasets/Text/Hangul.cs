using System.Text;

namespace TfRnn.Datasets;

/// <summary>
/// Hangulpy's jamo text: every Hangul syllable becomes its initial, medial and (if any) final consonant as Hangul
/// Compatibility Jamo (U+3131–U+318E), followed by the syllable-end marker ᴥ (U+1D25), so a Korean corpus has ~60
/// symbols instead of thousands of syllables. Unlike Hangulpy, everything else passes through unchanged (lone jamo,
/// CJK, emoji, newlines), a literal ᴥ is written twice, and <see cref="automata"/> is the exact inverse.
/// </summary>
public static class Hangul
{
    /// <summary>Hangulpy's COMPOSE_CODE, written after the jamo of each syllable.</summary>
    public const char SyllableEnd = '\u1D25';

    const int FirstSyllable = 0xAC00, LastSyllable = 0xD7A3;
    const int MedialCount = 21, FinalCount = 28;   // Unicode's syllable formula: 0xAC00 + (initial·21 + medial)·28 + final
    const string Initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
    const string Medials = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
    const string Finals = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";   // index 0: no final

    /// <summary>Hangulpy's decompose_text: syllables to jamo + ᴥ; every other character kept (a literal ᴥ doubled).</summary>
    public static string decompose_text(string text)
    {
        var jamo = new StringBuilder(text.Length * 3);
        foreach (char c in text)
        {
            if (c is >= (char)FirstSyllable and <= (char)LastSyllable)
            {
                int index = c - FirstSyllable;
                jamo.Append(Initials[index / (MedialCount * FinalCount)]).Append(Medials[index / FinalCount % MedialCount]);
                if (index % FinalCount != 0) jamo.Append(Finals[index % FinalCount]);
                jamo.Append(SyllableEnd);
            }
            else if (c == SyllableEnd) jamo.Append(SyllableEnd, 2);
            else jamo.Append(c);
        }
        return jamo.ToString();
    }

    /// <summary>
    /// Hangulpy's automata: jamo text back to syllables. A run of k markers closes a syllable when k is odd and the
    /// text before it ends in initial + medial [+ final]; the other k/2 pairs are literal ᴥ. Sampled text can hold
    /// a marker with no syllable before it: that marker is dropped, as Hangulpy drops it.
    /// </summary>
    public static string automata(string jamo)
    {
        var text = new StringBuilder(jamo.Length);
        for (int i = 0; i < jamo.Length;)
        {
            if (jamo[i] != SyllableEnd)
            {
                text.Append(jamo[i++]);
                continue;
            }
            int run = 0;
            while (i < jamo.Length && jamo[i] == SyllableEnd) { run++; i++; }
            if (run % 2 == 1) ComposeTail(text);
            text.Append(SyllableEnd, run / 2);
        }
        return text.ToString();
    }

    /// <summary>Replaces a trailing initial + medial [+ final] of <paramref name="text"/> with its syllable, if it has one.</summary>
    static void ComposeTail(StringBuilder text)
    {
        int n = text.Length;
        int final = n >= 1 ? FinalIndex(text[n - 1]) : -1;
        int length = final > 0 ? 3 : 2;
        if (n < length) return;
        int medial = Medials.IndexOf(text[n - length + 1]);
        int initial = Initials.IndexOf(text[n - length]);
        if (medial < 0 || initial < 0) return;
        text.Length = n - length;
        text.Append((char)(FirstSyllable + (initial * MedialCount + medial) * FinalCount + Math.Max(final, 0)));
    }

    static int FinalIndex(char c) => c == '\0' ? -1 : Finals.IndexOf(c);
}
