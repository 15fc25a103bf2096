namespace TfRnn;

/// <summary>The files of one checkpoint prefix: .index, .data-?????-of-?????, and .meta.</summary>
internal static class CheckpointFiles
{
    public static bool Exists(string prefix) => File.Exists(TensorBundleWriter.IndexPath(prefix)) || File.Exists(prefix);

    /// <summary>
    /// Deletes the temporary files an interrupted save left beside <paramref name="name"/>'s checkpoints and the
    /// state file (written before <paramref name="olderThan"/>, so no save in progress loses its file).
    /// </summary>
    public static void RemoveStaleTemps(string directory, string name, string stateFile, DateTime olderThan)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, "*" + AtomicFile.TempMarker + "*"))
        {
            var fileName = Path.GetFileName(file);
            bool ours = fileName.StartsWith(name + ".", StringComparison.Ordinal) || fileName.StartsWith(name + "-", StringComparison.Ordinal)
                        || fileName.StartsWith(stateFile + AtomicFile.TempMarker, StringComparison.Ordinal);
            if (!ours || File.GetLastWriteTimeUtc(file) >= olderThan) continue;
            try { File.Delete(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }   // best effort: the save itself still runs
        }
    }

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
