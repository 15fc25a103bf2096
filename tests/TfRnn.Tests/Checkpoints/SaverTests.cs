using TfRnn;

namespace TfRnn.Tests.Checkpoints;

[TestClass]
public class SaverTests : TestBase
{
    /// <summary>Issue 5: saving a=0.5, b=3.0, c=3.0 gives TensorFlow's own files, byte for byte.</summary>
    [TestMethod]
    public void Save_HalfPlusThree_IsByteIdenticalToTensorFlow()
    {
        var a = tf.Variable(0.5f, name: "a");
        var b = tf.Variable(3.0f, name: "b");
        var c = tf.Variable(3.0f, name: "c");
        var dir = TestData.TempDirectory();
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var prefix = tf.train.Saver(new[] { c, a, b }).save(sess, Path.Combine(dir, "variables"), write_meta_graph: false, write_state: false);
        foreach (var suffix in new[] { ".index", ".data-00000-of-00001" })
            CollectionAssert.AreEqual(File.ReadAllBytes(TestData.Path_("serving_half_plus_three", "variables" + suffix)), File.ReadAllBytes(prefix + suffix), suffix);
    }

    [TestMethod]
    public void SaveNewGraphRestore_GivesIdenticalOutputs()
    {
        var dir = TestData.TempDirectory();
        NDArray Build(bool restore, out string prefix)
        {
            tf.reset_default_graph();
            tf.set_random_seed(restore ? 99 : 1);
            var x = tf.constant(RandomArray(1, 4, 6, 3));
            var (outputs, state) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(5), tf.nn.rnn_cell.BasicLSTMCell(5) }), x, dtype: tf.float32);
            var counter = tf.Variable(7L, name: "counter");
            var saver = tf.train.Saver();
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            if (restore)
            {
                prefix = tf.train.latest_checkpoint(dir)!;
                saver.restore(sess, prefix);
                Assert.AreEqual(7L, (long)sess.run(counter));
            }
            else prefix = saver.save(sess, Path.Combine(dir, "model.ckpt"), global_step: 3);
            return sess.run(outputs);
        }
        var original = Build(false, out var saved);
        Assert.AreEqual(Path.Combine(dir, "model.ckpt-3"), saved);
        var restored = Build(true, out _);
        CollectionAssert.AreEqual(original.ToArray<float>(), restored.ToArray<float>());
        CollectionAssert.Contains(tf.train.list_variables(dir).Select(v => v.name).ToList(), "rnn/multi_rnn_cell/cell_1/basic_lstm_cell/kernel");
    }

    [TestMethod]
    public void MaxToKeep_PrunesOldest_AndStateFileListsSurvivors()
    {
        var v = tf.Variable(1.0f, name: "v");
        var saver = tf.train.Saver(max_to_keep: 2);
        var dir = TestData.TempDirectory();
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        foreach (var step in new[] { 10, 20, 30 }) saver.save(sess, Path.Combine(dir, "model.ckpt"), global_step: step);
        Assert.IsFalse(File.Exists(Path.Combine(dir, "model.ckpt-10.index")));
        Assert.IsFalse(File.Exists(Path.Combine(dir, "model.ckpt-10.data-00000-of-00001")));
        Assert.IsFalse(File.Exists(Path.Combine(dir, "model.ckpt-10.meta")));
        Assert.IsTrue(File.Exists(Path.Combine(dir, "model.ckpt-20.index")));
        Assert.IsTrue(File.Exists(Path.Combine(dir, "model.ckpt-30.meta")));
        var absolute = Path.Combine(dir, "model.ckpt");
        Assert.AreEqual($"model_checkpoint_path: \"{absolute}-30\"\nall_model_checkpoint_paths: \"{absolute}-20\"\nall_model_checkpoint_paths: \"{absolute}-30\"\n",
            File.ReadAllText(Path.Combine(dir, "checkpoint")));
        CollectionAssert.AreEqual(new[] { absolute + "-20", absolute + "-30" }, saver.last_checkpoints);
    }

    [TestMethod]
    public void RelativeSaveDirectory_WritesRelativePaths()
    {
        var v = tf.Variable(1.0f, name: "v");
        var dir = TestData.TempDirectory();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir;
        try
        {
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            Directory.CreateDirectory("save");
            tf.train.Saver().save(sess, Path.Combine("save", "model.ckpt"), global_step: 5);
            Assert.AreEqual("model_checkpoint_path: \"model.ckpt-5\"\nall_model_checkpoint_paths: \"model.ckpt-5\"\n", File.ReadAllText(Path.Combine("save", "checkpoint")));
            Assert.AreEqual(Path.Combine("save", "model.ckpt-5"), tf.train.latest_checkpoint("save"));
        }
        finally { Environment.CurrentDirectory = previous; }
    }

    [TestMethod]
    public void Restore_MissingKeyShapeMismatchAndRenamedVariables()
    {
        var dir = TestData.TempDirectory();
        var w = tf.Variable(new float[] { 1, 2, 3 }, name: "w");
        using (var sess = tf.Session())
        {
            sess.run(tf.global_variables_initializer());
            tf.train.Saver().save(sess, Path.Combine(dir, "m"));
        }
        tf.reset_default_graph();
        var other = tf.Variable(new float[] { 0, 0, 0 }, name: "other");
        using (var sess = tf.Session())
        {
            StringAssert.Contains(Assert.ThrowsExactly<NotFoundError>(() => tf.train.Saver().restore(sess, Path.Combine(dir, "m"))).Message, "Key other not found in checkpoint");
            tf.train.Saver(new Dictionary<string, Variable> { ["w"] = other }).restore(sess, Path.Combine(dir, "m"));
            CollectionAssert.AreEqual(new float[] { 1, 2, 3 }, sess.run(other).ToArray<float>());
        }
        tf.reset_default_graph();
        var wide = tf.Variable(new float[] { 0, 0, 0, 0 }, name: "w");
        using (var sess = tf.Session())
        {
            var error = Assert.ThrowsExactly<InvalidArgumentError>(() => tf.train.Saver().restore(sess, Path.Combine(dir, "m")));
            StringAssert.Contains(error.Message, "lhs shape= [4] rhs shape= [3]");
            StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => tf.train.Saver().restore(sess, Path.Combine(dir, "nothing"))).Message, "not a valid checkpoint");
        }
    }

    [TestMethod]
    public void CorruptedOrTruncatedCheckpoint_NamesFileAndProblem()
    {
        var dir = TestData.TempDirectory();
        var w = tf.Variable(new float[] { 1, 2, 3, 4 }, name: "w");
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var prefix = tf.train.Saver().save(sess, Path.Combine(dir, "m"));
        var dataPath = prefix + ".data-00000-of-00001";
        var data = File.ReadAllBytes(dataPath);
        data[5] ^= 0x40;
        File.WriteAllBytes(dataPath, data);
        var crc = Assert.ThrowsExactly<DataLossError>(() => tf.train.Saver().restore(sess, prefix));
        StringAssert.Contains(crc.Message, "m.data-00000-of-00001");
        StringAssert.Contains(crc.Message, "Checksum does not match");
        File.WriteAllBytes(dataPath, data[..10]);
        StringAssert.Contains(Assert.ThrowsExactly<DataLossError>(() => tf.train.Saver().restore(sess, prefix)).Message, "truncated");
        var index = File.ReadAllBytes(prefix + ".index");
        File.WriteAllBytes(prefix + ".index", index[..30]);
        var truncated = Assert.ThrowsExactly<DataLossError>(() => tf.train.Saver().restore(sess, prefix));
        StringAssert.Contains(truncated.Message, "m.index");
        index[3] ^= 0x01;
        File.WriteAllBytes(prefix + ".index", index);
        StringAssert.Contains(Assert.ThrowsExactly<DataLossError>(() => tf.train.Saver().restore(sess, prefix)).Message, "checksum mismatch");
    }

    [TestMethod]
    public void Save_UninitializedOrMissingDirectory_Explains()
    {
        var v = tf.Variable(1.0f, name: "v");
        using var sess = tf.Session();
        StringAssert.Contains(Assert.ThrowsExactly<FailedPreconditionError>(() => tf.train.Saver().save(sess, Path.Combine(TestData.TempDirectory(), "m"))).Message,
            "uninitialized value v");
        sess.run(v.initializer);
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => tf.train.Saver().save(sess, "/nonexistent/dir/m")).Message, "doesn't exist");
    }

    [TestMethod]
    public void OptimizerSlots_AreSavedUnderTensorFlowNames()
    {
        var w = tf.Variable(new float[] { 1, 2 }, name: "w");
        var train = tf.train.AdamOptimizer(0.1).minimize(tf.reduce_sum(tf.square(w)));
        var dir = TestData.TempDirectory();
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(train);
        var prefix = tf.train.Saver().save(sess, Path.Combine(dir, "m"));
        CollectionAssert.AreEqual(new[] { "beta1_power", "beta2_power", "w", "w/Adam", "w/Adam_1" },
            tf.train.list_variables(prefix).Select(v => v.name).ToArray());
        Assert.AreEqual(0.81f, tf.train.load_variable(prefix, "beta1_power").item<float>(), 1e-6);
    }
}
