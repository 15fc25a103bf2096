namespace Examples.Tests;

[TestClass]
public class TfBasicsSmokeTests
{
    [TestMethod]
    public void TfBasics_PrintsEachSlidesResult()
    {
        var (code, output) = ExampleRunner.Run("TfBasics", ExampleRunner.TempDirectory(), TimeSpan.FromMinutes(3), "--steps", "100");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "InvalidArgumentError: You must feed a value for placeholder tensor 'y' with dtype float");
        StringAssert.Contains(output, "Loss(x,y) = 1.000");
        StringAssert.Contains(output, "transpose [1, 0, 2] (28, 4, 28) -> reshape [-1, 28] (112, 28) -> split 28 x (4, 28)");
        StringAssert.Contains(output, "split piece 5 holds row 5 of every image: True");
        StringAssert.Contains(output, "step 100 cost");
        var accuracy = double.Parse(output.Split("Testing Accuracy: ")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(accuracy > 0.85, $"three well-separated blobs: {accuracy}\n{output}");
    }
}
