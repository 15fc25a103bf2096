namespace TfRnn;

/// <summary>The files of one checkpoint prefix: .index, .data-?????-of-?????, and .meta.</summary>
internal static class CheckpointFiles
{
    public static bool Exists(string prefix) => File.Exists(TensorBundleWriter.IndexPath(prefix)) || File.Exists(prefix);

    public static void Delete(string prefix)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(prefix))!;
        var name = Path.GetFileName(prefix);
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, name + ".*"))
        {
            var suffix = Path.GetFileName(file)[name.Length..];
            if (suffix == ".index" || suffix == ".meta" || suffix.StartsWith(".data-", StringComparison.Ordinal))
                File.Delete(file);
        }
    }
}
