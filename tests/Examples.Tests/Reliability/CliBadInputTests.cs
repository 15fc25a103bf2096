namespace Examples.Tests.Reliability;

/// <summary>
/// The CLI bad-input matrix of issue 14: each bad option, folder or file is one line on stderr starting with
/// "error:", exit code 2, no stack trace, and nothing written.
/// </summary>
[TestClass]
public class CliBadInputTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>A working folder with a small corpus in data/, a file, and save dirs damaged in known ways.</summary>
    static string Workspace()
    {
        var dir = ExampleRunner.TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllLines(Path.Combine(dir, "data", "input.txt"), Enumerable.Range(0, 50).Select(i => $"line {i}: emoji 😀 and text."));
        File.WriteAllText(Path.Combine(dir, "afile"), "not a folder");
        Corpus(dir, "binary", new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 1, 2 });
        Corpus(dir, "latin1", System.Text.Encoding.Latin1.GetBytes("caf\u00e9"));
        SaveDir(dir, "truncated-config", "{\"model\": \"lstm\", \"rnn_si", "[\"a\"]");
        SaveDir(dir, "empty-vocab", "{\"model\":\"lstm\",\"rnn_size\":16,\"num_layers\":2,\"vocab_size\":0,\"batch_size\":4,\"seq_length\":16,\"grad_clip\":5,\"learning_rate\":0.002,\"decay_rate\":0.97}", "");
        return dir;
    }

    static void Corpus(string dir, string name, byte[] bytes)
    {
        Directory.CreateDirectory(Path.Combine(dir, name));
        File.WriteAllBytes(Path.Combine(dir, name, "input.txt"), bytes);
    }

    /// <summary>A save dir whose state file names an existing checkpoint, with the given config and vocabulary text.</summary>
    static void SaveDir(string dir, string name, string config, string vocab)
    {
        var save = Path.Combine(dir, name);
        Directory.CreateDirectory(save);
        File.WriteAllText(Path.Combine(save, "checkpoint"), "model_checkpoint_path: \"model.ckpt-1\"\n");
        File.WriteAllBytes(Path.Combine(save, "model.ckpt-1.index"), Array.Empty<byte>());
        File.WriteAllText(Path.Combine(save, "config.json"), config);
        File.WriteAllText(Path.Combine(save, "chars_vocab.json"), vocab);
    }

    /// <summary>A small training run's options, with the given ones in place of the defaults.</summary>
    static string[] TrainArgs(string[] given)
    {
        var small = new Dictionary<string, string> { ["--data"] = "data", ["--batch-size"] = "4", ["--seq-length"] = "16", ["--rnn-size"] = "16", ["--steps"] = "1" };
        return small.Where(p => !given.Contains(p.Key)).SelectMany(p => new[] { p.Key, p.Value }).Concat(given).ToArray();
    }

    [TestMethod]
    [DataRow("--batch-size -4", "--batch-size must be an integer >= 1, got -4.")]
    [DataRow("--seq-length 0", "--seq-length must be an integer >= 1, got 0.")]
    [DataRow("--seq-length -3", "--seq-length must be an integer >= 1, got -3.")]
    [DataRow("--save-every 0", "--save-every must be an integer >= 1, got 0.")]
    [DataRow("--print-every 0", "--print-every must be an integer >= 1, got 0.")]
    [DataRow("--epochs 0", "--epochs must be an integer >= 1, got 0.")]
    [DataRow("--grad-clip NaN", "--grad-clip must be a finite number > 0, got NaN.")]
    [DataRow("--learning-rate -1", "--learning-rate must be a finite number > 0, got -1.")]
    [DataRow("--rnn-size abc", "Cannot parse argument 'abc' for option '--rnn-size'")]
    [DataRow("--model xyz", "Argument 'xyz' not recognized. Must be one of: 'lstm' 'gru' 'rnn'")]
    [DataRow("sample -n -5 --init-from truncated-config", "-n must be an integer >= 1, got -5.")]
    [DataRow("sample --init-from truncated-config", "truncated-config/config.json' is damaged or truncated")]
    [DataRow("sample --init-from empty-vocab", "empty-vocab/chars_vocab.json' is damaged or truncated")]
    [DataRow("sample --init-from missing", "--init-from folder 'missing' does not exist.")]
    [DataRow("--save-dir /proc/tfrnn-run", "Cannot write to the run folder '/proc/tfrnn-run': it cannot be created or written there")]
    [DataRow("--save-dir afile/run", "Cannot write to the run folder 'afile/run'")]
    [DataRow("--data binary --save-dir out", "binary/input.txt' is not a text file: byte offset 4 is a NUL byte")]
    [DataRow("--data latin1 --save-dir out", "latin1/input.txt' is not valid UTF-8: the byte 0xE9 at byte offset 3")]
    [DataRow("--init-from truncated-config --save-dir out", "truncated-config/config.json' is damaged or truncated")]
    public void CharRnn_BadInput_IsOneLineAndExitCodeTwo(string arguments, string expected)
    {
        var dir = Workspace();
        var given = arguments.Split(' ');
        var args = given[0] == "sample" ? given : TrainArgs(given);
        var (code, stdout, stderr) = ExampleRunner.RunDll(ExampleRunner.ExamplePath("CharRnn"), dir, Timeout, args);
        Assert.AreEqual(2, code, $"{arguments}\n{stdout}\n{stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Length, $"one line on stderr: {stderr}");
        StringAssert.StartsWith(lines[0], "error: ");
        StringAssert.Contains(lines[0], expected);
        Assert.IsFalse(stdout.Contains("   at ") || stderr.Contains("   at "), "no stack trace");
        var output = Path.Combine(dir, "out");
        if (Directory.Exists(output)) Assert.AreEqual(0, Directory.GetFileSystemEntries(output).Length, "nothing written for bad input");
    }

    [TestMethod]
    [DataRow("DynamicRnn", "--steps 0", "--steps must be an integer >= 1, got 0.")]
    [DataRow("DynamicRnn", "--clip-norm inf", "Cannot parse argument 'inf'")]
    [DataRow("RnnMnist", "--batch-size -1", "--batch-size must be an integer >= 1, got -1.")]
    [DataRow("Monitoring", "--hidden 0", "--hidden must be an integer >= 1, got 0.")]
    public void OtherExamples_BadOption_IsOneLineAndExitCodeTwo(string example, string arguments, string expected)
    {
        var (code, stdout, stderr) = ExampleRunner.RunDll(ExampleRunner.ExamplePath(example), ExampleRunner.TempDirectory(), Timeout, arguments.Split(' '));
        Assert.AreEqual(2, code, stdout + stderr);
        Assert.AreEqual(1, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, stderr);
        StringAssert.Contains(stderr, expected);
    }
}
