namespace TfRnn.Testing;

/// <summary>Files that Debian packages install (.ci/run installs them); a test that needs one fails, naming the package, when it is absent.</summary>
public static class DebianFiles
{
    /// <summary>Vim's Korean tutor in EUC-KR, from vim-runtime (/usr/share/vim/vim90/tutor/tutor.ko.euc on Debian 12).</summary>
    public static string VimKoreanTutor => Require("/usr/share/vim", "tutor.ko.euc", "vim-runtime");

    /// <summary>The Debian FAQ in Korean as plain text (gzip), from debian-faq-ko.</summary>
    public static string DebianFaqKorean => Require("/usr/share/doc/debian/FAQ", "debian-faq.ko.txt.gz", "debian-faq-ko");

    static string Require(string root, string fileName, string package)
    {
        var found = Directory.Exists(root) ? Directory.EnumerateFiles(root, fileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault() : null;
        return found ?? throw new AssertFailedException($"{fileName} is missing under {root}: install Debian's {package} (apt-get install {package}; .ci/run does).");
    }
}
