using System.Text;

namespace TfRnn.Examples.CharRnn;

/// <summary>
/// The default corpus: Linux kernel source text with no download, assembled once from the kernel headers
/// (<c>/usr/include/linux</c>, installed with linux-libc-dev) in sorted order, up to a size cap.
/// </summary>
public static class KernelCorpus
{
    public const string DefaultDirectory = "data/linux_kernel";
    const string Headers = "/usr/include/linux";
    const int MaxBytes = 2_000_000;

    /// <summary>The data folder to train on: <paramref name="requested"/>, or the default corpus (assembled if needed); null when neither exists.</summary>
    public static string? Resolve(string? requested)
    {
        if (requested != null) return requested;
        var input = Path.Combine(DefaultDirectory, "input.txt");
        if (File.Exists(input)) return DefaultDirectory;
        if (!Directory.Exists(Headers)) return null;
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(Headers, "*.h", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (text.Length >= MaxBytes) break;
            text.Append(File.ReadAllText(file));
        }
        Directory.CreateDirectory(DefaultDirectory);
        File.WriteAllText(input + ".tmp", text.Length > MaxBytes ? text.ToString(0, MaxBytes) : text.ToString());
        File.Move(input + ".tmp", input, overwrite: true);
        return DefaultDirectory;
    }
}
