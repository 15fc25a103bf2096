using Spectre.Console;

namespace TfRnn.Examples.CharRnn;

/// <summary>
/// Progress of a training loop: a live bar with the loss and seconds per step on a terminal, and plain
/// <c>step N/M epoch E loss X T s/batch</c> lines (every <c>--print-every</c> steps) when the output is redirected,
/// so logs and tests read the same lines either way.
/// </summary>
public sealed class TrainingProgress
{
    readonly int _total, _printEvery;
    readonly ProgressTask? _bar;

    TrainingProgress(int total, int printEvery, ProgressTask? bar)
    {
        _total = total;
        _printEvery = printEvery;
        _bar = bar;
    }

    /// <summary>Runs <paramref name="loop"/> with a progress reporter: a bar when stdout is an interactive terminal.</summary>
    public static void Run(int total, int printEvery, Action<TrainingProgress> loop)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            loop(new TrainingProgress(total, printEvery, null));
            return;
        }
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => loop(new TrainingProgress(total, printEvery, ctx.AddTask("training", maxValue: total))));
    }

    /// <summary>Step <paramref name="step"/> (1-based) finished with <paramref name="loss"/> in <paramref name="seconds"/>.</summary>
    public void Report(int step, int epoch, float loss, double seconds)
    {
        string line = $"step {step}/{_total} epoch {epoch} loss {loss:0.000} {seconds:0.000} s/batch";
        if (_bar != null)
        {
            _bar.Description = Markup.Escape($"loss {loss:0.000}  {seconds:0.000} s/step  epoch {epoch}");
            _bar.Value = step;
        }
        if (step == 1 || step % _printEvery == 0 || step == _total)
        {
            if (_bar != null) AnsiConsole.WriteLine(line);
            else Console.WriteLine(line);
        }
    }
}
