using TfRnn;

namespace TfRnn.Tests.Conformance;

/// <summary>TensorFlow's gradients_test expectations (TFX-32).</summary>
[TestClass]
public class GradientsConformanceTests : TestBase
{
    static double Value(Tensor? t)
    {
        Assert.IsNotNull(t);
        using var sess = tf.Session();
        return sess.run(t).item<double>();
    }

    [TestMethod]
    public void TFX32_ChainAndIntermediate()
    {
        var x = tf.constant(1.0f);
        var y = x * 2.0;
        var z = y * 3.0;
        var grads = tf.gradients(z, new[] { x, y });
        Assert.AreEqual(6.0, Value(grads[0]));
        Assert.AreEqual(3.0, Value(grads[1]));
    }

    [TestMethod]
    public void TFX32_RepeatedSum_ForEveryAggregationMethod()
    {
        foreach (var method in new[] { null, tf.AggregationMethod.ADD_N, tf.AggregationMethod.EXPERIMENTAL_TREE, tf.AggregationMethod.EXPERIMENTAL_ACCUMULATE_N })
        {
            tf.reset_default_graph();
            var x = tf.constant(1.0f);
            var y = x * 2.0;
            var z = tf.add_n(Enumerable.Repeat(y, 10));
            var grads = tf.gradients(z, new[] { x, y }, aggregation_method: method);
            Assert.AreEqual(20.0, Value(grads[0]));
            Assert.AreEqual(10.0, Value(grads[1]));
        }
        Assert.ThrowsExactly<ValueError>(() => tf.gradients(tf.constant(1.0f), tf.constant(1.0f), aggregation_method: "bogus"));
    }

    [TestMethod]
    public void TFX32_DependentYs_AreSummed()
    {
        var x = tf.constant(3.0);
        var y = tf.square(x);
        var y1 = tf.square(y);
        var y2 = tf.square(y1);
        Assert.AreEqual(17502.0, Value(tf.gradients(new[] { y, y2 }, x)[0]));
        Assert.AreEqual(17502.0, Value(tf.gradients(y + y2, x)[0]));
        Assert.AreEqual(17502.0, Value(tf.gradients(tf.identity(tf.identity(y) + tf.identity(y2)), x)[0]));
    }

    [TestMethod]
    public void TFX32_PartialDerivatives_WithStopGradients()
    {
        var x = tf.constant(1.0f);
        var y = x * 2.0;
        var z = x + y;
        var total = tf.gradients(z, new[] { x, y });
        Assert.AreEqual(3.0, Value(total[0]));
        Assert.AreEqual(1.0, Value(total[1]));
        var partial = tf.gradients(z, new[] { x, y }, stop_gradients: new[] { x, y });
        Assert.AreEqual(1.0, Value(partial[0]));
        Assert.AreEqual(1.0, Value(partial[1]));
    }

    [TestMethod]
    public void TFX32_UnconnectedGradients_NoneOrZero()
    {
        var x = tf.constant(new float[,] { { 1, 2 }, { 3, 4 } });
        var y = tf.constant(3.0f);
        Assert.IsNull(tf.gradients(y, x)[0]);
        var zero = tf.gradients(y, x, unconnected_gradients: "zero")[0]!;
        using (var sess = tf.Session()) CollectionAssert.AreEqual(new float[] { 0, 0, 0, 0 }, sess.run(zero).ToArray<float>());
        var a = tf.constant(2.0f);
        Assert.AreEqual(3.0, Value(tf.gradients(a * 3.0, a, unconnected_gradients: "zero")[0]));
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => tf.gradients(y, x, unconnected_gradients: "nonsense")).Message,
            "Unknown value for unconnected_gradients: 'nonsense'");
    }

    [TestMethod]
    public void TFX32_StopGradient_GivesNone()
    {
        var input = tf.constant(new float[] { 1, 2 });
        Assert.IsNull(tf.gradients(tf.stop_gradient(input), input)[0]);
        var through = tf.stop_gradient(input) * input;
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new float[] { 1, 2 }, sess.run(tf.gradients(through, input)[0]!).ToArray<float>());
    }

    /// <summary>
    /// TFX-32's dense layer case. TF asserts that dh/dw is a MatMul node with transpose_a; here every
    /// gradient is an output of one autograd op, so the value (inᵀ·1) is what is checked.
    /// </summary>
    [TestMethod]
    public void TFX32_DenseLayerGradient_IsInputTransposeTimesOnes()
    {
        var rng = new Random(5);
        var input = new float[32, 100];
        for (int i = 0; i < 32; i++) for (int j = 0; j < 100; j++) input[i, j] = (float)rng.NextDouble();
        var inp = tf.constant(input);
        var w = tf.constant(new float[100, 10]);
        var b = tf.constant(new float[10]);
        var h = tf.nn.bias_add(tf.matmul(inp, w), b);
        var dw = tf.gradients(h, w)[0]!;
        using var sess = tf.Session();
        var expected = new double[1000];
        for (int j = 0; j < 100; j++) for (int k = 0; k < 10; k++) expected[j * 10 + k] = Enumerable.Range(0, 32).Sum(i => (double)input[i, j]);
        AssertClose(expected, sess.run(dw), 1e-5, 1e-4);
    }

    [TestMethod]
    public void TFX32_ComputeGradients_OfSumOfVariables()
    {
        var v0 = tf.Variable(1.0f, name: "v0");
        var v1 = tf.Variable(2.0f, name: "v1");
        var grads = tf.train.GradientDescentOptimizer(1.0).compute_gradients(v0 + v1);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        Assert.AreEqual(2, grads.Count);
        foreach (var (g, v) in grads) Assert.AreEqual(1.0f, (float)sess.run(g!));
        Assert.AreSame(v1, grads[1].variable);
    }

    [TestMethod]
    public void Gradients_WithGradYs_PlaceholdersAndNoGradRunsStayFast()
    {
        var x = tf.placeholder(tf.float32, new Shape(3), name: "x");
        var y = x * x;
        var g = tf.gradients(y, x, grad_ys: tf.constant(new float[] { 1, 10, 100 }))[0]!;
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new float[] { 2, 40, 600 }, sess.run(g, (x, new float[] { 1, 2, 3 })).ToArray<float>());
        Assert.ThrowsExactly<ValueError>(() => tf.gradients(g, x));   // no second-order gradients
    }
}
