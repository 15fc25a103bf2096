using Google.Protobuf;
using TfRnn;
using TfRnn.Protos;

namespace TfRnn.Tests.Reliability;

/// <summary>
/// Event files cut at every byte yield exactly their complete records (what TensorBoard shows of a run still
/// writing or killed); 1,000 byte flips (fixed seed) are each a DataLossError naming the record.
/// </summary>
[TestClass]
public class EventFileFaultTests : TestBase
{
    /// <summary>An event file of 20 scalar summaries and the byte offset where each record ends.</summary>
    static (string path, byte[] bytes, List<Event> events, List<long> ends) WriteRun()
    {
        var x = tf.placeholder(tf.float32, Shape.scalar());
        var summary = tf.summary.scalar("loss", x);
        string path;
        using (var sess = tf.Session())
        using (var writer = tf.summary.FileWriter(TestData.TempDirectory()))
        {
            for (int step = 1; step <= 20; step++) writer.add_summary(sess.run(summary, (x, 1f / step)), step);
            path = writer.FilePath;
        }
        var bytes = File.ReadAllBytes(path);
        var events = tf.train.summary_iterator(path).ToList();
        var ends = new List<long>();
        for (long offset = 0; offset < bytes.Length; offset += 16 + (long)BitConverter.ToUInt64(bytes, (int)offset)) ends.Add(offset + 16 + (long)BitConverter.ToUInt64(bytes, (int)offset));
        return (path, bytes, events, ends);
    }

    [TestMethod]
    public void SummaryIterator_YieldsEveryEventInOrder()
    {
        var (_, _, events, ends) = WriteRun();
        Assert.AreEqual(21, events.Count, "file_version, then 20 summaries");
        Assert.AreEqual("brain.Event:2", events[0].FileVersion);
        CollectionAssert.AreEqual(Enumerable.Range(1, 20).Select(s => (long)s).ToArray(), events.Skip(1).Select(e => e.Step).ToArray());
        Assert.AreEqual(0.25f, events[4].Summary.Value[0].SimpleValue);
        Assert.AreEqual(21, ends.Count);
    }

    [TestMethod]
    public void Truncation_AtEveryByte_YieldsTheCompleteRecords()
    {
        var (path, bytes, events, ends) = WriteRun();
        var tally = new FaultTally("event file truncations");
        for (int length = 0; length <= bytes.Length; length++)
        {
            File.WriteAllBytes(path, bytes[..length]);
            int complete = ends.Count(end => end <= length);
            tally.Run(() =>
            {
                var read = tf.train.summary_iterator(path).ToList();
                CollectionAssert.AreEqual(events.Take(complete).Select(e => e.ToByteString()).ToList(), read.Select(e => e.ToByteString()).ToList(), $"cut at {length}");
                return ends.Contains(length) || length == 0 ? "cut at a record boundary: all records" : "cut inside a record: the records before it";
            });
        }
        tally.Print();
        Assert.AreEqual(bytes.Length + 1, tally.Cases);
        Assert.AreEqual(ends.Count + 1, tally["cut at a record boundary: all records"]);
    }

    [TestMethod]
    public void ByteFlips_AreDataLossErrors_NamingTheRecord()
    {
        var (path, bytes, _, ends) = WriteRun();
        var rng = new Random(14);
        var tally = new FaultTally("event file byte flips");
        for (int i = 0; i < 1000; i++)
        {
            var (flipped, position) = FaultTally.FlipOne(bytes, rng);
            File.WriteAllBytes(path, flipped);
            int record = ends.FindIndex(end => position < end);
            try
            {
                tf.train.summary_iterator(path).ToList();
                tally.Add("read without error");
            }
            catch (DataLossError e)
            {
                StringAssert.Contains(e.Message, $"record {record} at byte offset");
                tally.Add("DataLossError");
            }
        }
        tally.Print();
        Assert.AreEqual(1000, tally["DataLossError"]);
    }
}
