namespace TfRnn.Examples;

/// <summary>Where an example writes a run: <c>logs/&lt;Example&gt;/&lt;timestamp&gt;/</c> unless the user picks a folder.</summary>
public static class RunDirectory
{
    public static string For(string example, string? chosen) =>
        chosen ?? Path.Combine("logs", example, DateTime.Now.ToString("yyyyMMdd-HHmmss"));
}
