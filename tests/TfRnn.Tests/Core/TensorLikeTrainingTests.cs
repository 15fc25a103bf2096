using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>Tensor-like learning rates, decay schedules and gradient arguments, including collection expressions.</summary>
[TestClass]
public class TensorLikeTrainingTests : TestBase
{
    [TestMethod]
    public void Optimizers_TakeTensorLikeLearningRates()
    {
        var v = tf.Variable([1f, 2f]);
        var loss = tf.reduce_sum(v * v);                                   // grad 2v = [2, 4]
        var sgd = tf.train.GradientDescentOptimizer(0.5).minimize(loss);  // v - 0.5·2v = 0
        var lr = tf.constant(0.25f);
        var momentum = tf.train.MomentumOptimizer(lr, 0.0).minimize(loss);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(momentum);
        CollectionAssert.AreEqual(new[] { 0.5f, 1f }, sess.run(v).ToArray<float>());
        sess.run(sgd);
        CollectionAssert.AreEqual(new[] { 0f, 0f }, sess.run(v).ToArray<float>());
    }

    [TestMethod]
    public void ExponentialDecay_TakesTensorLikeRateAndStep()
    {
        var decayed = tf.train.exponential_decay(0.1, 20, 10, 0.5);                 // 0.1 · 0.5²
        AssertClose(0.025, Run(decayed), 1e-6, 1e-7);
        var step = tf.Variable(15L, trainable: false);
        var stair = tf.train.exponential_decay(tf.constant(1f), step, 10, 0.5, staircase: true);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(0.5, sess.run(stair), 1e-6, 1e-7);
    }

    [TestMethod]
    public void Gradients_TakeCollectionExpressionsAndLists()
    {
        var a = tf.Variable([1f, 2f]);
        var b = tf.Variable([3f, 4f]);
        var y = tf.reduce_sum(a * b);
        var grads = tf.gradients(y, [a, b]);                                   // d/da = b, d/db = a
        var weighted = tf.gradients([y], [a], grad_ys: [tf.constant(2f)]);    // 2·b
        var listed = tf.gradients(y, tf.trainable_variables());
        var single = tf.gradients(y, b);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(new[] { 3f, 4f }, sess.run(grads[0]!).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, sess.run(grads[1]!).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 6f, 8f }, sess.run(weighted[0]!).ToArray<float>());
        Assert.AreEqual(2, listed.Length);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, sess.run(single[0]!).ToArray<float>());
    }
}
