using TfRnn;

namespace TfRnn.Tests.Rnn;

[TestClass]
public class RnnSmokeTests : TestBase
{
    [TestMethod]
    public void DynamicRnn_Lstm_FusedAndLoopAgree()
    {
        var results = new List<float[]>();
        foreach (bool disable in new[] { false, true })
        {
            tf.reset_default_graph();
            tf.set_random_seed(3);
            RnnSequence.DisableFusion = disable;
            try
            {
                var x = tf.constant(RandomArray(1, 2, 4, 3));
                var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(5), tf.nn.rnn_cell.BasicLSTMCell(5) });
                using var init = tf.variable_scope("net", initializer: tf.random_uniform_initializer(-0.5, 0.5, seed: 9));
                var (outputs, state) = tf.nn.dynamic_rnn(cell, x, sequence_length: new[] { 4, 2 }, dtype: tf.float32);
                using var sess = tf.Session();
                sess.run(tf.global_variables_initializer());
                results.Add(sess.run(outputs).ToArray<float>().Concat(sess.run(state[1].h).ToArray<float>()).ToArray());
                Assert.AreEqual("net/rnn/multi_rnn_cell/cell_1/basic_lstm_cell/kernel:0", tf.trainable_variables()[2].name);
            }
            finally { RnnSequence.DisableFusion = false; }
        }
        AssertClose(results[0].Select(v => (double)v).ToArray(), results[1].Select(v => (double)v).ToArray(), 1e-5, 1e-6);
    }
}
