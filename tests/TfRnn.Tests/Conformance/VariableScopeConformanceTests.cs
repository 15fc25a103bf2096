using TfRnn;

namespace TfRnn.Tests.Conformance;

/// <summary>TensorFlow's variable_scope_test expectations (TF_CASES.md TFX-11 … TFX-15).</summary>
[TestClass]
public class VariableScopeConformanceTests : TestBase
{
    /// <summary>TFX-11: get_variable names and reuse errors.</summary>
    [TestMethod]
    public void TFX11_GetVariable_NamesAndReuseErrors()
    {
        using (tf.variable_scope("root"))
        {
            VariableScope towerA;
            Variable va;
            using (towerA = tf.variable_scope("towerA"))
                va = tf.get_variable("v", new Shape(1));
            Assert.AreEqual("root/towerA/v:0", va.name);

            using (tf.variable_scope(towerA, reuse: true))
                Assert.AreSame(va, tf.get_variable("v", new Shape(1)));

            using (tf.variable_scope("towerB"))
                Assert.AreEqual("root/towerB/v:0", tf.get_variable("v", new Shape(1)).name);

            using (tf.variable_scope("towerA"))
                Assert.ThrowsExactly<ValueError>(() => tf.get_variable("v", new Shape(1)));

            using (tf.variable_scope("towerA", reuse: true))
                Assert.AreSame(va, tf.get_variable("v", new Shape(1)));

            using (tf.variable_scope("foo"))
            using (tf.variable_scope("bar"))
            {
                Assert.AreEqual("root/foo/bar/v:0", tf.get_variable("v", new Shape(1)).name);
                using (tf.variable_scope(towerA, reuse: true))
                    Assert.AreSame(va, tf.get_variable("v", new Shape(1)));
            }

            using (tf.variable_scope(towerA, reuse: true))
            using (tf.variable_scope("baz"))
                Assert.ThrowsExactly<ValueError>(() => tf.get_variable("v", new Shape(1)));

            using (tf.variable_scope(towerA, reuse: true))
            {
                var shapeError = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("v", new Shape(2)));
                StringAssert.Contains(shapeError.Message, "shape");
                var dtypeError = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("v", new Shape(1), dtype: tf.int32));
                StringAssert.Contains(dtypeError.Message, "dtype");
            }
        }
    }

    /// <summary>TFX-12: name scopes do not prefix variables; default names are made unique.</summary>
    [TestMethod]
    public void TFX12_DefaultNameUniquification()
    {
        using (tf.name_scope("testVarOpScope1"))
        {
            using (tf.variable_scope("tower", "default"))
            {
                Assert.AreEqual("tower/w:0", tf.get_variable("w", new Shape()).name);
                using (var inner = tf.name_scope("testVarOpScope2"))
                    Assert.AreEqual("testVarOpScope1/tower/testVarOpScope2/", inner.scope_name);
            }
            using (tf.variable_scope("tower", "default"))
            {
                Assert.ThrowsExactly<ValueError>(() => tf.get_variable("w", new Shape()));
                using (var inner = tf.name_scope("testVarOpScope2"))
                    Assert.AreEqual("testVarOpScope1/tower_1/testVarOpScope2/", inner.scope_name);
            }
        }
        using (tf.name_scope("testVarOpScope2"))
        {
            using (tf.variable_scope(null, "default"))
            {
                Assert.AreEqual("default/w:0", tf.get_variable("w", new Shape()).name);
                using (var inner = tf.name_scope("testVarOpScope2"))
                    Assert.AreEqual("testVarOpScope2/default/testVarOpScope2/", inner.scope_name);
            }
            using (tf.variable_scope(null, "default"))
            {
                Assert.AreEqual("default_1/w:0", tf.get_variable("w", new Shape()).name);
                using (var inner = tf.name_scope("testVarOpScope2"))
                    Assert.AreEqual("testVarOpScope2/default_1/testVarOpScope2/", inner.scope_name);
            }
        }
    }

    [TestMethod]
    public void TFX12_InterleavedPrefixes_AreDistinctNames()
    {
        string Layer(string outer)
        {
            using (tf.variable_scope(null, outer))
            using (tf.variable_scope(null, "layer"))
                return tf.get_variable("w", new Shape()).name;
        }
        Assert.AreEqual("defaultScope1/layer/w:0", Layer("defaultScope1"));
        Assert.AreEqual("defaultScope1_1/layer/w:0", Layer("defaultScope1"));
        Assert.AreEqual("defaultScope/layer/w:0", Layer("defaultScope"));
        Assert.AreEqual("defaultScope1_2/layer/w:0", Layer("defaultScope1"));
    }

    [TestMethod]
    public void TFX12_JumpIntoCapturedScope_DoesNotResetCounter()
    {
        string Layer()
        {
            using (tf.variable_scope(null, "layer"))
                return tf.get_variable("w", new Shape()).name;
        }
        using (var main = tf.variable_scope("default"))
        {
            Assert.AreEqual("default/layer/w:0", Layer());
            Assert.AreEqual("default/layer_1/w:0", Layer());
            using (tf.variable_scope(main)) { }
            Assert.AreEqual("default/layer_2/w:0", Layer());
        }
    }

    /// <summary>TFX-13: re-entered scopes keep variable names but get fresh name scopes.</summary>
    [TestMethod]
    public void TFX13_OuterScope_ReenteredByObject()
    {
        VariableScope outer;
        using (outer = tf.variable_scope("outer")) { }

        using (tf.variable_scope(outer))
        {
            Assert.AreEqual("outer/w:0", tf.get_variable("w", new Shape()).name);
            using (var sc = tf.name_scope("scope2")) Assert.AreEqual("outer_1/scope2/", sc.scope_name);
            using (tf.variable_scope("default"))
            {
                Assert.AreEqual("outer/default/w:0", tf.get_variable("w", new Shape()).name);
                using (var sc = tf.name_scope("scope2")) Assert.AreEqual("outer_1/default/scope2/", sc.scope_name);
            }
        }
        using (tf.variable_scope(outer, reuse: true))
        {
            Assert.AreEqual("outer/w:0", tf.get_variable("w", new Shape()).name);
            using (var sc = tf.name_scope("scope2")) Assert.AreEqual("outer_2/scope2/", sc.scope_name);
            using (tf.variable_scope("default"))
            {
                Assert.AreEqual("outer/default/w:0", tf.get_variable("w", new Shape()).name);
                using (var sc = tf.name_scope("scope2")) Assert.AreEqual("outer_2/default/scope2/", sc.scope_name);
            }
        }
    }

    [TestMethod]
    public void TFX13_ScopeNamesAndNameScopes()
    {
        VariableScope tower4;
        using (tower4 = tf.variable_scope("tower4"))
        {
            Assert.AreEqual("tower4", tower4.name);
            using (var sc = tf.name_scope("scope")) Assert.AreEqual("tower4/scope/", sc.scope_name);
        }
        using (tf.variable_scope("tower5"))
        using (var bar = tf.variable_scope("bar"))
            Assert.AreEqual("tower5/bar", bar.name);
        using (tf.variable_scope("tower6"))
        using (var reentered = tf.variable_scope(tower4, reuse: true))
        {
            Assert.AreEqual("tower4", reentered.name);
            using (var sc = tf.name_scope("scope")) Assert.AreEqual("tower6/tower4/scope/", sc.scope_name);
        }
    }

    [TestMethod]
    public void TFX13_ReenteringUnderNameScope_CountsUp()
    {
        VariableScope tower;
        using (tower = tf.variable_scope("tower")) { }
        using (tf.name_scope("X"))
        {
            using (tf.variable_scope(tower))
            using (var sc = tf.name_scope("scope")) Assert.AreEqual("X/tower/scope/", sc.scope_name);
            using (tf.variable_scope("tower"))
            using (var sc = tf.name_scope("scope")) Assert.AreEqual("X/tower_1/scope/", sc.scope_name);
            using (tf.variable_scope(tower))
            using (var sc = tf.name_scope("scope")) Assert.AreEqual("X/tower_2/scope/", sc.scope_name);
        }
    }

    /// <summary>TFX-14: reuse flags, inheritance and AUTO_REUSE.</summary>
    [TestMethod]
    public void TFX14_ReuseFlags()
    {
        VariableScope reusing, creating;
        using (reusing = tf.variable_scope("jump", reuse: true))
        {
            Assert.IsTrue(reusing.reuse);
            using (var inner = tf.variable_scope("inner", reuse: false)) Assert.IsTrue(inner.reuse, "inherited reuse cannot be undone");
        }
        using (var s = tf.variable_scope(reusing)) Assert.IsTrue(s.reuse);
        using (var s = tf.variable_scope(reusing, reuse: true)) Assert.IsTrue(s.reuse);
        using (var s = tf.variable_scope(reusing, reuse: false)) Assert.IsTrue(s.reuse);

        using (creating = tf.variable_scope("create", reuse: false)) Assert.IsFalse(creating.reuse);
        using (var s = tf.variable_scope(creating)) Assert.IsFalse(s.reuse);
        using (var s = tf.variable_scope(creating, reuse: true)) Assert.IsTrue(s.reuse);
        using (var s = tf.variable_scope(creating, reuse: false)) Assert.IsFalse(s.reuse);
    }

    [TestMethod]
    public void TFX14_GetVariableScope_InitializerAndReuseVariables()
    {
        using (tf.variable_scope("bar"))
        {
            var scope = tf.get_variable_scope();
            scope.initializer = tf.constant_initializer(0.3);
            var v = tf.get_variable("v", new Shape(1));
            scope.reuse_variables();
            Assert.ThrowsExactly<ValueError>(() => tf.get_variable("w", new Shape(1)));
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            AssertClose(0.3, sess.run(v));
        }
        using (tf.variable_scope("bar"))
            Assert.IsNull(tf.get_variable_scope().initializer);
    }

    [TestMethod]
    public void TFX14_AutoReuse_CreatesThenReuses()
    {
        Variable Get()
        {
            using (tf.variable_scope("testVarScopeGetOrCreateReuse_bar", reuse: tf.AUTO_REUSE))
                return tf.get_variable("var", new Shape());
        }
        var first = Get();
        Assert.AreEqual("testVarScopeGetOrCreateReuse_bar/var:0", first.name);
        Assert.AreSame(first, Get());
    }

    [TestMethod]
    public void TFX14_ReuseTrueOnNewName_Fails()
    {
        using (tf.variable_scope("fresh", reuse: true))
        {
            var error = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("missing", new Shape(1)));
            StringAssert.Contains(error.Message, "Variable fresh/missing does not exist");
        }
    }

    /// <summary>TFX-15: initializers reach variables through scopes; values initialize directly.</summary>
    [TestMethod]
    public void TFX15_InitializerPlumbing()
    {
        VariableScope tower0;
        Variable v, w, fromTensor, fromScopeTensor, intVar, fromInt, fromArray;
        using (tower0 = tf.variable_scope("tower0")) { }
        using (tf.variable_scope("tower0/foo", initializer: tf.constant_initializer(0.3)))
            v = tf.get_variable("v", new Shape());
        using (tf.variable_scope(tower0, initializer: tf.constant_initializer(0.3)))
            w = tf.get_variable("w", new Shape());

        fromTensor = tf.get_variable("t", initializer: tf.constant(0.1f));
        Assert.AreEqual(Shape.scalar(), fromTensor.shape, "shape inferred from the tensor");
        var shapeError = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("u", new Shape(1), initializer: tf.constant(0.1f)));
        StringAssert.Contains(shapeError.Message, "shape");

        using (tf.variable_scope("foo", initializer: tf.constant(0.1f)))
            fromScopeTensor = tf.get_variable("v");

        intVar = tf.get_variable("i", initializer: tf.constant(1));
        Assert.AreEqual(tf.int32, intVar.dtype);
        var dtypeError = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("x", initializer: tf.constant(1), dtype: tf.float64));
        StringAssert.Contains(dtypeError.Message, "don't match");

        fromInt = tf.get_variable("four", initializer: 4, dtype: tf.int32);
        fromArray = tf.get_variable("arr", initializer: np.array(new long[] { 1, 2, 3 }), dtype: tf.int64);
        // A dictionary initializer (TF's TypeError) no longer compiles: InitializerLike has no conversion from it.

        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(0.3, sess.run(v));
        AssertClose(0.3, sess.run(w));
        AssertClose(0.1, sess.run(fromTensor));
        AssertClose(0.1, sess.run(fromScopeTensor));
        Assert.AreEqual(1, (int)sess.run(intVar));
        Assert.AreEqual(4, (int)sess.run(fromInt));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, sess.run(fromArray).ToArray<long>());
    }

    [TestMethod]
    public void GetVariable_DefaultInitializer_IsGlorotUniform()
    {
        tf.set_random_seed(7);
        var k = tf.get_variable("kernel", new Shape(30, 20));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var values = sess.run(k).ToArray<float>();
        double limit = Math.Sqrt(6.0 / (30 + 20));
        Assert.IsTrue(values.All(x => Math.Abs(x) <= limit), "within ±sqrt(6/(fan_in+fan_out))");
        Assert.IsTrue(values.Max() > 0.8 * limit && values.Min() < -0.8 * limit, "spreads over the range");
        Assert.AreEqual(0.0, values.Average(), 0.05);
    }

    [TestMethod]
    public void Collections_TrainableAndGlobal()
    {
        var a = tf.get_variable("a", new Shape(1));
        var b = tf.get_variable("b", new Shape(1), trainable: false);
        var c = tf.Variable(1.0f, name: "c");
        CollectionAssert.AreEqual(new[] { a, b, c }, tf.global_variables());
        CollectionAssert.AreEqual(new[] { a, c }, tf.trainable_variables());
        CollectionAssert.AreEqual(new[] { a, b, c }, tf.all_variables());
        Assert.AreEqual("c:0", c.name);
        Assert.AreEqual("c/read:0", c.value().name);
        Assert.AreEqual("c/Assign", c.initializer.name);
    }
}
