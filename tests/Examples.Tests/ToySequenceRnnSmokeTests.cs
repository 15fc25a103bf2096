using System.Globalization;
using System.Text.RegularExpressions;

namespace Examples.Tests;

[TestClass]
public class ToySequenceRnnSmokeTests
{
    /// <summary>The ported dynamic_rnn.py trains through tf.app.run's flags and learns to tell linear from random sequences.</summary>
    [TestMethod]
    public void ToySequenceRnn_TrainsBrieflyAndBeatsChance()
    {
        var dir = ExampleRunner.TempDirectory();
        var (code, output) = ExampleRunner.Run("ToySequenceRnn", dir, TimeSpan.FromMinutes(3), "--training_steps=300", "--display_step", "100");
        Assert.AreEqual(0, code, output);
        var losses = Regex.Matches(output, @"Minibatch Loss= ([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.AreEqual(4, losses.Length, output);   // steps 1, 100, 200, 300
        StringAssert.Contains(output, "Optimization Finished!");
        var accuracy = double.Parse(Regex.Match(output, @"Testing Accuracy: ([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.IsTrue(losses[^1] < losses[0], output);
        Assert.IsTrue(accuracy > 0.55, $"testing accuracy {accuracy} should beat chance (0.5) after 300 seeded steps (0.614 when written)\n{output}");
    }
}
