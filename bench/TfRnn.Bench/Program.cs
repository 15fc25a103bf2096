// Side-by-side benchmarks: each case runs ours and a raw TorchSharp baseline in this process and prints both and
// the ratio (bench/RESULTS.md keeps the table). Run: dotnet run -c Release --project bench/TfRnn.Bench
//   --only CASE   run one training case alone and print this process's peak RSS (used for the memory rows)
//   --host        the host-array micro-benchmarks (NDArray vs NumPy-sized work)
//   --sampling    only the sampling rows (chars/s against raw TorchSharp, bytes allocated per Session.run)
//   --cold CASE   one sampling loop of a fresh process, JIT warm-up included; prints chars/s (the cold row)
using System.Diagnostics;
using TfRnn.Bench;

if (args.Contains("--host")) { HostArrayCases.Print(); return; }
if (args.Length == 2 && args[0] == "--only")
{
    Action run = args[1] switch
    {
        "ours-charrnn" => () => CharRnnStep.OursMs(1),
        "torch-charrnn" => () => CharRnnStep.TorchMs(1),
        _ => throw new ArgumentException($"unknown case {args[1]}"),
    };
    run();
    Console.WriteLine($"peak_rss_mib\t{Timing.PeakRssMiB():F0}");
    return;
}

if (args.Length == 2 && args[0] == "--cold")
{
    double charsPerSecond = args[1] switch
    {
        "ours-sampling" => Sampling.OursColdCharsPerSecond(),
        "torch-sampling" => Sampling.TorchColdCharsPerSecond(),
        _ => throw new ArgumentException($"unknown case {args[1]}"),
    };
    Console.WriteLine($"chars_per_s\t{charsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    return;
}

string root = RepositoryRoot();
var (allocated, resultBytes) = Sampling.AllocatedBytesPerRun();
var samplingRows = new List<(string name, string unit, double ours, double baseline, bool higherIsBetter)>
{
    ("sampling, one Session.run per character (2×128)", "chars/s", Sampling.OursCharsPerSecond(), Sampling.TorchCharsPerSecond(), true),
    ("sampling allocation per Session.run (baseline: the result arrays' own size)", "B", allocated, resultBytes, false),
    ("sampling cold: the first 2000 characters of a fresh process", "chars/s", ChildValue("--cold", "ours-sampling", "chars_per_s"),
        ChildValue("--cold", "torch-sampling", "chars_per_s"), true),
};
if (args.Contains("--sampling"))
{
    PrintTable(samplingRows, new Dictionary<string, double>());
    return;
}
var rows = new List<(string name, string unit, double ours, double baseline, bool higherIsBetter)>
{
    ("char-rnn train step (2×128 LSTM, 50×200, vocab 99)", "ms", CharRnnStep.OursMs(), CharRnnStep.TorchMs(), false),
    ("MNIST LSTM train step (128 units, 128×28×28)", "ms", MnistStep.OursMs(), MnistStep.TorchMs(), false),
    samplingRows[0],
    samplingRows[1],
    samplingRows[2],
    ("char-rnn train step peak RSS (own process)", "MiB", ChildPeakRss("ours-charrnn"), ChildPeakRss("torch-charrnn"), false),
};
var (korOurs, korBaseline) = KorCharRnnStep.Measure();
rows.Add(("KorCharRnn train step (3×512 LSTM, 50×50, vocab 136)", "ms", korOurs, korBaseline, false));
double build = StaticRnnBuild.OursMs();
var python = PythonBaseline.Run(root);

PrintTable(rows, python);
Console.WriteLine($"| build static_rnn, 200 steps × 2 LSTM layers (target < 50 ms) | ms | {build:F2} | — | — | — |");

static void PrintTable(List<(string name, string unit, double ours, double baseline, bool higherIsBetter)> rows, Dictionary<string, double> python)
{
    Console.WriteLine($"TfRnn.Bench, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}");
    Console.WriteLine();
    Console.WriteLine("| case | unit | TfRnn | raw TorchSharp | ratio (ours/raw) | Python PyTorch |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|");
    foreach (var (name, unit, ours, baseline, _) in rows)
    {
        string py = python.TryGetValue(name, out double p) ? $"{p:F1}" : "—";
        Console.WriteLine($"| {name} | {unit} | {ours:F1} | {baseline:F1} | {ours / baseline:F2} | {py} |");
    }
}

static double ChildPeakRss(string which) => ChildValue("--only", which, "peak_rss_mib");

// Runs this bench in a child process with `mode which` and reads the value it prints as `key<TAB>value`.
static double ChildValue(string mode, string which, string key)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, ArgumentList = { mode, which } };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Insert(0, typeof(Timing).Assembly.Location);
    using var process = Process.Start(start)!;
    string output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(key + "\t"));
    return line is null ? double.NaN : double.Parse(line.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture);
}

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TfRnnDotnet.sln"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
