using System.Globalization;
using TfRnn;
using TfRnn.Examples.MinCharRnn;

namespace Examples.Tests;

/// <summary>min-char-rnn: its backward pass against finite differences, and the program run as a process.</summary>
[TestClass]
public class MinCharRnnTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    const string Text = "the quick brown fox jumps over the lazy dog. ";

    [TestMethod]
    public void LossFun_GradientsMatchCentralDifferences()
    {
        // Karpathy's gradient check: (loss(p + δ) − loss(p − δ)) / 2δ at random entries of every parameter.
        np.random.seed(5);
        var chars = Text.Distinct().Order().ToList();
        var rnn = new VanillaRnn(chars.Count);
        foreach (var shared in rnn.Parameters)
        {
            var param = shared;   // the same array: += moves the model's weights away from the tiny init
            param += np.random.randn((int)param.shape[0], (int)param.shape[1]) * 0.1;
        }
        var ix = Text.Select(ch => chars.IndexOf(ch)).ToArray();
        int[] inputs = ix[..25], targets = ix[1..26];
        var hprev = np.random.randn(100, 1) * 0.5;
        var analytic = rnn.LossFun(inputs, targets, hprev);
        var rng = new Random(11);
        string[] names = { "Wxh", "Whh", "Why", "bh", "by" };
        double worst = 0;
        for (int which = 0; which < 5; which++)
        {
            var (param, dparam) = (rnn.Parameters[which], analytic.Gradients[which]);
            CollectionAssert.AreEqual(param.shape.dims, dparam.shape.dims, names[which]);
            for (int check = 0; check < 10; check++)
            {
                int row = rng.Next((int)param.shape[0]), column = rng.Next((int)param.shape[1]);
                double old = param.GetValue<double>(row, column), delta = 1e-5;
                param.SetValue(old + delta, row, column);
                double plus = rnn.LossFun(inputs, targets, hprev).Loss;
                param.SetValue(old - delta, row, column);
                double minus = rnn.LossFun(inputs, targets, hprev).Loss;
                param.SetValue(old, row, column);
                double numerical = (plus - minus) / (2 * delta), grad = dparam.GetValue<double>(row, column);
                Assert.IsTrue(Math.Abs(grad) < 5, $"{names[which]}[{row}, {column}] = {grad} was clipped; the check needs unclipped gradients");
                if (numerical == 0 && grad == 0) continue;   // an input character absent from this sequence: both exactly zero
                double relative = Math.Abs(grad - numerical) / Math.Abs(grad + numerical);
                worst = Math.Max(worst, relative);
                Assert.IsTrue(relative < 1e-5, $"{names[which]}[{row}, {column}]: numerical {numerical:e}, analytic {grad:e}, relative error {relative:e}");
            }
        }
        Console.WriteLine($"largest relative error {worst:e2}");
    }

    [TestMethod]
    public void Program_TrainsBriefly_PrintsLossSamplesAndSummary()
    {
        var dir = ExampleRunner.TempDirectory();
        var data = Path.Combine(dir, "input.txt");
        File.WriteAllText(data, string.Concat(Enumerable.Repeat(Text, 40)));
        var (code, output) = ExampleRunner.Run("MinCharRnn", dir, Timeout, "--data", data, "--iterations", "500", "--sample-every", "250", "--seed", "3");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, $"data has {Text.Length * 40} characters, 28 unique.");
        StringAssert.Contains(output, "iter 0, loss: 83.30");   // -log(1/28) * 25 = 83.3048..., moved by one step of 0.001 weight
        StringAssert.Contains(output, "iter 400, loss:");
        Assert.AreEqual(4, output.Split('\n').Count(line => line == "----"), "samples at iterations 0 and 250, each between two ---- lines");
        var last = output.TrimEnd().Split('\n')[^1];
        StringAssert.StartsWith(last, "done: 500 iterations, ");
        double smooth = double.Parse(last.Split("smooth loss ")[1], CultureInfo.InvariantCulture);
        Assert.IsTrue(smooth < 83.3 - 5, $"one repeated sentence is quickly learnt: {last}");
    }

    [TestMethod]
    public void Program_MissingData_SaysSo()
    {
        var dir = ExampleRunner.TempDirectory();
        var (code, output) = ExampleRunner.Run("MinCharRnn", dir, Timeout, "--data", Path.Combine(dir, "none.txt"));
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "none.txt: the file does not exist");
    }

    [TestMethod]
    [TestCategory("Slow")]
    public void Program_DefaultCorpus_SmoothLossFallsBelow95In6000Iterations()
    {
        var (code, output) = ExampleRunner.Run("MinCharRnn", ExampleRunner.TempDirectory(), Timeout, "--sample-every", "0");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "iter 0, loss: 10");   // ~108 for the licence's vocabulary
        var last = output.TrimEnd().Split('\n')[^1];
        double smooth = double.Parse(last.Split("smooth loss ")[1], CultureInfo.InvariantCulture);
        Assert.IsTrue(smooth < 95, last);
    }
}
