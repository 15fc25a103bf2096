using System.CommandLine;

namespace TfRnn.Examples;

/// <summary>
/// The examples' top level: a parse error or an expected failure (bad data, files, checkpoints, run-time
/// errors) is one line on stderr and exit code 2, never a stack trace. Anything else is a bug and keeps its trace.
/// </summary>
public static class ExampleMain
{
    public const int UserError = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {OneLine(string.Join(" ", parsed.Errors.Select(e => e.Message)))} (see --help)");
            return UserError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsExpected(e))
        {
            Console.Error.WriteLine($"error: {OneLine(e.Message)}");
            return UserError;
        }
    }

    /// <summary>Failures a user's input or environment causes, as opposed to bugs.</summary>
    public static bool IsExpected(Exception e) => e is ArgumentException or IOException or UnauthorizedAccessException
        or InvalidDataException or System.Text.Json.JsonException or OpError or ValueError or TypeError;

    static string OneLine(string message) => string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
