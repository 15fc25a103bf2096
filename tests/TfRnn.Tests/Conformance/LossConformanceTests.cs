using TfRnn;

namespace TfRnn.Tests.Conformance;

/// <summary>TensorFlow's seq2seq_test, xent_op_test and sparse_xent_op_test expectations (TFX-24 … TFX-27).</summary>
[TestClass]
public class LossConformanceTests : TestBase
{
    static (Tensor[] logits, Tensor[] targets, Tensor[] weights) UniformSteps()
    {
        var logits = Enumerable.Range(0, 3).Select(i => tf.constant(i + 0.5f, shape: new Shape(2, 5))).ToArray();
        var targets = Enumerable.Range(0, 3).Select(i => tf.constant(i, tf.int32, new Shape(2))).ToArray();
        var weights = Enumerable.Range(0, 3).Select(_ => tf.constant(1.0f, shape: new Shape(2))).ToArray();
        return (logits, targets, weights);
    }

    /// <summary>TFX-24: legacy sequence_loss with each averaging choice.</summary>
    [TestMethod]
    public void TFX24_SequenceLoss()
    {
        var (logits, targets, weights) = UniformSteps();
        var both = tf.contrib.legacy_seq2seq.sequence_loss(logits, targets, weights);
        var batchOnly = tf.contrib.legacy_seq2seq.sequence_loss(logits, targets, weights, average_across_timesteps: false);
        var neither = tf.contrib.legacy_seq2seq.sequence_loss(logits, targets, weights, false, false);
        using var sess = tf.Session();
        AssertClose(1.60944, sess.run(both), 1e-6, 1e-5);
        AssertClose(4.828314, sess.run(batchOnly));
        AssertClose(9.656628, sess.run(neither));
    }

    /// <summary>TFX-25: legacy sequence_loss_by_example, shape [batch].</summary>
    [TestMethod]
    public void TFX25_SequenceLossByExample()
    {
        var (logits, targets, weights) = UniformSteps();
        var averaged = tf.contrib.legacy_seq2seq.sequence_loss_by_example(logits, targets, weights);
        var summed = tf.contrib.legacy_seq2seq.sequence_loss_by_example(logits, targets, weights, average_across_timesteps: false);
        using var sess = tf.Session();
        AssertClose(new[] { 1.609438, 1.609438 }, sess.run(averaged));
        AssertClose(new[] { 4.828314, 4.828314 }, sess.run(summed));
        AssertShape(new long[] { 2 }, sess.run(summed));
    }

    [TestMethod]
    public void TFX25_CustomSoftmaxLossFunction_IsUsed()
    {
        var (logits, targets, weights) = UniformSteps();
        var loss = tf.contrib.legacy_seq2seq.sequence_loss_by_example(logits, targets, weights,
            softmax_loss_function: (labels, logit) => tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logit) * 2.0);
        using var sess = tf.Session();
        AssertClose(new[] { 2 * 1.609438, 2 * 1.609438 }, sess.run(loss));
    }

    /// <summary>TFX-26: softmax cross-entropy values and TF's backprop (probs − labels).</summary>
    [TestMethod]
    public void TFX26_SoftmaxCrossEntropy_ValuesAndBackprop()
    {
        var logits = tf.constant(new float[,] { { 1, 1, 1, 1 }, { 1, 2, 3, 4 } });
        var labels = tf.constant(new float[,] { { 0, 0, 0, 1 }, { 0, .5f, .5f, 0 } });
        var loss = tf.nn.softmax_cross_entropy_with_logits(labels: labels, logits: logits);
        var backprop = tf.gradients(loss, logits)[0]!;
        using var sess = tf.Session();
        AssertClose(new[] { 1.3862944, 1.9401897 }, sess.run(loss), 1e-3, 1e-3);
        AssertClose(new[] { 0.25, 0.25, 0.25, -0.75, 0.0320586, -0.4128557, -0.2631172, 0.6439143 }, sess.run(backprop), 1e-3, 1e-3);
    }

    [TestMethod]
    public void TFX26_SingleClass_LossZeroBackpropOneMinusLabel()
    {
        var logits = tf.constant(new float[,] { { 1 }, { -1 }, { 0 } });
        var labels = tf.constant(new float[,] { { -1 }, { 0 }, { 1 } });
        var loss = tf.nn.softmax_cross_entropy_with_logits(labels, logits);
        using var sess = tf.Session();
        AssertClose(new double[] { 0, 0, 0 }, sess.run(loss));
        AssertClose(new double[] { 2, 1, 0 }, sess.run(tf.gradients(loss, logits)[0]!));
    }

    [TestMethod]
    public void TFX26_BroadcastZeroRowsAndLabelGradients()
    {
        var broadcast = tf.nn.softmax_cross_entropy_with_logits(tf.constant(new float[,] { { 0, 0, 0, 1 }, { 0, 0, 1, 0 } }),
            tf.constant(new float[,] { { 1, 2, 3, 4 } }));
        var empty = tf.nn.softmax_cross_entropy_with_logits(tf.zeros(new Shape(0, 2, 4)), tf.zeros(new Shape(0, 2, 4)));
        var logits = tf.constant(new float[,] { { 1, 2, 3, 4 } });
        var labels = tf.constant(new float[,] { { 0, 0, 0.5f, 0.5f } });
        var v1 = tf.nn.softmax_cross_entropy_with_logits(labels, logits);
        var v2 = tf.nn.softmax_cross_entropy_with_logits_v2(labels, logits);
        Assert.ThrowsExactly<ValueError>(() => tf.nn.softmax_cross_entropy_with_logits(tf.zeros(new Shape(2, 3)), tf.zeros(new Shape(2, 4))));
        using var sess = tf.Session();
        AssertShape(new long[] { 2 }, sess.run(broadcast));
        AssertClose(new[] { 0.4401897, 1.4401897 }, sess.run(broadcast), 1e-5, 1e-5);
        AssertShape(new long[] { 0, 2 }, sess.run(empty));
        Assert.IsNull(tf.gradients(v1, labels)[0], "v1 stops gradients into labels");
        // d/dlabels = −log softmax(logits)
        var logSoftmax = new[] { 1.0, 2, 3, 4 }.Select(z => z - Math.Log(new[] { 1.0, 2, 3, 4 }.Sum(Math.Exp))).ToArray();
        AssertClose(logSoftmax.Select(v => -v).ToArray(), sess.run(tf.gradients(v2, labels)[0]!), 1e-5, 1e-5);
    }

    /// <summary>TFX-27: sparse softmax cross-entropy values, backprop and label checks.</summary>
    [TestMethod]
    public void TFX27_SparseSoftmaxCrossEntropy()
    {
        var logits = tf.constant(new float[,] { { 1, 1, 1, 1 }, { 1, 2, 3, 4 } });
        foreach (var labels in new[] { tf.constant(new[] { 3, 0 }), tf.constant(new long[] { 3, 0 }) })
        {
            var loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits);
            using var sess = tf.Session();
            AssertClose(new[] { 1.3862, 3.4420 }, sess.run(loss), 1e-3, 1e-3);
            AssertClose(new[] { 0.25, 0.25, 0.25, -0.75, -0.968, 0.087, 0.237, 0.6439 }, sess.run(tf.gradients(loss, logits)[0]!), 1e-3, 1e-3);
        }
    }

    [TestMethod]
    public void TFX27_SingleClassScalarVectorAndHighRank()
    {
        var single = tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(new[] { 0, 0, 0 }), tf.constant(new float[,] { { 1 }, { -1 }, { 0 } }));
        var vector = tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(0), tf.constant(new float[] { 1.0f }));
        var high = tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(new[,] { { 3, 2 }, { 0, 3 } }),
            tf.constant(new float[,,] { { { 1, 1, 1, 1 }, { 2, 2, 2, 2 } }, { { 1, 2, 3, 4 }, { 5, 6, 7, 8 } } }));
        using var sess = tf.Session();
        AssertClose(new double[] { 0, 0, 0 }, sess.run(single));
        AssertClose(new double[] { 0, 0, 0 }, sess.run(tf.gradients(single, single.op.inputs[0])[0]!));
        AssertClose(0.0, sess.run(vector));
        AssertShape(new long[] { 2, 2 }, sess.run(high));
        AssertClose(new[] { 1.3862944, 1.3862944, 3.4401897, 0.4401897 }, sess.run(high), 1e-5, 1e-5);
    }

    [TestMethod]
    public void TFX27_BadLabels_AreNamed()
    {
        var logits = tf.constant(new float[,] { { 1, 1, 1, 1 }, { 1, 2, 3, 4 }, { 2, 2, 2, 2 }, { 0, 0, 0, 0 } });
        var bad = tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(new[] { 4, 3, 0, -1 }), logits);
        using var sess = tf.Session();
        StringAssert.Contains(Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(bad)).Message, "Received a label value of");
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(new[,] { { 0, 2 } }), tf.zeros(new Shape(3, 2)))).Message, "Rank mismatch");
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() =>
            tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(0), tf.constant(1.0f))).Message, "Logits cannot be scalars");
        var labels = tf.placeholder(tf.int32);
        var fed = tf.nn.sparse_softmax_cross_entropy_with_logits(labels, tf.constant(new float[,] { { 7 } }));
        StringAssert.Contains(Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(fed, (labels, 0))).Message, "labels must be 1-D");
    }
}
