using TfRnn;

namespace TfRnn.Tests.Training;

[TestClass]
public class TrainingRecipeTests : TestBase
{
    /// <summary>A seeded two-layer MLP learns XOR-like labels of 2-D points: loss below 0.1 within 300 Adam steps.</summary>
    [TestMethod]
    public void Mlp_OnSyntheticTask_LossFallsBelowBound()
    {
        tf.set_random_seed(1234);
        var rng = new Random(7);
        var points = new float[256, 2];
        var labels = new int[256];
        for (int i = 0; i < 256; i++)
        {
            points[i, 0] = (float)(rng.NextDouble() * 2 - 1);
            points[i, 1] = (float)(rng.NextDouble() * 2 - 1);
            labels[i] = points[i, 0] * points[i, 1] > 0 ? 1 : 0;
        }
        var x = tf.placeholder(tf.float32, new Shape(-1, 2));
        var y = tf.placeholder(tf.int32, new Shape(-1));
        var w1 = tf.get_variable("w1", new Shape(2, 32));
        var b1 = tf.get_variable("b1", new Shape(32), initializer: tf.zeros_initializer());
        var w2 = tf.get_variable("w2", new Shape(32, 2));
        var b2 = tf.get_variable("b2", new Shape(2), initializer: tf.zeros_initializer());
        var logits = tf.nn.xw_plus_b(tf.nn.relu(tf.nn.xw_plus_b(x, w1, b1)), w2, b2);
        var loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits));
        var train = tf.train.AdamOptimizer(0.05).minimize(loss);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        float first = (float)sess.run(loss, (x, points), (y, labels));
        float last = first;
        for (int step = 0; step < 300; step++)
            (_, last) = ((object?)sess.run(train, (x, points), (y, labels)), (float)sess.run(loss, (x, points), (y, labels)));
        Assert.IsTrue(first > 0.5, $"starts near chance (ln 2): {first}");
        Assert.IsTrue(last < 0.1, $"loss after 300 steps: {last}");
    }

    /// <summary>The slides' recipe: compute_gradients → clip_by_norm each → apply_gradients(…, global_step).</summary>
    [TestMethod]
    public void SlideRecipe_ComputeClipApply()
    {
        var w = tf.Variable(new float[] { 3, 4 }, name: "w");
        var loss = tf.reduce_sum(tf.square(w)) * 10.0;   // gradient 20·w, norm 100
        var globalStep = tf.train.get_or_create_global_step();
        var optimizer = tf.train.GradientDescentOptimizer(0.1);
        var grads = optimizer.compute_gradients(loss);
        var clipped = grads.Select(gv => ((Tensor?)tf.clip_by_norm(gv.gradient!, 5.0), gv.variable)).ToList();
        var train = optimizer.apply_gradients(clipped, global_step: globalStep);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(train);
        // Clipped gradient = 5·(3,4)/5 = (3,4); w −= 0.1·(3,4).
        AssertClose(new[] { 2.7, 3.6 }, sess.run(w), 1e-6, 1e-6);
        Assert.AreEqual(1L, tf.train.global_step(sess, globalStep));
        Assert.AreEqual("global_step:0", globalStep.name);
        Assert.AreEqual(tf.int64, globalStep.dtype);
    }

    /// <summary>The char-rnn slides' recipe: clip_by_global_norm(tf.gradients(cost, tvars)) then Adam.apply_gradients(zip(grads, tvars)).</summary>
    [TestMethod]
    public void SlideRecipe_GlobalNormThenAdam()
    {
        var a = tf.Variable(new float[] { 3, 0 }, name: "a");
        var b = tf.Variable(new float[] { 0, 4 }, name: "b");
        var cost = (tf.reduce_sum(tf.square(a)) + tf.reduce_sum(tf.square(b))) * 0.5;   // gradients a and b, global norm 5
        var tvars = tf.trainable_variables();
        var (grads, norm) = tf.clip_by_global_norm(tf.gradients(cost, tvars), 1.0);
        var train = tf.train.AdamOptimizer(0.01).apply_gradients(grads.Zip(tvars));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(5.0, sess.run(norm));
        AssertClose(new[] { 0.6, 0.0 }, sess.run(grads[0]!));
        sess.run(train);
        // Adam's first step moves each coordinate with a nonzero gradient by the learning rate.
        AssertClose(new[] { 2.99, 0.0 }, sess.run(a), 1e-5, 1e-6);
        AssertClose(new[] { 0.0, 3.99 }, sess.run(b), 1e-5, 1e-6);
    }

    [TestMethod]
    public void ExponentialDecay_SmoothAndStaircase()
    {
        var step = tf.Variable(0, trainable: false, dtype: tf.int64);
        var smooth = tf.train.exponential_decay(0.1, step, 10, 0.5);
        var stairs = tf.train.exponential_decay(0.1, step, 10, 0.5, staircase: true);
        var setStep = tf.placeholder(tf.int64, Shape.scalar());
        var assign = tf.assign(step, setStep);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(assign, (setStep, 15L));
        AssertClose(0.1 * Math.Pow(0.5, 1.5), sess.run(smooth), 1e-6, 1e-7);
        AssertClose(0.05, sess.run(stairs), 1e-6, 1e-7);
    }

    [TestMethod]
    public void Minimize_WithNoGradient_Explains()
    {
        var w = tf.Variable(1.0f);
        var unrelated = tf.constant(2.0f) * 3.0;
        var error = Assert.ThrowsExactly<ValueError>(() => tf.train.AdamOptimizer().minimize(unrelated));
        StringAssert.Contains(error.Message, "No gradients provided for any variable");
    }
}
