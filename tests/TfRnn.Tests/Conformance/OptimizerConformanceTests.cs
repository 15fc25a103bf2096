using TfRnn;

namespace TfRnn.Tests.Conformance;

/// <summary>TensorFlow's optimizer test expectations (TFX-33 … TFX-36).</summary>
[TestClass]
public class OptimizerConformanceTests : TestBase
{
    static (Variable var0, Variable var1, Operation update) TwoVariables(Optimizer optimizer)
    {
        var var0 = tf.Variable(new float[] { 1, 2 }, name: "var0");
        var var1 = tf.Variable(new float[] { 3, 4 }, name: "var1");
        var grads0 = tf.constant(new float[] { 0.1f, 0.1f });
        var grads1 = tf.constant(new float[] { 0.01f, 0.01f });
        var update = optimizer.apply_gradients(new[] { ((Tensor?)grads0, var0), (grads1, var1) });
        return (var0, var1, update);
    }

    /// <summary>TFX-33: one gradient-descent step; minimize through matmul and embedding_lookup; sparse rows; global step.</summary>
    [TestMethod]
    public void TFX33_GradientDescent_Basic()
    {
        var optimizer = tf.train.GradientDescentOptimizer(3.0);
        var (var0, var1, update) = TwoVariables(optimizer);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(update);
        AssertClose(new[] { 0.7, 1.7 }, sess.run(var0));
        AssertClose(new[] { 2.97, 3.97 }, sess.run(var1));
        Assert.AreEqual(0, optimizer.variables().Count);
    }

    [TestMethod]
    public void TFX33_GradientDescent_Minimize_DirectAndThroughEmbeddingLookup()
    {
        foreach (bool lookup in new[] { false, true })
        {
            tf.reset_default_graph();
            var var0 = tf.Variable(new float[,] { { 1, 2 } });
            var var1 = tf.Variable(new float[] { 3 });
            var x = tf.constant(new float[,] { { 4 }, { 5 } });
            Tensor row = lookup ? tf.nn.embedding_lookup(new[] { var0 }, tf.constant(new[] { 0 })) : var0;
            var pred = tf.matmul(row, x) + var1;
            var loss = pred * pred;
            var step = tf.train.GradientDescentOptimizer(1.0).minimize(loss);
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            sess.run(step);
            AssertClose(new[] { -135.0, -168.0 }, sess.run(var0));
            AssertClose(new[] { -31.0 }, sess.run(var1));
        }
    }

    [TestMethod]
    public void TFX33_GradientDescent_SparseRowsAndGlobalStep()
    {
        var var0 = tf.Variable(new float[,] { { 1 }, { 2 } });
        var var1 = tf.Variable(new float[,] { { 3 }, { 4 } });
        var grads0 = new IndexedSlices(tf.constant(new float[,] { { 0.1f } }), tf.constant(new[] { 0 }), tf.constant(new[] { 2, 1 }));
        var grads1 = new IndexedSlices(tf.constant(new float[,] { { 0.01f } }), tf.constant(new[] { 1 }), tf.constant(new[] { 2, 1 }));
        var globalStep = tf.Variable(0, trainable: false, name: "global_step");
        var update = tf.train.GradientDescentOptimizer(3.0).apply_gradients(new[] { ((Gradient)grads0, var0), (grads1, var1) }, globalStep);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(update);
        AssertClose(new[] { 0.7, 2.0 }, sess.run(var0));
        AssertClose(new[] { 3.0, 3.97 }, sess.run(var1));
        Assert.AreEqual(1, (int)sess.run(globalStep));
    }

    /// <summary>TFX-34: three Adam steps, the beta accumulators and TF's slot names.</summary>
    [TestMethod]
    public void TFX34_Adam_ThreeSteps()
    {
        var optimizer = tf.train.AdamOptimizer();
        var (var0, var1, update) = TwoVariables(optimizer);
        var expected0 = new[] { 0.9990000032, 1.9990000032, 0.9980000054, 1.9980000054, 0.9970000072, 1.9970000072 };
        var expected1 = new[] { 2.9990000316, 3.9990000316, 2.9980000540, 3.9980000540, 2.9970000723, 3.9970000723 };
        var names = optimizer.variables().Select(v => v.name).ToList();
        CollectionAssert.IsSubsetOf(new[] { "beta1_power:0", "beta2_power:0", "var0/Adam:0", "var0/Adam_1:0", "var1/Adam:0", "var1/Adam_1:0" }, names);
        Assert.AreEqual("var0/Adam:0", optimizer.get_slot(var0, "m")!.name);
        Assert.AreEqual("var0/Adam_1:0", optimizer.get_slot(var0, "v")!.name);
        var beta1Power = optimizer.variables().Single(v => v.name == "beta1_power:0");
        var beta2Power = optimizer.variables().Single(v => v.name == "beta2_power:0");
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        for (int t = 1; t <= 3; t++)
        {
            sess.run(update);
            AssertClose(expected0[(2 * t - 2)..(2 * t)], sess.run(var0));
            AssertClose(expected1[(2 * t - 2)..(2 * t)], sess.run(var1));
            AssertClose(Math.Pow(0.9, t + 1), sess.run(beta1Power));
            AssertClose(Math.Pow(0.999, t + 1), sess.run(beta2Power));
        }
    }

    [TestMethod]
    public void TFX34_Adam_TensorLearningRate()
    {
        var (var0, _, update) = TwoVariables(tf.train.AdamOptimizer(tf.constant(0.001f)));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(update);
        AssertClose(new[] { 0.9990000032, 1.9990000032 }, sess.run(var0));
    }

    /// <summary>TFX-35: three Adagrad steps, slot name and shape, sharing accumulators, sparse minimize.</summary>
    [TestMethod]
    public void TFX35_Adagrad_ThreeSteps()
    {
        var optimizer = tf.train.AdagradOptimizer(3.0, initial_accumulator_value: 0.1);
        var (var0, var1, update) = TwoVariables(optimizer);
        CollectionAssert.AreEqual(new[] { "accumulator" }, optimizer.get_slot_names());
        Assert.AreEqual(var0.shape, optimizer.get_slot(var0, "accumulator")!.shape);
        Assert.AreEqual("var0/Adagrad:0", optimizer.get_slot(var0, "accumulator")!.name);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        for (int t = 0; t < 3; t++) sess.run(update);
        AssertClose(new[] { -1.6026098728179932, -0.6026098728179932 }, sess.run(var0));
        AssertClose(new[] { 2.715679168701172, 3.715679168701172 }, sess.run(var1));
    }

    [TestMethod]
    public void TFX35_Adagrad_SharedAccumulatorsAcrossApplyOps()
    {
        var optimizer = tf.train.AdagradOptimizer(3.0);
        var var0 = tf.Variable(new float[] { 1, 2 }, name: "var0");
        var var1 = tf.Variable(new float[] { 3, 4 }, name: "var1");
        var grads = new[] { ((Tensor?)tf.constant(new float[] { 0.1f, 0.1f }), var0), (tf.constant(new float[] { 0.01f, 0.01f }), var1) };
        var first = optimizer.apply_gradients(grads);
        var second = optimizer.apply_gradients(grads);
        Assert.AreEqual(2, optimizer.variables().Count, "the second apply reuses the accumulators");
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(first);
        sess.run(second);
        sess.run(first);
        AssertClose(new[] { -1.6026098728179932, -0.6026098728179932 }, sess.run(var0));
        AssertClose(new[] { 2.715679168701172, 3.715679168701172 }, sess.run(var1));
    }

    [TestMethod]
    public void TFX35_Adagrad_SparseMinimizeLeavesOtherRows()
    {
        var var0 = tf.Variable(new float[,] { { 1, 2 }, { 3, 4 } });
        var x = tf.constant(new float[,] { { 4 }, { 5 } });
        var pred = tf.matmul(tf.nn.embedding_lookup(new[] { var0 }, tf.constant(new[] { 0 })), x);
        var step = tf.train.AdagradOptimizer(1.0).minimize(pred * pred);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(step);
        AssertClose(new[] { 0.0, 1, 3, 4 }, sess.run(var0), 0, 0.01);
    }

    /// <summary>TFX-36: two RMSProp steps without momentum, ε inside the square root, rms starting at ones.</summary>
    [TestMethod]
    public void TFX36_RMSProp_TwoSteps()
    {
        var optimizer = tf.train.RMSPropOptimizer(2.0, decay: 0.9, momentum: 0.0, epsilon: 1.0);
        var (var0, var1, update) = TwoVariables(optimizer);
        var rms0 = optimizer.get_slot(var0, "rms")!;
        var rms1 = optimizer.get_slot(var1, "rms")!;
        Assert.IsNotNull(optimizer.get_slot(var0, "momentum"));
        Assert.IsNull(optimizer.get_slot(var0, "mg"));
        Assert.AreEqual("var0/RMSProp:0", rms0.name);
        Assert.AreEqual("var0/RMSProp_1:0", optimizer.get_slot(var0, "momentum")!.name);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(new[] { 1.0, 1.0 }, sess.run(rms0));
        sess.run(update);
        AssertClose(new[] { 0.901, 0.901 }, sess.run(rms0));
        AssertClose(new[] { 0.90001, 0.90001 }, sess.run(rms1));
        AssertClose(new[] { 0.8549429, 1.8549429 }, sess.run(var0));
        AssertClose(new[] { 2.9854905, 3.9854905 }, sess.run(var1));
        sess.run(update);
        AssertClose(new[] { 0.8119, 0.8119 }, sess.run(rms0));
        AssertClose(new[] { 0.810019, 0.810019 }, sess.run(rms1));
        AssertClose(new[] { 0.7063621, 1.7063621 }, sess.run(var0));
        AssertClose(new[] { 2.9706247, 3.9706247 }, sess.run(var1));
    }

    [TestMethod]
    public void TFX36_RMSProp_CenteredSlotNames()
    {
        var optimizer = tf.train.RMSPropOptimizer(0.1, centered: true);
        var (var0, _, _) = TwoVariables(optimizer);
        Assert.AreEqual("var0/RMSProp:0", optimizer.get_slot(var0, "rms")!.name);
        Assert.AreEqual("var0/RMSProp_1:0", optimizer.get_slot(var0, "mg")!.name);
        Assert.AreEqual("var0/RMSProp_2:0", optimizer.get_slot(var0, "momentum")!.name);
    }
}
