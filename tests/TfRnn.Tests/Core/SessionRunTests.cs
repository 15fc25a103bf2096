using TfRnn;

namespace TfRnn.Tests.Core;

[TestClass]
public class SessionRunTests : TestBase
{
    /// <summary>The tutorial's "Fetch tensors via Session.run" slide.</summary>
    [TestMethod]
    public void SlideSnippet_MissingFeedNamesPlaceholder_AndLossIsOne()
    {
        var x = tf.placeholder(tf.float32, Shape.scalar(), name: "x");
        var y = tf.placeholder(tf.float32, Shape.scalar(), name: "y");
        var bias = tf.Variable(1.0f, name: "bias");
        var y_pred = tf.pow(x, 2) + bias;
        var loss = tf.pow(y - y_pred, 2);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());

        var error = Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(loss, (x, 3.0)));
        StringAssert.StartsWith(error.Message, "You must feed a value for placeholder tensor 'y' with dtype float");

        var value = sess.run(loss, (x, 3.0), (y, 9.0));
        Assert.AreEqual("1.000", ((float)value).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void Run_TupleOfFetches_ReturnsTuple()
    {
        var a = tf.constant(2.0f);
        var b = tf.constant(new[] { 1, 2, 3 });
        var c = a * 4.0;
        using var sess = tf.Session();
        var (ra, rb) = sess.run((a, b));
        var (r1, r2, r3, r4, r5) = sess.run((a, b, c, c, a));
        Assert.AreEqual(2.0f, (float)ra);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, rb.ToArray<int>());
        Assert.AreEqual(8.0f, (float)r3);
        Assert.AreEqual(2.0f, (float)r5);
        Assert.AreEqual(8.0f, (float)r4);
        Assert.AreEqual(2.0f, (float)r1);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, r2.ToArray<int>());
    }

    [TestMethod]
    public void Run_ListOperationAndName_ReturnValuesAndNullForOps()
    {
        var v = tf.Variable(5.0f, name: "v");
        var doubled = tf.multiply(v, 2.0, name: "doubled");
        using var sess = tf.Session();
        var init = tf.global_variables_initializer();
        Assert.IsNull(sess.run(init));
        var results = sess.run(new ITensorOrOperation[] { doubled, init });
        Assert.AreEqual(10.0f, (float)results[0]!);
        Assert.IsNull(results[1]);
        Assert.AreEqual(10.0f, (float)sess.run("doubled:0")!);
        Assert.IsNull(sess.run("init"));
        Assert.AreEqual(5.0f, (float)sess.run(v));
    }

    [TestMethod]
    public void Run_UnknownFetchName_NamesIt()
    {
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<KeyNotFoundException>(() => sess.run("nope:0"));
        StringAssert.Contains(error.Message, "'nope:0'");
        StringAssert.Contains(error.Message, "does not exist");
    }

    [TestMethod]
    public void Feed_WrongShape_NamesTensorAndBothShapes()
    {
        var x = tf.placeholder(tf.float32, new Shape(-1, 4), name: "x");
        var y = tf.reduce_sum(x);
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<ValueError>(() => sess.run(y, (x, new float[,] { { 1, 2, 3 }, { 4, 5, 6 } })));
        Assert.AreEqual("Cannot feed value of shape (2, 3) for Tensor 'x:0', which has shape '(?, 4)'", error.Message);
    }

    [TestMethod]
    public void Feed_WrongDtype_NamesTensorAndTypes()
    {
        var x = tf.placeholder(tf.int32, new Shape(2), name: "ids");
        using var sess = tf.Session();
        // Floats into an int placeholder are cast (TF1's np.asarray); strings are not numbers.
        var error = Assert.ThrowsExactly<TypeError>(() => sess.run(tf.identity(x), (x, new[] { "1", "2" })));
        StringAssert.Contains(error.Message, "'ids:0'");
        StringAssert.Contains(error.Message, "int32");
    }

    [TestMethod]
    public void Feed_IntegersIntoFloatPlaceholder_Converts()
    {
        var x = tf.placeholder(tf.float32, new Shape(3));
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new[] { 2f, 4f, 6f }, sess.run(x * 2.0, (x, new[] { 1, 2, 3 })).ToArray<float>());
    }

    [TestMethod]
    public void Feed_DictionaryAndFeedItems_AreEquivalent()
    {
        var a = tf.placeholder(tf.float32, name: "a");
        var b = tf.placeholder(tf.float32, name: "b");
        var sum = a + b;
        using var sess = tf.Session();
        var dict = new Dictionary<Tensor, object> { [a] = 1.5f, [b] = 2.0f };
        Assert.AreEqual(3.5f, (float)sess.run(sum, dict));
        Assert.AreEqual(3.5f, (float)sess.run(sum, ("a:0", 1.5f), (b, 2.0f)));
    }

    [TestMethod]
    public void Feed_IntermediateTensor_PrunesItsInputs()
    {
        var x = tf.placeholder(tf.float32, name: "x");
        var hidden = x * 10.0;
        var output = hidden + 1.0;
        using var sess = tf.Session();
        // x is not needed once hidden is fed.
        Assert.AreEqual(6.0f, (float)sess.run(output, (hidden, 5.0f)));
    }

    [TestMethod]
    public void NestedState_FetchAndFeedBack_KeepsStructure()
    {
        var c0 = tf.placeholder(tf.float32, new Shape(1, 2), name: "c0");
        var h0 = tf.placeholder(tf.float32, new Shape(1, 2), name: "h0");
        var c1 = tf.placeholder(tf.float32, new Shape(1, 2), name: "c1");
        var h1 = tf.placeholder(tf.float32, new Shape(1, 2), name: "h1");
        var state = Nest<Tensor>.Tuple(new LSTMStateTuple(c0, h0), new LSTMStateTuple(c1, h1));
        var next = Nest<Tensor>.Tuple(new LSTMStateTuple(c0 + 1.0, h0 * 2.0), new LSTMStateTuple(c1 - 1.0, h1 + h0));
        using var sess = tf.Session();

        var start = Nest<NDArray>.Tuple(
            Nest<NDArray>.Tuple(np.array(new float[,] { { 1, 2 } }), np.array(new float[,] { { 3, 4 } })),
            Nest<NDArray>.Tuple(np.array(new float[,] { { 5, 6 } }), np.array(new float[,] { { 7, 8 } })));
        // A plain tuple of values does not have the LSTMStateTuple kind: the structure must match.
        Assert.ThrowsExactly<ValueError>(() => sess.run(next, (state, start)));

        var first = sess.run(next, (state, sess.run(state, (c0, new float[,] { { 1, 2 } }), (h0, new float[,] { { 3, 4 } }),
            (c1, new float[,] { { 5, 6 } }), (h1, new float[,] { { 7, 8 } }))));
        Assert.AreEqual(NestKind.LSTMStateTuple, first[1].kind);
        CollectionAssert.AreEqual(new[] { 2f, 3f }, first[0].c.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 6f, 8f }, first[0].h.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 4f, 5f }, first[1].c.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 10f, 12f }, first[1].h.ToArray<float>());

        var second = sess.run(next, (state, first)); // feed the fetched state back as one key
        CollectionAssert.AreEqual(new[] { 3f, 4f }, second[0].c.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 16f, 20f }, second[1].h.ToArray<float>());
    }

    [TestMethod]
    public void Run_UninitializedVariable_FailsWithPrecondition()
    {
        var v = tf.Variable(tf.zeros(new Shape(2)), name: "weights");
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<FailedPreconditionError>(() => sess.run(v));
        StringAssert.StartsWith(error.Message, "Attempting to use uninitialized value weights");
    }

    [TestMethod]
    public void InteractiveSession_EvalAndOpRun_UseDefaultSession()
    {
        var v = tf.Variable(3.0f);
        var add = v.assign_add(2.0f);
        using var sess = tf.InteractiveSession();
        tf.global_variables_initializer().run();
        add.op.run();
        Assert.AreEqual(5.0f, (float)v.eval());
        Assert.AreEqual(10.0f, (float)(v * 2.0).eval());
    }

    [TestMethod]
    public void Eval_WithoutDefaultSession_ExplainsWhatToDo()
    {
        var c = tf.constant(1.0f);
        var error = Assert.ThrowsExactly<ValueError>(() => c.eval());
        StringAssert.Contains(error.Message, "No default session is registered");
    }

    [TestMethod]
    public void Plan_IsCachedPerSignature_AndStaysCorrect()
    {
        var x = tf.placeholder(tf.float32);
        var y = x * x;
        using var sess = tf.Session();
        for (int i = 1; i <= 3; i++) Assert.AreEqual(i * i, (float)sess.run(y, (x, (float)i)));
        Assert.AreEqual(1, sess.CachedPlanCount);
        Assert.AreEqual(9.0f, (float)sess.run(y, (x, 3.0f)));
        sess.run(x, (x, 1.0f));
        Assert.AreEqual(2, sess.CachedPlanCount);
    }

    [TestMethod]
    public void Run_ReleasesIntermediatesOfEachRun()
    {
        var x = tf.placeholder(tf.float32, new Shape(256, 256));
        var y = tf.reduce_sum(tf.matmul(x, x) + 1.0);
        using var sess = tf.Session();
        var input = np.ones(new Shape(256, 256), np.float32);
        sess.run(y, (x, input));
        long before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 20; i++) sess.run(y, (x, input));
        Assert.AreEqual(before, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [TestMethod]
    public void Fetch_FromAnotherGraph_IsRejected()
    {
        var other = tf.Graph();
        Tensor foreign;
        using (other.as_default()) foreign = tf.constant(1.0f);
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<ValueError>(() => sess.run(foreign));
        StringAssert.Contains(error.Message, "not an element of this graph");
    }
}

[TestClass]
public class FeedValidationTests : TestBase
{
    [TestMethod]
    public void SameTensorFedTwice_IsRejected()
    {
        var x = tf.placeholder(tf.float32, name: "x");
        using var sess = tf.Session();
        StringAssert.Contains(Assert.ThrowsExactly<ValueError>(() => sess.run(x * 2.0, (x, 1.0f), ("x:0", 2.0f))).Message, "fed more than once");
    }
}
