using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>Collection expressions as constant values, variable initial values and assigned values.</summary>
[TestClass]
public class TensorLikeVariableTests : TestBase
{
    [TestMethod]
    public void Constant_TakesACollectionExpression()
    {
        var c = tf.constant([1f, 2f, 3f]);
        Assert.AreEqual(tf.float32, c.dtype);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, Run(c).ToArray<float>());
        var filled = tf.constant(5, tf.int32, shape: [2, 2]);
        CollectionAssert.AreEqual(new[] { 5, 5, 5, 5 }, Run(filled).ToArray<int>());
        Assert.ThrowsExactly<TypeError>(() => tf.constant(c));
    }

    [TestMethod]
    public void Variable_AndAssigns_TakeCollectionExpressions()
    {
        var v = tf.Variable([1f, 2f]);
        var built = tf.Variable(() => tf.zeros([2]));                     // a lambda needs no cast
        var set = tf.assign(v, [5f, 6f]);
        var added = tf.assign_add(v, [1f, 1f]);
        var subtracted = v.assign_sub([0.5f, 0.5f]);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, sess.run(v).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 0f, 0f }, sess.run(built).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 5f, 6f }, sess.run(set).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 6f, 7f }, sess.run(added).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 5.5f, 6.5f }, sess.run(subtracted).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 3f, 4f }, sess.run(v.assign([3f, 4f])).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 4f, 5f }, sess.run(v.assign_add([1f, 1f])).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 2f, 3f }, sess.run(tf.assign_sub(v, [2f, 2f])).ToArray<float>());
    }
}
