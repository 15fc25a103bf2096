using TfRnn;

namespace TfRnn.Tests.Reliability;

/// <summary>What interrupted or misordered use leaves behind: queued events, temp files, a closed session.</summary>
[TestClass]
public class LifecycleFaultTests : TestBase
{
    [TestMethod]
    public void FileWriter_FlushesEveryFlushSecs_WithoutClose()
    {
        var x = tf.placeholder(tf.float32, Shape.scalar());
        var summary = tf.summary.scalar("loss", x);
        using var sess = tf.Session();
        using var writer = tf.summary.FileWriter(TestData.TempDirectory(), max_queue: 1000, flush_secs: 0.2);
        writer.add_summary(sess.run(summary, (x, 2f)), 5);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int count;
        while ((count = tf.train.summary_iterator(writer.FilePath).Count()) < 2 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.AreEqual(2, count, "file_version and the queued summary reach the file while the writer stays open");
    }

    [TestMethod]
    public void Saver_RemovesStaleTempFilesOfItsPrefix_Only()
    {
        var dir = TestData.TempDirectory();
        var v = tf.Variable(1.5f, name: "v");
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var old = DateTime.UtcNow.AddMinutes(-5);
        string Stale(string name)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, new byte[1024]);
            File.SetLastWriteTimeUtc(path, old);
            return path;
        }
        var ours = new[] { Stale("model.ckpt-7.data-00000-of-00001.tempstate1a2b"), Stale("model.ckpt-7.index.tempstate99"), Stale("checkpoint.tempstate5") };
        var others = new[] { Stale("other.ckpt-1.index.tempstate3"), Stale("model.ckpt-7.index") };
        var saver = tf.train.Saver();
        var prefix = saver.save(sess, Path.Combine(dir, "model.ckpt"), global_step: 8);
        foreach (var path in ours) Assert.IsFalse(File.Exists(path), $"{Path.GetFileName(path)} is left over from an interrupted save");
        foreach (var path in others) Assert.IsTrue(File.Exists(path), $"{Path.GetFileName(path)} is not this saver's temp file");
        Assert.AreEqual(0, Directory.GetFiles(dir, "*.tempstate*").Count(f => !others.Contains(f)));
        Assert.AreEqual(prefix, tf.train.latest_checkpoint(dir));
    }

    [TestMethod]
    public void ClosedSession_SaveRestoreAndRun_SayAttemptedToUseAClosedSession()
    {
        var v = tf.Variable(1.5f, name: "v");
        var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var saver = tf.train.Saver();
        var prefix = saver.save(sess, Path.Combine(TestData.TempDirectory(), "m"));
        sess.Dispose();
        Assert.AreEqual("Attempted to use a closed Session.", Assert.ThrowsExactly<RuntimeError>(() => saver.save(sess, prefix)).Message);
        Assert.AreEqual("Attempted to use a closed Session.", Assert.ThrowsExactly<RuntimeError>(() => saver.restore(sess, prefix)).Message);
        Assert.AreEqual("Attempted to use a closed Session.", Assert.ThrowsExactly<RuntimeError>(() => sess.run(v)).Message);
    }
}
