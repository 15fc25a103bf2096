using TfRnn;

namespace Examples.Tests;

[TestClass]
public class MonitoringSmokeTests
{
    [TestMethod]
    public void Monitoring_WritesLossAccuracyHistogramsAndGraph()
    {
        var dir = TinyMnist.Write(ExampleRunner.TempDirectory());
        var logDir = Path.Combine(dir, "run");
        var (code, output) = ExampleRunner.Run("Monitoring", dir, TimeSpan.FromMinutes(3), "--data", dir, "--steps", "12", "--batch-size", "16",
            "--hidden", "8", "--validation-size", "50", "--log-dir", logDir);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "tensorboard --logdir");
        var file = Directory.GetFiles(logDir, "events.out.tfevents.*").Single();
        var events = tf.train.summary_iterator(file).ToList();
        Assert.AreEqual("brain.Event:2", events[0].FileVersion);
        Assert.IsTrue(events.Any(e => !e.GraphDef.IsEmpty), "the graph is written");
        var summaries = events.Where(e => e.Summary != null).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(1, 12).Select(i => (long)i).ToArray(), summaries.Select(e => e.Step).ToArray());
        var tags = summaries[0].Summary.Value.Select(v => v.Tag).ToList();
        CollectionAssert.IsSubsetOf(new[] { "loss/loss", "accuracy/accuracy", "weights", "biases" }, tags);
        Assert.IsTrue(summaries[0].Summary.Value.Single(v => v.Tag == "weights").Histo.Num == 8 * 10);
        Assert.IsTrue(summaries.All(e => float.IsFinite(e.Summary.Value.Single(v => v.Tag == "loss/loss").SimpleValue)));
    }
}
