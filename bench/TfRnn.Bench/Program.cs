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
        "ours-charrnn" => () => { using var ours = CharRnnStep.Ours(); Timing.MedianMs(1, ours.Run); },
        "torch-charrnn" => () => Timing.MedianMs(1, CharRnnStep.Torch()),
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
var (oursChars, rawChars, charsRatio) = Sampling.CharsPerSecond();
var (oursCold, rawCold) = (ChildValue("--cold", "ours-sampling", "chars_per_s"), ChildValue("--cold", "torch-sampling", "chars_per_s"));
var samplingRows = new List<Row>
{
    new("sampling, one Session.run per character (2×128)", "chars/s", oursChars, rawChars, charsRatio),
    new("sampling allocation per Session.run (baseline: the result arrays' own size)", "B", allocated, resultBytes, allocated / resultBytes),
    new("sampling cold: the first 2000 characters of a fresh process", "chars/s", oursCold, rawCold, oursCold / rawCold),
};
if (args.Contains("--sampling"))
{
    PrintTable(samplingRows, new Dictionary<string, double>());
    return;
}
var rows = new List<Row>
{
    Paired("char-rnn train step (2×128 LSTM, 50×200, vocab 99)", CharRnnStep.Measure()),
    Paired("MNIST LSTM train step (128 units, 128×28×28)", MnistStep.Measure()),
};
rows.AddRange(samplingRows);
var (rssOurs, rssRaw) = (ChildPeakRss("ours-charrnn"), ChildPeakRss("torch-charrnn"));
rows.Add(new("char-rnn train step peak RSS (own process)", "MiB", rssOurs, rssRaw, rssOurs / rssRaw));
rows.Add(Paired("KorCharRnn train step (3×512 LSTM, 50×50, vocab 136)", KorCharRnnStep.Measure()));
double build = StaticRnnBuild.OursMs();
var python = PythonBaseline.Run(root);

PrintTable(rows, python);
Console.WriteLine($"| build static_rnn, 200 steps × 2 LSTM layers (target < 50 ms) | ms | {build:F2} | — | — | — |");

static Row Paired(string name, PairedTiming timing) => new(name, "ms", timing.OursMs, timing.BaselineMs, timing.Ratio);

static void PrintTable(List<Row> rows, Dictionary<string, double> python)
{
    Console.WriteLine($"TfRnn.Bench, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}");
    Console.WriteLine();
    Console.WriteLine("| case | unit | TfRnn | raw TorchSharp | ratio (ours/raw) | Python PyTorch |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        string py = python.TryGetValue(row.Name, out double p) ? $"{p:F1}" : "—";
        Console.WriteLine($"| {row.Name} | {row.Unit} | {row.Ours:F1} | {row.Baseline:F1} | {row.Ratio:F2} | {py} |");
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

/// <summary>
/// One table row. For timed rows the ratio is the median of interleaved rounds' ratios (see <see cref="Timing.PairedMs"/>),
/// so it need not equal the quotient of the two medians beside it.
/// </summary>
record Row(string Name, string Unit, double Ours, double Baseline, double Ratio);
