using System.Text.RegularExpressions;

namespace Examples.Tests.Reliability;

/// <summary>
/// A session keeps the memory libtorch frees for the next step (src/TfRnn/Kernels/NativeHeap.cs): refilling a freed
/// 40 MB tensor, once the heap has settled, must not page-fault it in again. Run in a fresh process, where the main
/// thread uses glibc's main heap; the opt-out is the control that shows the check can fail.
/// </summary>
[TestClass]
public class NativeHeapTests
{
    [TestMethod]
    public void SecondStep_ReusesFreedEngineMemory()
    {
        var (faults, pages) = RefillFaults(optOut: false);
        // Settled, a run faults a handful of pages; an occasional run whose block was split refaults all of them.
        Assert.IsTrue(faults < pages / 4, $"a warmed-up run faulted {faults} of the 40 MB tensor's {pages} pages in again (mean of 10)");
    }

    [TestMethod]
    public void OptOut_LeavesGlibcReturningFreedMemory()
    {
        var (faults, pages) = RefillFaults(optOut: true);
        Assert.IsTrue(faults >= pages / 2, $"with TFRNN_GLIBC_HEAP=default a run faulted only {faults} of {pages} pages (mean of 10)");
    }

    static (long faults, long pages) RefillFaults(bool optOut)
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("glibc's heap settings exist on Linux only");
        var start = ExampleRunner.StartInfo(ExampleRunner.HarnessPath, Path.GetTempPath(), "heap-refill");
        if (optOut) start.Environment["TFRNN_GLIBC_HEAP"] = "default";
        else start.Environment.Remove("TFRNN_GLIBC_HEAP");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the harness did not finish within 2 minutes");
        }
        string output = stdout.Result + stderr.Result;
        var match = Regex.Match(output, @"^sum 10000000 faults (\d+) pages (\d+)", RegexOptions.Multiline);
        Assert.IsTrue(match.Success, output);
        return (long.Parse(match.Groups[1].Value), long.Parse(match.Groups[2].Value));
    }
}
