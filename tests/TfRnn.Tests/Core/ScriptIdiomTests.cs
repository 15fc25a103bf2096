using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>The script-level TF1 idioms: flags and tf.app.run, tf.logging, and small op spellings.</summary>
[TestClass]
[DoNotParallelize]
public class ScriptIdiomTests : TestBase
{
    static string Capture(bool stderr, Action action)
    {
        var writer = new StringWriter();
        var previous = stderr ? Console.Error : Console.Out;
        if (stderr) Console.SetError(writer); else Console.SetOut(writer);
        try { action(); }
        finally { if (stderr) Console.SetError(previous); else Console.SetOut(previous); }
        return writer.ToString();
    }

    [TestMethod]
    public void AppRun_ParsesEveryFlagSpelling_AndPassesTheRestToMain()
    {
        tf.flags.DEFINE_string("data_dir_a", "data/tinyshakespeare", "data directory");
        tf.flags.DEFINE_integer("batch_size_a", 50, "minibatch size");
        tf.app.flags.DEFINE_float("learning_rate_a", 0.002, "learning rate");
        tf.flags.DEFINE_boolean("use_dropout_a", false, "dropout on");
        tf.flags.DEFINE_boolean("shuffle_a", true, "shuffle batches");
        dynamic FLAGS = tf.app.flags.FLAGS;
        Assert.AreEqual(50, (int)FLAGS.batch_size_a);   // defaults before parsing

        string[]? seen = null;
        int code = tf.app.run(argv => seen = argv,
            new[] { "--batch_size_a=8", "--learning_rate_a", "0.5", "--use_dropout_a", "--noshuffle_a", "extra" });
        Assert.AreEqual(0, code);
        Assert.AreEqual(8, (int)FLAGS.batch_size_a);
        Assert.AreEqual(0.5, (double)FLAGS.learning_rate_a);
        Assert.IsTrue((bool)FLAGS.use_dropout_a);
        Assert.IsFalse((bool)FLAGS.shuffle_a);
        Assert.AreEqual("data/tinyshakespeare", (string)FLAGS.data_dir_a);
        CollectionAssert.AreEqual(new[] { "extra" }, seen![1..]);   // argv[0] is the program, as in TF

        FLAGS.batch_size_a = 16;   // Python scripts assign flags too
        Assert.AreEqual(16, (int)FLAGS.batch_size_a);
        Assert.ThrowsExactly<KeyNotFoundException>(() => (object)FLAGS.not_defined);
        Assert.ThrowsExactly<ValueError>(() => tf.flags.DEFINE_integer("batch_size_a", 1, "again"));
    }

    [TestMethod]
    public void AppRun_HelpAndBadValues_DoNotCallMain()
    {
        tf.flags.DEFINE_integer("num_epochs_b", 3, "passes over the data");
        bool called = false;
        string help = Capture(false, () => Assert.AreEqual(0, tf.app.run(_ => called = true, new[] { "--help" })));
        StringAssert.Contains(help, "--num_epochs_b");
        StringAssert.Contains(help, "passes over the data");
        string errors = Capture(true, () => Assert.AreEqual(1, tf.app.run(_ => called = true, new[] { "--num_epochs_b=many" })));
        StringAssert.Contains(errors, "FATAL Flags parsing error");
        StringAssert.Contains(errors, "many");
        Assert.IsFalse(called);
    }

    [TestMethod]
    public void Logging_HonoursVerbosity_AndPercentFormats()
    {
        int previous = tf.logging.get_verbosity();
        try
        {
            Assert.AreEqual(tf.logging.WARN, previous);   // TF1's default
            string quiet = Capture(true, () => tf.logging.info("hidden"));
            Assert.AreEqual("", quiet);
            tf.logging.set_verbosity(tf.logging.INFO);
            string text = Capture(true, () =>
            {
                tf.logging.info("Step %d: loss = %.3f (%s)", 7, 1.23456, "train");
                tf.logging.warn("100%% done");
                tf.logging.error("bad");
            });
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
            // Python formats only when arguments are given: "100%% done" alone stays as written.
            CollectionAssert.AreEqual(new[] { "INFO:tensorflow:Step 7: loss = 1.235 (train)", "WARNING:tensorflow:100%% done", "ERROR:tensorflow:bad" }, lines);
            Assert.AreEqual("100% of 3", tf.logging.PercentFormat("100%% of %d", new object?[] { 3 }));
        }
        finally { tf.logging.set_verbosity(previous); }
    }

    /// <summary>TF's clean_tag: "loss (train)" is illegal and becomes "loss__train_"; leading slashes go.</summary>
    [TestMethod]
    public void SummaryNames_AreCleanedAsTfDoes()
    {
        var loss = tf.constant(1.0f);
        Assert.AreEqual("loss__train_:0", tf.summary.scalar("loss (train)", loss).name);
        Assert.AreEqual("acc/top-1.5:0", tf.summary.scalar("/acc/top-1.5", loss).name);
    }

    [TestMethod]
    public void ConcatOfOneTensor_FillFromShape_AndStringDtypes()
    {
        var t = tf.constant(new float[,] { { 1, 2 } });
        var joined = tf.concat(t, 1);
        Assert.AreEqual("Identity", joined.op.type);
        var filled = tf.fill(new Shape(2, 3), 7.0f);
        Assert.AreEqual("(2, 3)", filled.shape.ToString());
        var x = tf.placeholder("float", new Shape(-1, 2), name: "x");
        Assert.AreEqual(tf.float32, x.dtype);
        Assert.AreEqual(tf.float64, tf.placeholder("double").dtype);
        Assert.AreEqual(tf.int32, tf.placeholder("int32").dtype);
        StringAssert.Contains(Assert.ThrowsExactly<TypeError>(() => tf.placeholder("floaty")).Message, "Cannot convert value 'floaty' to a TensorFlow DType");
        Assert.ThrowsExactly<ValueError>(() => tf.fill(new Shape(-1, 3), 1.0f));
        using var sess = tf.Session();
        CollectionAssert.AreEqual(Enumerable.Repeat(7f, 6).ToArray(), sess.run(filled).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, sess.run(joined).ToArray<float>());
    }
}
