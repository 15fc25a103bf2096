using System.Diagnostics;

namespace TfRnn.Bench;

/// <summary>Medians of timed rounds; every case warms up first so plan caches and allocators are settled.</summary>
static class Timing
{
    public const int Rounds = 7;

    /// <summary>Median over <see cref="Rounds"/> rounds of the mean time per call, in milliseconds.</summary>
    public static double MedianMs(int iterations, Action body, int warmup = 2)
    {
        for (int i = 0; i < warmup; i++) body();
        var rounds = new double[Rounds];
        for (int r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) body();
            rounds[r] = watch.Elapsed.TotalMilliseconds / iterations;
        }
        Array.Sort(rounds);
        return rounds[Rounds / 2];
    }

    /// <summary>Peak resident set size of this process so far (Linux VmHWM), in MiB; NaN elsewhere.</summary>
    public static double PeakRssMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return double.NaN;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
