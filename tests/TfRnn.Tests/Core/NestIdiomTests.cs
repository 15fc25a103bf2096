using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>The Python idioms on RNN states and sessions, in their C# spelling.</summary>
[TestClass]
public class NestIdiomTests : TestBase
{
    /// <summary><c>for c, h in state:</c> over a MultiRNNCell state of two LSTM layers.</summary>
    [TestMethod]
    public void MultiLayerState_EnumeratesLayers_AndDeconstructsToCH()
    {
        var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(3), tf.nn.rnn_cell.BasicLSTMCell(3) });
        var state = cell.zero_state(2, tf.float32);
        var names = new List<string>();
        foreach (var (c, h) in state) names.Add($"{c.shape}/{h.shape}");
        CollectionAssert.AreEqual(new[] { "(2, 3)/(2, 3)", "(2, 3)/(2, 3)" }, names);

        using var sess = tf.Session();
        var values = sess.run(state);
        int layers = 0;
        foreach (var (c, h) in values)
        {
            CollectionAssert.AreEqual(new float[6], c.ToArray<float>());
            CollectionAssert.AreEqual(new float[6], h.ToArray<float>());
            layers++;
        }
        Assert.AreEqual(2, layers);
    }

    [TestMethod]
    public void LstmStateTuple_DeconstructsToCH_InFieldOrder()
    {
        var c0 = tf.constant(new[] { 1f }, name: "c0");
        var h0 = tf.constant(new[] { 2f }, name: "h0");
        var (c, h) = new LSTMStateTuple(c0, h0);
        Assert.AreSame(c0, c);
        Assert.AreSame(h0, h);
        Assert.IsFalse(((Nest<Tensor>)c0).Any());   // a leaf enumerates no items
    }

    [TestMethod]
    public void LeafNest_ConvertsExplicitlyToItsValue()
    {
        var cell = tf.nn.rnn_cell.GRUCell(4);
        var state = cell.zero_state(1, tf.float32);   // GRU: a single tensor
        var tensor = (Tensor)state;
        Assert.AreEqual("(1, 4)", tensor.shape.ToString());
        using var sess = tf.Session();
        var value = (NDArray)sess.run(state);
        CollectionAssert.AreEqual(new float[4], value.ToArray<float>());
        Assert.ThrowsExactly<InvalidOperationException>(() => (Tensor)Nest<Tensor>.Tuple(tensor, tensor));
    }

    /// <summary><c>with tf.Session() as sess: print(t.eval()); op.run()</c>.</summary>
    [TestMethod]
    public void UsingSession_IsDefaultForEvalAndRun_UntilDisposed()
    {
        var v = tf.Variable(3.0f);
        var add = v.assign_add(2.0f);
        using (var sess = tf.Session())
        {
            tf.global_variables_initializer().run();
            add.op.run();
            Assert.AreEqual(5.0f, (float)v.eval());
            Assert.AreSame(sess, tf.get_default_session());
        }
        Assert.IsNull(tf.get_default_session());
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => v.eval()).Message, "No default session is registered");
    }

    [TestMethod]
    public void NestedUsingSessions_InnermostIsDefault()
    {
        var t = tf.constant(7.0f);
        using var outer = tf.Session();
        using (var inner = tf.Session())
            Assert.AreSame(inner, tf.get_default_session());
        Assert.AreSame(outer, tf.get_default_session());
        Assert.AreEqual(7.0f, (float)t.eval());
    }
}
