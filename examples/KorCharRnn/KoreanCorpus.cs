using System.Security.Cryptography;
using System.Text;
using TfRnn.Datasets;

namespace TfRnn.Examples.KorCharRnn;

/// <summary>
/// The Korean practice's data step: every source file is converted to UTF-8 with <see cref="TextEncodings.conv_file"/>
/// (whatever its encoding), the texts are joined and split into jamo with <see cref="Hangul.decompose_text"/>, and the
/// result is the data folder's input.txt for char-rnn's TextLoader. The default source is Vim's Korean tutor (EUC-KR).
/// </summary>
public static class KoreanCorpus
{
    public const string Root = "data/KorCharRnn";
    const string VimRuntime = "/usr/share/vim";
    const string TutorFile = "tutor.ko.euc";

    /// <summary>The data folder built from <paramref name="requested"/> (a file or folder) or Vim's tutor; null, after saying why, when there is none.</summary>
    public static string? Resolve(string? requested)
    {
        string? source = requested ?? VimTutor();
        if (source == null)
        {
            Console.Error.WriteLine($"No corpus: Vim's Korean tutor ({TutorFile}) is not installed. Install it with Debian's vim-runtime " +
                "(sudo apt-get install vim-runtime) or pass --data FILE|DIR with Korean text in any encoding.");
            return null;
        }
        bool folder = Directory.Exists(source);
        if (!folder && !File.Exists(source))
            throw new FileNotFoundException($"--data '{source}' is neither a file nor a folder.", source);
        var files = folder ? Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [source];
        var target = Path.Combine(Root, Slug(source));
        var input = Path.Combine(target, "input.txt");
        if (File.Exists(input) && files.All(f => File.GetLastWriteTimeUtc(f) <= File.GetLastWriteTimeUtc(input)))
            return target;

        var utf8 = Path.Combine(target, "utf8");
        Directory.CreateDirectory(utf8);
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var converted = Path.Combine(utf8, Path.GetFileName(file) + ".txt");
            EncodingGuess guess;
            try { guess = TextEncodings.conv_file(file, converted); }
            catch (InvalidDataException e) when (folder)
            {
                Console.WriteLine($"skipped: {e.Message}");
                continue;
            }
            Console.WriteLine($"conv_file {file}: {guess.encoding} (confidence {guess.confidence:0.00}) → {converted}");
            if (guess.warning != null) Console.WriteLine($"  warning: {guess.warning}");
            text.Append(File.ReadAllText(converted));
        }
        if (text.Length == 0) throw new InvalidDataException($"--data '{source}' has no text file.");
        var jamo = Hangul.decompose_text(text.ToString());
        File.WriteAllText(input + ".tmp", jamo, new UTF8Encoding(false));
        File.Move(input + ".tmp", input, overwrite: true);
        Console.WriteLine($"decompose_text: {text.Length} characters, {text.ToString().Where(IsSyllable).Distinct().Count()} distinct syllables → " +
            $"{jamo.Length} jamo characters, {jamo.Distinct().Count()} distinct symbols in {input}");
        return target;
    }

    static string? VimTutor() =>
        Directory.Exists(VimRuntime)
            ? Directory.EnumerateFiles(VimRuntime, TutorFile, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <summary>A folder name per source: its file name and a short hash of its full path (two sources never share a cache).</summary>
    static string Slug(string source)
    {
        var full = Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..8].ToLowerInvariant();
        return $"{Path.GetFileName(full)}-{hash}";
    }

    static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
