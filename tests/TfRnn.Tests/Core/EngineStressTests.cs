using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>
/// Training while another thread forces garbage collections: a native scalar that TorchSharp lets the GC
/// finalize during a libtorch call (dotnet/TorchSharp#1434) used to corrupt runs within a few dozen steps.
/// </summary>
[TestClass]
public class EngineStressTests : TestBase
{
    [TestMethod]
    [TestCategory("Slow")]
    public void Training_UnderConstantGarbageCollection_StaysCorrect()
    {
        tf.set_random_seed(1);
        var x = tf.placeholder(tf.float32, new Shape(16, 12, 8));
        var y = tf.placeholder(tf.int32, new Shape(16));
        var (outputs, _) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicLSTMCell(32), x, sequence_length: Enumerable.Repeat(10, 16).ToArray(), dtype: tf.float32);
        var logits = tf.nn.xw_plus_b(outputs[":", -3], tf.get_variable("w", new Shape(32, 4)), tf.get_variable("b", new Shape(4)));
        var loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits));
        var train = tf.train.AdamOptimizer(0.01).minimize(loss);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var inputs = RandomArray(3, 16, 12, 8);
        var labels = np.array(Enumerable.Range(0, 16).Select(i => i % 4).ToArray());
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested) { GC.Collect(); GC.WaitForPendingFinalizers(); Thread.Sleep(1); }
        }) { IsBackground = true };
        collector.Start();
        try
        {
            float first = (float)sess.run(loss, (x, inputs), (y, labels));
            for (int step = 0; step < 150; step++) sess.run(train, (x, inputs), (y, labels));
            float last = (float)sess.run(loss, (x, inputs), (y, labels));
            Assert.IsTrue(last < first * 0.5, $"memorizes 16 examples: {first} → {last}");
        }
        finally { stop.Cancel(); collector.Join(); }
    }
}
