using System.Diagnostics;

namespace TfRnn.Bench;

/// <summary>Medians of timed rounds; every case warms up first so plan caches and allocators are settled.</summary>
static class Timing
{
    public const int Rounds = 7;

    /// <summary>Median over <see cref="Rounds"/> rounds of the mean time per call, in milliseconds.</summary>
    /// <param name="warmupSeconds">
    /// Keep warming up until this much time has passed as well: short calls (a sampling loop) reach the JIT's optimized
    /// tier only after a second or more of calls, and a training step's first runs grow the native heap (page faults)
    /// that later runs, and whichever column runs next in this process, reuse. Rounds inside that phase measure it.
    /// </param>
    public static double MedianMs(int iterations, Action body, int warmup = 2, double warmupSeconds = 2)
    {
        var warming = Stopwatch.StartNew();
        for (int i = 0; i < warmup || warming.Elapsed.TotalSeconds < warmupSeconds; i++) body();
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
