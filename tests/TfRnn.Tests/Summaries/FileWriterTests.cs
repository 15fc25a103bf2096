using TfRnn;
using TfRnn.Protos;

namespace TfRnn.Tests.Summaries;

[TestClass]
public class FileWriterTests : TestBase
{
    [TestMethod]
    public void FileWriter_RoundTrip_TagsStepsValuesAndGraph()
    {
        var x = tf.placeholder(tf.float32, new Shape(3), name: "x");
        using (tf.name_scope("loss"))
            tf.summary.scalar("loss", tf.reduce_mean(tf.square(x), name: "mse"));   // tag "loss/loss", as in the slides
        var histogram = tf.summary.histogram("x_values", x);
        var note = tf.summary.text("notes", tf.constant("hello **world**"));
        var merged = tf.summary.merge_all()!;
        var dir = TestData.TempDirectory();
        string path;
        using (var sess = tf.Session())
        using (var writer = tf.summary.FileWriter(dir, sess.graph))
        {
            path = writer.FilePath;
            for (int step = 0; step < 3; step++)
                writer.add_summary(sess.run(merged, (x, new float[] { step, 1, 2 })), step);
        }
        StringAssert.StartsWith(Path.GetFileName(path), "events.out.tfevents.");
        var events = tf.train.summary_iterator(path).ToList();
        Assert.AreEqual("brain.Event:2", events[0].FileVersion);
        var graph = GraphDef.Parser.ParseFrom(events[1].GraphDef);
        var nodes = graph.Node.ToDictionary(n => n.Name);
        Assert.AreEqual("Placeholder", nodes["x"].Op);
        CollectionAssert.Contains(nodes["loss/mse"].Input.ToList(), "loss/Square");
        Assert.AreEqual(3, nodes["x"].Attr["_output_shapes"].List.Shape[0].Dim[0].Size);
        Assert.IsFalse(events[2].MetaGraphDef.IsEmpty);
        var summaries = events.Where(e => e.Summary != null).ToList();
        Assert.AreEqual(3, summaries.Count);
        for (int step = 0; step < 3; step++)
        {
            var values = summaries[step].Summary.Value.ToDictionary(v => v.Tag);
            Assert.AreEqual(step, summaries[step].Step);
            Assert.AreEqual((step * step + 1 + 4) / 3f, values["loss/loss"].SimpleValue, 1e-6);
            Assert.AreEqual(3.0, values["x_values"].Histo.Num);
            Assert.AreEqual(step + 3.0, values["x_values"].Histo.Sum, 1e-9);
            Assert.AreEqual("hello **world**", values["notes"].Tensor.StringVal[0].ToStringUtf8());
            Assert.AreEqual(step == 0 ? "text" : null, values["notes"].Metadata?.PluginData.PluginName, "metadata only on a tag's first value");
        }
    }

    [TestMethod]
    public void Aliases_AndMergeErrors()
    {
        var a = tf.scalar_summary("a", tf.constant(1.0f));
        var b = tf.histogram_summary("b", tf.constant(new float[] { 1, 2 }));
        var all = tf.merge_all_summaries()!;
        var twice = tf.merge_summary(new[] { a, a });
        using var sess = tf.Session();
        var summary = Summary.Parser.ParseFrom(sess.run(all).item<byte[]>());
        CollectionAssert.AreEqual(new[] { "a", "b" }, summary.Value.Select(v => v.Tag).ToArray());
        StringAssert.Contains(Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(twice)).Message, "Duplicate tag a");
        tf.reset_default_graph();
        Assert.IsNull(tf.summary.merge_all());
        var bad = tf.summary.histogram("bad", tf.constant(new[] { float.NaN }));
        using var s2 = tf.Session();
        StringAssert.Contains(Assert.ThrowsExactly<InvalidArgumentError>(() => s2.run(bad)).Message, "Nan in summary histogram for: bad");
        using var writer = tf.train.SummaryWriter(TestData.TempDirectory());
        Assert.IsTrue(File.Exists(writer.FilePath));
    }

    [TestMethod]
    public void UnwritableLogDirectory_Explains()
    {
        var file = Path.Combine(TestData.TempDirectory(), "a-file");
        File.WriteAllText(file, "");
        var error = Assert.ThrowsExactly<IOException>(() => tf.summary.FileWriter(Path.Combine(file, "logs")));
        StringAssert.Contains(error.Message, "Cannot create the log directory");
    }
}
