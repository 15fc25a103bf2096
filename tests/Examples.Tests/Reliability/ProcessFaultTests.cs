using System.Diagnostics;
using TfRnn;

namespace Examples.Tests.Reliability;

/// <summary>Processes that exit without cleaning up or are killed with SIGKILL while saving: nothing saved is lost.</summary>
[TestClass]
public class ProcessFaultTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [TestMethod]
    public void UnclosedFileWriter_EventsSurviveProcessExit()
    {
        var dir = ExampleRunner.TempDirectory();
        var (code, stdout, stderr) = ExampleRunner.RunDll(ExampleRunner.HarnessPath, dir, Timeout, "unclosed-writer", dir);
        Assert.AreEqual(0, code, stderr);
        var events = tf.train.summary_iterator(stdout.Trim()).ToList();
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 4, 5 }, events.Select(e => e.Step).ToArray(), "file_version and the five queued summaries");
        Assert.AreEqual(5f, events[^1].Summary.Value[0].SimpleValue);
    }

    /// <summary>
    /// Ten SIGKILLs at random moments of a loop that saves a 1 MB model: after each, every checkpoint the state
    /// file lists reads back whole (each weight equals its step), the newest is at least the last one reported
    /// saved, and the next run resumes from it and removes the temp files the killed run left.
    /// </summary>
    [TestMethod]
    public void KillDuringRepeatedSaves_LosesNothingSaved()
    {
        const int Kills = 10;
        var dir = ExampleRunner.TempDirectory();
        var rng = new Random(14);
        int lastReported = 0;
        var tally = new SortedDictionary<string, int>();
        for (int kill = 0; kill < Kills; kill++)
        {
            var started = DateTime.UtcNow;
            using var process = Process.Start(ExampleRunner.StartInfo(ExampleRunner.HarnessPath, dir, "save-loop", dir))!;
            int resumedAt = lastReported, saves = 0;
            var deadline = DateTime.UtcNow + Timeout;
            while (saves < 2 && DateTime.UtcNow < deadline && process.StandardOutput.ReadLine() is { } line)
                if (line.StartsWith("saved ", StringComparison.Ordinal)) (lastReported, saves) = (int.Parse(line[6..]), saves + 1);
            Assert.AreEqual(2, saves, $"run {kill} saved twice: {process.StandardError.ReadToEnd()}");
            Assert.AreEqual(resumedAt + 2, lastReported, "each run resumes right after the newest checkpoint");
            Thread.Sleep(rng.Next(0, 40));   // somewhere inside a later save
            process.Kill();                  // SIGKILL: no handler runs
            process.WaitForExit();

            var state = tf.train.get_checkpoint_state(dir)!;
            int newest = Step(state.model_checkpoint_path);
            Assert.IsTrue(newest >= lastReported, $"the newest checkpoint {newest} is at least the last reported {lastReported}");
            string listing = File.ReadAllText(Path.Combine(dir, "checkpoint")) + string.Join(" ", Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            foreach (var path in state.all_model_checkpoint_paths)
            {
                Assert.IsTrue(File.Exists(path + ".index"), $"run {kill}: {path} is listed: {listing}");
                var weights = new CheckpointReader(path).get_tensor("weights").ToArray<float>();
                Assert.IsTrue(weights.All(w => w == Step(path)), $"{path} reads back whole");
            }
            bool staleLeft = Directory.GetFiles(dir, "*.tempstate*").Any(f => File.GetLastWriteTimeUtc(f) < started.AddSeconds(-1));
            Assert.IsFalse(staleLeft, "the temp files of earlier killed runs are removed by the next save");
            string outcome = newest > lastReported ? "killed after a save it had not reported" : "killed during a save";
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            lastReported = newest;
        }
        Console.WriteLine($"kill -9 during saves: {Kills} cases — " + string.Join(", ", tally.Select(p => $"{p.Key} {p.Value}")) + "; every listed checkpoint whole");
    }

    static int Step(string prefix) => int.Parse(prefix[(prefix.LastIndexOf('-') + 1)..]);
}
