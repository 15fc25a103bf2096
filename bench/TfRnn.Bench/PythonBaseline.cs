using System.Diagnostics;
using System.Globalization;

namespace TfRnn.Bench;

/// <summary>
/// The same cases in Python PyTorch (bench/python/torch_rnn_steps.py), where Debian's python3-torch is installed:
/// a third column, not the baseline (the baseline is TorchSharp in this process).
/// </summary>
static class PythonBaseline
{
    /// <summary>Case name → value printed by the script, or empty when python3-torch is missing.</summary>
    public static Dictionary<string, double> Run(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "bench", "python", "torch_rnn_steps.py");
        var results = new Dictionary<string, double>();
        if (!File.Exists("/usr/bin/python3") || !File.Exists(script)) return results;
        var start = new ProcessStartInfo("/usr/bin/python3", script) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) return results;   // no torch module: the column stays empty
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                results[parts[0]] = value;
        }
        return results;
    }
}
