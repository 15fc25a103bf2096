using TfRnn;

namespace TfRnn.Tests.Core;

[TestClass]
public class VariableTests : TestBase
{
    [TestMethod]
    public void AssignOps_SetAddAndSubtract()
    {
        var v = tf.Variable(new float[] { 1, 2 }, name: "v");
        var set = tf.assign(v, new float[] { 10, 20 });
        var add = tf.assign_add(v, new float[] { 1, 1 });
        var sub = v.assign_sub(new float[] { 5, 5 });
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(new float[] { 10, 20 }, sess.run(set).ToArray<float>());
        CollectionAssert.AreEqual(new float[] { 11, 21 }, sess.run(add).ToArray<float>());
        CollectionAssert.AreEqual(new float[] { 6, 16 }, sess.run(sub).ToArray<float>());
        CollectionAssert.AreEqual(new float[] { 6, 16 }, sess.run(v).ToArray<float>());
        Assert.ThrowsExactly<ValueError>(() => tf.assign(v, new float[] { 1, 2, 3 }));
    }

    [TestMethod]
    public void Load_AndInitializerRerun()
    {
        var v = tf.Variable(tf.constant(new float[] { 1, 2, 3 }), name: "w");
        using var sess = tf.Session();
        sess.run(v.initializer);
        v.load(new float[] { 7, 8, 9 }, sess);
        CollectionAssert.AreEqual(new float[] { 7, 8, 9 }, sess.run(v).ToArray<float>());
        sess.run(v.initializer);
        CollectionAssert.AreEqual(new float[] { 1, 2, 3 }, sess.run(v).ToArray<float>());
    }

    [TestMethod]
    public void Variables_AreIndependentPerSession()
    {
        var v = tf.Variable(1.0f);
        var inc = v.assign_add(1.0f);
        using var a = tf.Session();
        using var b = tf.Session();
        a.run(tf.global_variables_initializer());
        b.run(tf.global_variables_initializer());
        a.run(inc);
        a.run(inc);
        Assert.AreEqual(3.0f, (float)a.run(v));
        Assert.AreEqual(1.0f, (float)b.run(v));
    }

    [TestMethod]
    public void VariableNames_FollowTensorFlow()
    {
        var a = tf.Variable(0.0f);
        var b = tf.Variable(0.0f);
        Variable inScope;
        using (tf.name_scope("layer")) inScope = tf.Variable(tf.zeros(new Shape(3)), name: "bias");
        Assert.AreEqual("Variable:0", a.name);
        Assert.AreEqual("Variable_1:0", b.name);
        Assert.AreEqual("layer/bias:0", inScope.name);
        Assert.AreEqual("Variable/initial_value", a.initial_value.op.name);
        Assert.AreEqual(new Shape(3), inScope.shape);
        Assert.AreEqual("VariableV2", inScope.op.type);
    }

    [TestMethod]
    public void VariableUsedLikeATensor_InOpsAndOperators()
    {
        var w = tf.Variable(new float[,] { { 2 } });
        var x = tf.constant(new float[,] { { 3 } });
        var y = tf.matmul(x, w) + w * 1.0 - 1.0;
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        Assert.AreEqual(7.0f, sess.run(y).ToArray<float>()[0]);
    }

    [TestMethod]
    public void Group_RunsAllInputs()
    {
        var a = tf.Variable(0.0f);
        var b = tf.Variable(0.0f);
        var both = tf.group(a.assign_add(1.0f), b.assign_add(2.0f));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        sess.run(both);
        Assert.AreEqual(1.0f, (float)sess.run(a));
        Assert.AreEqual(2.0f, (float)sess.run(b));
    }
}
