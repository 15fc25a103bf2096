using TfRnn;

namespace TfRnn.Tests.Reliability;

/// <summary>
/// Byte flips (fixed seed, 1,000 per file) and truncations of a checkpoint's .index, .data and <c>checkpoint</c>
/// state file: every damaged file is a DataLossError (or a clean "no checkpoint"), never a crash, a hang or a
/// silently different value; the undamaged files of the same save dir keep restoring.
/// </summary>
[TestClass]
public class CheckpointFaultTests : TestBase
{
    const int Flips = 1000;

    sealed class SavedModel : IDisposable
    {
        public readonly string Dir = TestData.TempDirectory();
        public readonly Variable Weights, Steps;
        public readonly Session Session;
        public readonly Saver Saver;
        public readonly float[] WeightValues;

        public SavedModel()
        {
            Weights = tf.Variable(tf.random_normal(new Shape(8, 16), seed: 3), name: "w");
            Steps = tf.Variable(7L, name: "global_step");
            Session = tf.Session();
            Session.run(tf.global_variables_initializer());
            Saver = tf.train.Saver(max_to_keep: 3);
            for (int step = 1; step <= 3; step++) Saver.save(Session, Path.Combine(Dir, "model.ckpt"), global_step: step);
            WeightValues = Session.run(Weights).ToArray<float>();
        }

        public string Latest => Path.Combine(Dir, "model.ckpt-3");

        /// <summary>Restores <paramref name="prefix"/> into the session after zeroing it, and says whether the values came back.</summary>
        public string RestoreOutcome(string prefix)
        {
            Session.run(tf.assign(Weights, tf.zeros(new Shape(8, 16))));
            Saver.restore(Session, prefix);
            bool same = Session.run(Weights).ToArray<float>().SequenceEqual(WeightValues) && (long)Session.run(Steps) == 7;
            return same ? "restored identical" : throw new AssertFailedException($"{prefix} restored different values without an error");
        }

        public void Dispose() => Session.Dispose();
    }

    /// <summary>A fresh save dir, the path of the latest checkpoint's file with this suffix, and its bytes.</summary>
    static (SavedModel model, string path, byte[] original) SavedFile(string suffix)
    {
        var model = new SavedModel();
        var path = model.Latest + suffix;
        return (model, path, File.ReadAllBytes(path));
    }

    [TestMethod]
    [DataRow(".index")]
    [DataRow(".data-00000-of-00001")]
    public void BundleFile_ByteFlipsAndCuts_AreCaught_OlderCheckpointsUntouched(string suffix)
    {
        var (model, path, original) = SavedFile(suffix);
        using var owner = model;
        var rng = new Random(14);
        var tally = new FaultTally($"byte flips in {suffix}");
        var harmless = new SortedSet<int>();
        for (int i = 0; i < Flips; i++)
        {
            var (flipped, position) = FaultTally.FlipOne(original, rng);
            File.WriteAllBytes(path, flipped);
            tally.Run(() =>
            {
                var outcome = model.RestoreOutcome(model.Latest);
                harmless.Add(position);
                return outcome;
            });
        }
        tally.Print();
        Assert.AreEqual(Flips, tally["DataLossError"] + tally["restored identical"], "a flip is caught, or it changed nothing that is read");
        if (suffix == ".index") harmless.ExceptWith(UnreadIndexBytes(original));
        Assert.AreEqual(0, harmless.Count, $"harmless flips outside the bytes no reader checks: {string.Join(",", harmless)}");

        var cuts = new FaultTally($"truncations of {suffix}");
        for (int length = 0; length < original.Length; length++)
        {
            File.WriteAllBytes(path, original[..length]);
            cuts.Run(() => model.RestoreOutcome(model.Latest));
        }
        cuts.Print();
        Assert.AreEqual(original.Length, cuts["DataLossError"], "a cut at any byte is caught");

        File.WriteAllBytes(path, original);
        Assert.AreEqual("restored identical", model.RestoreOutcome(model.Latest));
        Assert.AreEqual("restored identical", model.RestoreOutcome(Path.Combine(model.Dir, "model.ckpt-2")), "older checkpoints are untouched");
    }

    /// <summary>
    /// The SSTable bytes that neither TF's reader nor ours reads: the (empty) metaindex block and its handle, and
    /// the footer's padding. Everything else is under a block CRC, a handle or the magic number.
    /// </summary>
    static IEnumerable<int> UnreadIndexBytes(byte[] table)
    {
        int footer = table.Length - 48, position = footer;
        long Varint()
        {
            long value = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = table[position++];
                value |= (long)(b & 0x7f) << shift;
                if (b < 0x80) return value;
            }
        }
        long metaOffset = Varint(), metaSize = Varint();
        int afterMetaHandle = position;
        Varint();
        Varint();
        int padding = position;
        return Enumerable.Range((int)metaOffset, (int)metaSize + 5)                 // block plus its 5-byte trailer
            .Concat(Enumerable.Range(footer, afterMetaHandle - footer))
            .Concat(Enumerable.Range(padding, table.Length - 8 - padding));
    }

    /// <summary>
    /// The state file has no checksum (nor has TF's): a flip can name another kept checkpoint or none, which
    /// loses nothing; a damaged line is a DataLossError naming the file and line.
    /// </summary>
    [TestMethod]
    public void ByteFlips_InStateFile_NeverCrashOrLoseACheckpoint()
    {
        using var model = new SavedModel();
        var path = Path.Combine(model.Dir, "checkpoint");
        var original = File.ReadAllBytes(path);
        var kept = new[] { 1, 2, 3 }.Select(s => Path.Combine(model.Dir, $"model.ckpt-{s}")).ToHashSet();
        var rng = new Random(14);
        var tally = new FaultTally("byte flips in checkpoint state");
        for (int i = 0; i < Flips; i++)
        {
            File.WriteAllBytes(path, FaultTally.FlipOne(original, rng).bytes);
            tally.Run(() =>
            {
                var latest = tf.train.latest_checkpoint(model.Dir);
                if (latest == null) return "no checkpoint named";
                Assert.IsTrue(kept.Contains(latest), $"latest_checkpoint gave {latest}");
                if (latest != model.Latest) return "another kept checkpoint";
                return model.RestoreOutcome(latest);
            });
        }
        tally.Print();
        Assert.AreEqual(Flips, tally.Cases);
        Assert.IsTrue(tally["DataLossError"] > 0 && tally["restored identical"] > 0, "both damaged and harmless flips occur");
        foreach (var prefix in kept) Assert.AreEqual("restored identical", model.RestoreOutcome(prefix), "every kept checkpoint still restores");
    }
}
