using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>tf.* parameters that take "a tensor or anything convertible" (TF's convert_to_tensor) and collection expressions.</summary>
[TestClass]
public class TensorLikeTests : TestBase
{
    [TestMethod]
    public void Reshape_TakesACollectionExpression()
    {
        const int nInput = 4;
        var x = tf.placeholder(tf.float32, new Shape(-1, 2, nInput));
        var flat = tf.reshape(x, [-1, nInput]);
        Assert.AreEqual("(?, 4)", flat.shape.ToString());
        using var sess = tf.Session();
        var result = sess.run(flat, (x, RandomArray(1, 3, 2, nInput)));
        AssertShape(new long[] { 6, 4 }, result);
    }

    [TestMethod]
    public void Shape_IsACollectionExpression()
    {
        Shape shape = [-1, 28, 28];
        Assert.AreEqual(new Shape(-1, 28, 28), shape);
        CollectionAssert.AreEqual(new long[] { -1, 28, 28 }, shape.ToArray());
        var zeros = tf.zeros([2, 3]);
        Assert.AreEqual("(2, 3)", zeros.shape.ToString());
    }

    [TestMethod]
    public void MathOps_TakeTensorsVariablesArraysScalarsAndLists()
    {
        var v = tf.Variable(new[] { 1f, 2f });
        var sum = tf.add(v, new[] { 10f, 20f });           // variable + C# array
        var scaled = tf.multiply(sum, 0.5);                 // C# double takes the tensor's float32
        var listed = tf.add(scaled, [1f, 1f]);              // collection expression
        var stacked = tf.reduce_sum(tf.stack([tf.constant(1f), tf.constant(2f)]));
        var packed = tf.add([tf.constant(3f), tf.constant(4f)], np.array(new[] { 1f, 1f }));   // TF's auto-packing
        Assert.AreEqual(tf.float32, scaled.dtype);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(new[] { 6.5f, 12f }, sess.run(listed).ToArray<float>());
        Assert.AreEqual(3f, (float)sess.run(stacked));
        CollectionAssert.AreEqual(new[] { 4f, 5f }, sess.run(packed).ToArray<float>());
    }

    [TestMethod]
    public void ClippingAndStopGradient_TakeLists()
    {
        var clipped = tf.clip_by_value([1f, 5f, -3f], 0f, 2f);   // TF: [1. 2. 0.]
        var norm = tf.clip_by_norm([3f, 4f], 1f);                  // TF: [0.6 0.8]
        var held = tf.stop_gradient([2f]);
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new[] { 1f, 2f, 0f }, sess.run(clipped).ToArray<float>());
        AssertClose(new[] { 0.6, 0.8 }, sess.run(norm), 1e-6, 1e-7);
        CollectionAssert.AreEqual(new[] { 2f }, sess.run(held).ToArray<float>());
    }

    [TestMethod]
    public void Conversion_KeepsTfErrors()
    {
        var x = tf.constant(new[] { 1f, 2f });
        var error = Assert.ThrowsExactly<TypeError>(() => tf.add(x, tf.constant(new long[] { 1, 2 })));
        StringAssert.Contains(error.Message, "int64");
        Assert.ThrowsExactly<ValueError>(() => tf.reshape(x, default(TensorLike)));
    }
}
