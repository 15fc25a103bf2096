namespace TfRnn;

/// <summary>Writes a whole file or nothing: a temporary sibling, flushed to disk, then renamed over the target.</summary>
internal static class AtomicFile
{
    /// <summary>What a temporary sibling's name adds to the target's (then random hex digits).</summary>
    public const string TempMarker = ".tempstate";

    public static void Write(string path, ReadOnlySpan<byte> contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $"{Path.GetFileName(path)}{TempMarker}{Random.Shared.NextInt64():x}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw new IOException($"Cannot write '{path}': {e.Message}", e);
        }
    }

    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));
}
