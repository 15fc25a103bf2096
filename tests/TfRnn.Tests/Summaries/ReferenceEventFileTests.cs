using System.Text.Json;
using TfRnn;
using TfRnn.Protos;

namespace TfRnn.Tests.Summaries;

/// <summary>Every event file in shared/testdata reads with exactly the values TensorBoard's own loader found.</summary>
[TestClass]
public class ReferenceEventFileTests
{
    public static IEnumerable<object[]> Folders() =>
        Directory.GetDirectories(TestData.Root).Where(d => File.Exists(Path.Combine(d, "expected_read_events.jsonl")))
            .Select(d => new object[] { Path.GetFileName(d) });

    [TestMethod]
    [DynamicData(nameof(Folders))]
    public void ReadsWithExpectedRecords(string folder)
    {
        var lines = File.ReadAllLines(TestData.Path_(folder, "expected_read_events.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var header = lines[0];
        var events = tf.train.summary_iterator(TestData.Path_(folder, Path.GetFileName(header.GetProperty("file").GetString()!))).ToList();
        Assert.AreEqual(header.GetProperty("records").GetInt32(), events.Count);
        foreach (var record in lines.Where(l => l.TryGetProperty("index", out _)))
        {
            var e = events[record.GetProperty("index").GetInt32()];
            Assert.AreEqual(record.GetProperty("wall_time").GetDouble(), e.WallTime);
            Assert.AreEqual(record.GetProperty("step").GetInt64(), e.Step);
            switch (record.GetProperty("what").GetString())
            {
                case "file_version":
                    Assert.AreEqual(record.GetProperty("file_version").GetString(), e.FileVersion);
                    break;
                case "graph_def":
                    Assert.AreEqual(record.GetProperty("graph_def").GetProperty("nodes").GetInt32(), GraphDef.Parser.ParseFrom(e.GraphDef).Node.Count);
                    break;
                case "meta_graph_def":
                    Assert.AreEqual(record.GetProperty("meta_graph_def_bytes").GetInt32(), e.MetaGraphDef.Length);
                    break;
                case "summary":
                    CheckSummary(record.GetProperty("values"), e.Summary);
                    break;
            }
        }
    }

    static void CheckSummary(JsonElement expected, Summary actual)
    {
        var values = expected.EnumerateArray().ToList();
        Assert.AreEqual(values.Count, actual.Value.Count);
        for (int i = 0; i < values.Count; i++)
        {
            var v = actual.Value[i];
            Assert.AreEqual(values[i].GetProperty("tag").GetString(), v.Tag);
            switch (values[i].GetProperty("kind").GetString())
            {
                case "simple_value":
                    Assert.AreEqual((float)values[i].GetProperty("simple_value").GetDouble(), v.SimpleValue, v.Tag);
                    break;
                case "histo":
                    var h = values[i].GetProperty("histo");
                    Assert.AreEqual(h.GetProperty("min").GetDouble(), v.Histo.Min);
                    Assert.AreEqual(h.GetProperty("num").GetDouble(), v.Histo.Num);
                    Assert.AreEqual(h.GetProperty("n_buckets").GetInt32(), v.Histo.Bucket.Count);
                    CollectionAssert.AreEqual(h.GetProperty("bucket_limit_head").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
                        v.Histo.BucketLimit.Take(h.GetProperty("bucket_limit_head").GetArrayLength()).ToArray());
                    break;
                case "tensor":
                    var decoded = values[i].GetProperty("tensor").GetProperty("decoded").GetProperty("values");
                    var array = TensorProtos.ToNDArray(v.Tensor);
                    if (v.Tensor.Dtype == DataType.DtString)
                        Assert.AreEqual(decoded[0].GetString(), System.Text.Encoding.UTF8.GetString(array.ToArray<byte[]>()[0]));
                    else
                    {
                        var head = Flatten(decoded).ToArray();   // the expected file lists the first values only
                        CollectionAssert.AreEqual(head, array.ToArray<double>()[..head.Length]);
                        Assert.AreEqual(values[i].GetProperty("tensor").GetProperty("decoded").GetProperty("n").GetInt32(), (int)array.size);
                    }
                    break;
            }
        }
    }

    static IEnumerable<double> Flatten(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flatten) : new[] { e.GetDouble() };

    [TestMethod]
    public void Lingvo_BestBleuAndLastStep()
    {
        var events = tf.train.summary_iterator(TestData.Path_("lingvo_events", "events.out.tfevents.test")).ToList();
        var bleu = events.Where(e => e.Summary != null).SelectMany(e => e.Summary.Value.Where(v => v.Tag == "bleu/dev").Select(v => (e.Step, v.SimpleValue))).ToList();
        var best = bleu.MaxBy(b => b.SimpleValue);
        Assert.AreEqual(102600, best.Step);
        Assert.AreEqual(0.28823295f, best.SimpleValue);
        Assert.AreEqual(185200, events[^1].Step);
    }

    [TestMethod]
    public void Histogram_MatchesTensorFlowBucketsForOneValue()
    {
        // Morvan's layer2/biases: one value between these two TF bucket limits.
        var histo = Histogram.Build(new[] { 0.13 });
        CollectionAssert.AreEqual(new[] { 0.12394802823537933, 0.13634283105891729, double.MaxValue }, histo.BucketLimit.ToArray());
        CollectionAssert.AreEqual(new[] { 0.0, 1.0, 0.0 }, histo.Bucket.ToArray());
        var empty = Histogram.Build(Array.Empty<double>());
        CollectionAssert.AreEqual(new[] { double.MaxValue }, empty.BucketLimit.ToArray());
    }

    [TestMethod]
    public void FlippedByte_NamesTheRecord()
    {
        var dir = TestData.TempDirectory();
        var copy = Path.Combine(dir, "events.out.tfevents.1.test");
        var bytes = File.ReadAllBytes(TestData.Path_("morvan_tf20_rnn", "events.out.tfevents.1509756156.Morvan"));
        int offset = 0;
        for (int r = 0; r < 3; r++) offset += 16 + (int)BitConverter.ToUInt64(bytes, offset);
        bytes[offset + 20] ^= 0x10;   // inside record 3's payload
        File.WriteAllBytes(copy, bytes);
        var error = Assert.ThrowsExactly<DataLossError>(() => tf.train.summary_iterator(copy).ToList());
        StringAssert.Contains(error.Message, $"record 3 at byte offset {offset}");
        StringAssert.Contains(error.Message, "payload CRC mismatch");
        File.WriteAllBytes(copy, bytes[..(offset + 30)]);
        Assert.AreEqual(3, tf.train.summary_iterator(copy).ToList().Count, "a record cut by the end of the file ends the events quietly");
    }
}
