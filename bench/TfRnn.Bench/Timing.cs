using System.Diagnostics;

namespace TfRnn.Bench;

/// <summary>Medians of timed rounds; every case warms up first so plan caches and allocators are settled.</summary>
static class Timing
{
    public const int Rounds = 9;

    /// <summary>
    /// Ours and the baseline in interleaved rounds (ours first in even rounds, the baseline first in odd ones), each the
    /// mean time per call over <paramref name="iterations"/> calls: these machines drift by ±20% over a minute, so two
    /// columns timed one after the other can differ by the drift alone. Returns each side's median and the median of the
    /// per-round ratios ours/baseline, which the drift between rounds does not move.
    /// </summary>
    /// <param name="warmupSeconds">
    /// Warm both up (alternately) until this much time has passed as well: short calls (a sampling loop) reach the JIT's
    /// optimized tier only after a second or more of calls, and a training step's first runs grow the native heap (page
    /// faults) that later runs reuse. Rounds inside that phase measure it.
    /// </param>
    public static PairedTiming PairedMs(int iterations, Action ours, Action baseline, int warmup = 2, double warmupSeconds = 4)
    {
        var warming = Stopwatch.StartNew();
        for (int i = 0; i < warmup || warming.Elapsed.TotalSeconds < warmupSeconds; i++)
        {
            ours();
            baseline();
        }
        var (oursRounds, baselineRounds, ratios) = (new double[Rounds], new double[Rounds], new double[Rounds]);
        for (int r = 0; r < Rounds; r++)
        {
            if (r % 2 == 0) (oursRounds[r], baselineRounds[r]) = (MeanMs(iterations, ours), MeanMs(iterations, baseline));
            else (baselineRounds[r], oursRounds[r]) = (MeanMs(iterations, baseline), MeanMs(iterations, ours));
            ratios[r] = oursRounds[r] / baselineRounds[r];
        }
        return new PairedTiming(Median(oursRounds), Median(baselineRounds), Median(ratios));
    }

    /// <summary>Median over <see cref="Rounds"/> rounds of the mean time per call, in milliseconds (one side alone).</summary>
    public static double MedianMs(int iterations, Action body, int warmup = 2, double warmupSeconds = 2)
    {
        var warming = Stopwatch.StartNew();
        for (int i = 0; i < warmup || warming.Elapsed.TotalSeconds < warmupSeconds; i++) body();
        return Median(Enumerable.Range(0, Rounds).Select(_ => MeanMs(iterations, body)).ToArray());
    }

    static double MeanMs(int iterations, Action body)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++) body();
        return watch.Elapsed.TotalMilliseconds / iterations;
    }

    static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
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

/// <summary>Milliseconds per call of ours and of the baseline, and the median of their per-round ratio ours/baseline.</summary>
readonly record struct PairedTiming(double OursMs, double BaselineMs, double Ratio);
