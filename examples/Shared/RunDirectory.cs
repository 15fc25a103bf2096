namespace TfRnn.Examples;

/// <summary>Where an example writes a run: <c>logs/&lt;Example&gt;/&lt;timestamp&gt;/</c> unless the user picks a folder.</summary>
public static class RunDirectory
{
    /// <summary>The run folder, created and checked writable up front (so a bad folder fails before training, in one line).</summary>
    public static string For(string example, string? chosen)
    {
        var dir = chosen ?? Path.Combine("logs", example, DateTime.Now.ToString("yyyyMMdd-HHmmss"));
        var probe = Path.Combine(dir, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(probe, Array.Empty<byte>());
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // ENOENT from a pseudo file system such as /proc reads as "Could not find file"; say what it means.
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException =>
                    "it cannot be created or written there (a file in its path, or a pseudo file system such as /proc)",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new IOException($"Cannot write to the run folder '{dir}': {reason}.", e);
        }
        return dir;
    }
}
