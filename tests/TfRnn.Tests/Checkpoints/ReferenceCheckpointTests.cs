using System.Text.Json;
using TfRnn;

namespace TfRnn.Tests.Checkpoints;

/// <summary>Every V2 checkpoint written by TensorFlow in shared/testdata reads with exactly its expected contents.</summary>
[TestClass]
public class ReferenceCheckpointTests
{
    public static IEnumerable<object[]> Folders() =>
        Directory.GetDirectories(TestData.Root).Where(d => File.Exists(Path.Combine(d, "expected_read_checkpoint.json")))
            .Select(d => new object[] { Path.GetFileName(d) });

    [TestMethod]
    [DynamicData(nameof(Folders))]
    public void ReadsWithExpectedValues(string folder)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestData.Path_(folder, "expected_read_checkpoint.json"))).RootElement;
        var prefix = TestData.Path_(folder, Path.GetFileName(expected.GetProperty("prefix").GetString()!));
        var reader = new TensorBundleReader(prefix);
        var tensors = expected.GetProperty("tensors").EnumerateArray().ToList();
        CollectionAssert.AreEqual(tensors.Select(t => t.GetProperty("name").GetString()).ToArray(), reader.Keys.ToArray());
        foreach (var t in tensors)
        {
            var name = t.GetProperty("name").GetString()!;
            Assert.IsTrue(t.GetProperty("crc_ok").GetBoolean());
            Assert.AreEqual(t.GetProperty("dtype").GetString(), "DT_" + reader.DTypeOf(name).ToString()[3..], name);
            CollectionAssert.AreEqual(t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(), reader.ShapeOf(name), name);
            var value = reader.Read(name);
            if (reader.DTypeOf(name) == TF_DataType.TF_STRING)
            {
                var text = System.Text.Encoding.UTF8.GetString(value.ToArray<byte[]>()[0]);
                Assert.AreEqual(t.GetProperty("values")[0].GetString()![..40], text[..40], name);
                continue;
            }
            var head = t.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var actual = value.ToArray<double>();
            CollectionAssert.AreEqual(head, actual[..head.Length], $"{folder}: first values of {name}");
            var stats = t.GetProperty("stats");
            Assert.AreEqual(stats.GetProperty("min").GetDouble(), actual.Min(), name);
            Assert.AreEqual(stats.GetProperty("max").GetDouble(), actual.Max(), name);
            Assert.AreEqual(stats.GetProperty("mean").GetDouble(), actual.Average(), 1e-9 * Math.Max(1, Math.Abs(actual.Average())), name);
        }
    }

    [TestMethod]
    public void SnappyIndexWithoutData_ParsesAllEntries()
    {
        var path = TestData.Path_("lingvo_lenet_index_only", "lenet_test_model.index");
        var entries = TableReader.ReadAll(File.ReadAllBytes(path), path);
        Assert.AreEqual(24, entries.Count, "header plus 23 tensors");
        Assert.AreEqual(0, entries[0].key.Length);
    }

    [TestMethod]
    public void V1Checkpoint_GivesClearError()
    {
        var error = Assert.ThrowsExactly<NotFoundError>(() => new TensorBundleReader(TestData.Path_("serving_bad_half_plus_two", "export")));
        StringAssert.Contains(error.Message, "V1 checkpoint format is not supported");
    }

    /// <summary>LevelDB's table builder reproduces TF's uncompressed indexes byte for byte; so must ours.</summary>
    [TestMethod]
    [DataRow("serving_half_plus_three", "variables")]
    [DataRow("serving_half_plus_two_gpu", "variables")]
    [DataRow("serving_counter", "variables")]
    [DataRow("serving_half_plus_two_mkl", "variables")]
    [DataRow("charrnn_jdonnelly1", "model.ckpt-14000")]
    [DataRow("charrnn_laurajul", "model.ckpt-248399")]
    [DataRow("charrnn_calebfoss", "model.ckpt-0")]
    public void IndexRewrite_IsByteIdentical(string folder, string prefix)
    {
        var path = TestData.Path_(folder, prefix + ".index");
        var original = File.ReadAllBytes(path);
        var writer = new TableWriter();
        foreach (var (key, value) in TableReader.ReadAll(original, path)) writer.Add(key, value);
        CollectionAssert.AreEqual(original, writer.Finish());
    }

    [TestMethod]
    public void CheckpointStateFiles_ParseAndResolve()
    {
        var dir = TestData.Path_("charrnn_jdonnelly1");
        var state = tf.train.get_checkpoint_state(dir)!;
        Assert.AreEqual(Path.Combine(dir, "model.ckpt-14000"), state.model_checkpoint_path);
        Assert.AreEqual(5, state.all_model_checkpoint_paths.Count);
        Assert.AreEqual(Path.Combine(dir, "model.ckpt-14000"), tf.train.latest_checkpoint(dir));
        var text = File.ReadAllText(Path.Combine(dir, "checkpoint"));
        Assert.AreEqual(text, CheckpointState.Parse(text, "checkpoint").ToText(), "our writer reproduces TF's layout");
        var absolute = tf.train.get_checkpoint_state(TestData.Path_("serving_bad_half_plus_two"))!;
        Assert.IsTrue(Path.IsPathRooted(absolute.model_checkpoint_path));
    }

    [TestMethod]
    public void ListAndLoadVariables()
    {
        var dir = TestData.Path_("charrnn_laurajul");
        var variables = tf.train.list_variables(dir);
        CollectionAssert.Contains(variables.Select(v => v.name).ToList(), "rnnlm/multi_rnn_cell/cell_0/lstm_cell/kernel");
        CollectionAssert.AreEqual(new long[] { 256, 512 }, variables.Single(v => v.name == "rnnlm/multi_rnn_cell/cell_0/lstm_cell/kernel").shape);
        var embedding = tf.train.load_variable(dir, "embedding");
        CollectionAssert.AreEqual(new long[] { 103, 128 }, embedding.shape.dims);
    }

    [TestMethod]
    public void CrcTestVectors()
    {
        Assert.AreEqual(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.AreEqual(0xC78AB0E5u, Crc32C.Masked("123456789"u8));
        Assert.AreEqual(0x224B7FA3u, Crc32C.Masked(new byte[] { 24, 0, 0, 0, 0, 0, 0, 0 }));
        Assert.AreEqual(0x1F273806u, Crc32C.Masked(BitConverter.GetBytes(0.5f)));
        Assert.AreEqual(0x3A117BA6u, Crc32C.Masked(BitConverter.GetBytes(0.0f)));
        Assert.AreEqual(0xE3069283u, Crc32C.Unmask(Crc32C.Mask(0xE3069283u)));
    }
}
