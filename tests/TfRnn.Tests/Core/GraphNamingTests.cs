using TfRnn;

namespace TfRnn.Tests.Core;

[TestClass]
public class GraphNamingTests : TestBase
{
    [TestMethod]
    public void OpNames_AreMadeUniqueWithSuffixes_CaseInsensitively()
    {
        var a = tf.constant(1.0f, name: "c");
        var b = tf.constant(1.0f, name: "c");
        var c = tf.constant(1.0f, name: "C");
        var d = tf.constant(1.0f, name: "c_1");
        Assert.AreEqual("c:0", a.name);
        Assert.AreEqual("c_1:0", b.name);
        Assert.AreEqual("C_2:0", c.name);
        Assert.AreEqual("c_1_1:0", d.name);
        Assert.AreEqual("Const:0", tf.constant(2).name);
        Assert.AreEqual("Const_1:0", tf.constant(2).name);
    }

    [TestMethod]
    public void NameScopes_NestAndUniquify()
    {
        using (tf.name_scope("layer"))
        {
            Assert.AreEqual("layer/Add:0", tf.add(1.0, 2.0).name);
            using (var inner = tf.name_scope("inner")) Assert.AreEqual("layer/inner/", inner.scope_name);
        }
        using (var again = tf.name_scope("layer"))
        {
            Assert.AreEqual("layer_1/", again.scope_name);
            using (tf.name_scope("layer/"))
                Assert.AreEqual("layer/Add_1:0", tf.add(1.0, 2.0).name, "a scope ending in '/' is re-entered as-is");
            using (tf.name_scope(null)) Assert.AreEqual("x:0", tf.constant(1, name: "x").name, "null resets to the root");
        }
    }

    [TestMethod]
    public void GraphLookups_FindTensorsAndOps_OrExplain()
    {
        var x = tf.placeholder(tf.float32, name: "input");
        var g = tf.get_default_graph();
        Assert.AreSame(x, g.get_tensor_by_name("input:0"));
        Assert.AreSame(x.op, g.get_operation_by_name("input"));
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => g.get_tensor_by_name("input")).Message, "Tensor names must be of the form");
        StringAssert.Contains(Assert.ThrowsExactly<KeyNotFoundException>(() => g.get_tensor_by_name("input:1")).Message, "only has 1 outputs");
    }

    [TestMethod]
    public void AsDefault_NestsAndRestores()
    {
        var outer = tf.get_default_graph();
        var g = tf.Graph();
        using (g.as_default())
        {
            Assert.AreSame(g, tf.get_default_graph());
            var c = tf.constant(1);
            Assert.AreSame(g, c.graph);
            Assert.ThrowsExactly<InvalidOperationException>(() => tf.reset_default_graph());
        }
        Assert.AreSame(outer, tf.get_default_graph());
        tf.reset_default_graph();
        Assert.AreNotSame(outer, tf.get_default_graph());
    }

    [TestMethod]
    public void Collections_AddGetAndScopeFilter()
    {
        var a = tf.constant(1, name: "scope/a");
        var b = tf.constant(2, name: "b");
        tf.add_to_collection("mine", a);
        tf.add_to_collection("mine", b);
        CollectionAssert.AreEqual(new object[] { a, b }, tf.get_collection("mine"));
        CollectionAssert.AreEqual(new object[] { a }, tf.get_collection("mine", "scope"));
        Assert.AreEqual(0, tf.get_collection("missing").Count);
    }

    [TestMethod]
    public void Tensor_ShapeDtypeAndStaticShapeErrors()
    {
        var x = tf.placeholder(tf.float32, new Shape(-1, 3), name: "x");
        Assert.AreEqual("Tensor(\"x:0\", shape=(?, 3), dtype=float32)", x.ToString());
        x.shape = new Shape(4, 3);
        Assert.AreEqual(new Shape(4, 3), x.shape);
        Assert.ThrowsExactly<ValueError>(() => x.shape = new Shape(4, 2));
        var w = tf.placeholder(tf.float32, new Shape(4, 5));
        var error = Assert.ThrowsExactly<ValueError>(() => tf.matmul(x, w));
        Assert.AreEqual("Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [4,3], [4,5].", error.Message);
        var add = Assert.ThrowsExactly<ValueError>(() => tf.add(tf.zeros(new Shape(2, 3)), tf.zeros(new Shape(2, 4))));
        Assert.AreEqual("Dimensions must be equal, but are 3 and 4 for 'Add' (op: 'Add') with input shapes: [2,3], [2,4].", add.Message);
        var types = Assert.ThrowsExactly<TypeError>(() => tf.add(tf.constant(1), tf.constant(1.0f)));
        StringAssert.Contains(types.Message, "does not match type int32");
    }

    [TestMethod]
    public void ControlDependencies_RunFirst()
    {
        var v = tf.Variable(0.0f, name: "counter");
        var increment = v.assign_add(1.0f);
        Tensor read;
        using (tf.control_dependencies(increment))
            read = tf.identity(v);
        using var sess = tf.Session();
        sess.run(v.initializer);
        Assert.AreEqual(1.0f, (float)sess.run(read));
        Assert.AreEqual(2.0f, (float)sess.run(read));
    }

    [TestMethod]
    public void Device_IsRecordedInCanonicalForm()
    {
        using (tf.device("/cpu:0"))
            Assert.AreEqual("/device:CPU:0", tf.constant(1).device);
        Assert.AreEqual("", tf.constant(1).device);
    }
}
