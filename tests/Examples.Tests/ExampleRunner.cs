using System.Diagnostics;

namespace Examples.Tests;

/// <summary>Runs a built example as its own process (same configuration and runtime folder as this test assembly).</summary>
public static class ExampleRunner
{
    public static string RepositoryRoot => TfRnn.Testing.RepositoryPaths.Root;

    /// <summary>The example's dll, in the output folder that mirrors this test's (bin/&lt;config&gt;/&lt;tfm&gt;[/&lt;rid&gt;]).</summary>
    public static string ExamplePath(string name) => ProgramPath(Path.Combine("examples", name), name);

    /// <summary>The fault-matrix tests' own process (tests/FaultHarness).</summary>
    public static string HarnessPath => ProgramPath(Path.Combine("tests", "FaultHarness"), "FaultHarness");

    static string ProgramPath(string folder, string name)
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        int bin = testOutput.LastIndexOf($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        string flavour = testOutput[(bin + 5)..];
        var path = Path.Combine(RepositoryRoot, folder, "bin", flavour, name + ".dll");
        if (!File.Exists(path)) throw new FileNotFoundException($"{name} is not built at {path}", path);
        return path;
    }

    public static (int exitCode, string output) Run(string name, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var (code, stdout, stderr) = RunDll(ExamplePath(name), workingDirectory, timeout, args);
        return (code, stdout + stderr);
    }

    /// <summary>Runs <c>dotnet <paramref name="dll"/></c>, with stdout and stderr apart.</summary>
    public static (int exitCode, string stdout, string stderr) RunDll(string dll, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(dll, workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(dll)} did not finish within {timeout}:\n{stdout.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessStartInfo StartInfo(string dll, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>Runs the example in <paramref name="workingDirectory"/> expecting a clear failure (exit code 2) whose output has every fragment.</summary>
    public static void AssertFails(string name, string workingDirectory, string[] args, params string[] fragments)
    {
        var (code, output) = Run(name, workingDirectory, TimeSpan.FromMinutes(3), args);
        Assert.AreEqual(2, code, output);
        foreach (var fragment in fragments) StringAssert.Contains(output, fragment);
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tfrnn-examples-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
