using TfRnn;
using TfRnn.Protos;

namespace TfRnn.Tests.Core;

/// <summary>The typed structs that replaced <c>object</c> parameters keep TF1's accepted forms and values.</summary>
[TestClass]
public class TypedApiParameterTests : TestBase
{
    sealed class HalfInitializer : IInitializer
    {
        public Tensor Call(Shape shape, TF_DataType dtype) => tf.fill(shape, 0.5f);
    }

    sealed class SevensInitializer : Initializer
    {
        public override Tensor Call(Shape shape, TF_DataType dtype) => tf.fill(shape, 7f);
    }

    [TestMethod]
    public void GetVariable_InitializerFromValues_TakesTheValueAndItsShape()
    {
        var fromDouble = tf.get_variable("d", initializer: 0.25);
        var fromInt = tf.get_variable("i", initializer: 3);
        var fromArray = tf.get_variable("a", initializer: new[] { 1f, 2f, 3f });
        var fromMatrix = tf.get_variable("m", initializer: new float[,] { { 1, 2 }, { 3, 4 } });
        var fromNDArray = tf.get_variable("n", initializer: np.array(new long[] { 5, 6 }), dtype: tf.int64);
        var fromTensor = tf.get_variable("t", initializer: tf.constant(new[] { 1.5f, 2.5f }));
        var fromVariable = tf.get_variable("v", initializer: fromArray);
        TensorLike like = new[] { 8, 9 };
        var fromTensorLike = tf.get_variable("l", initializer: like);

        Assert.AreEqual(tf.float32, fromDouble.dtype, "a C# double becomes float32, as a Python float does");
        Assert.AreEqual(tf.int32, fromInt.dtype);
        Assert.AreEqual(new Shape(2, 2), fromMatrix.shape);
        Assert.AreEqual(new Shape(3), fromVariable.shape);
        using var sess = tf.Session();
        sess.run(fromArray.initializer);   // fromVariable reads it (TF1 does not order variable initializers either)
        sess.run(tf.global_variables_initializer());
        AssertClose(0.25, sess.run(fromDouble));
        Assert.AreEqual(3, (int)sess.run(fromInt));
        AssertClose([1, 2, 3], sess.run(fromArray));
        AssertClose([1, 2, 3, 4], sess.run(fromMatrix));
        CollectionAssert.AreEqual(new long[] { 5, 6 }, sess.run(fromNDArray).ToArray<long>());
        AssertClose([1.5, 2.5], sess.run(fromTensor));
        AssertClose([1, 2, 3], sess.run(fromVariable));
        CollectionAssert.AreEqual(new[] { 8, 9 }, sess.run(fromTensorLike).ToArray<int>());
    }

    [TestMethod]
    public void GetVariable_InitializerObjects_FillTheRequestedShape()
    {
        var zeros = tf.get_variable("z", new Shape(2), initializer: tf.zeros_initializer());
        var custom = tf.get_variable("c", new Shape(3), initializer: new InitializerLike(new HalfInitializer()));
        var derived = tf.get_variable("s", new Shape(2), initializer: new SevensInitializer());
        var none = tf.get_variable("g", new Shape(2, 2), initializer: (Tensor?)null);   // a null reference is TF's None: glorot_uniform
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose([0, 0], sess.run(zeros));
        AssertClose([0.5, 0.5, 0.5], sess.run(custom));
        AssertClose([7, 7], sess.run(derived));
        Assert.IsTrue(sess.run(none).ToArray<float>().All(v => Math.Abs(v) <= Math.Sqrt(6.0 / 4)), "glorot_uniform bounds");
    }

    [TestMethod]
    public void GetVariable_ValueInitializer_KeepsTfErrors()
    {
        var shapeError = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("s", new Shape(2), initializer: new[] { 1f, 2f }));
        Assert.AreEqual("If initializer is a constant, do not specify shape.", shapeError.Message);
        var dtypeError = Assert.ThrowsExactly<ValueError>(() => tf.get_variable("d", initializer: new[] { 1, 2 }, dtype: tf.float32));
        Assert.AreEqual("Initializer type 'int32' and explicit dtype 'float32' don't match.", dtypeError.Message);
    }

    [TestMethod]
    public void VariableScope_InitializerValueOrObject_ReachesItsVariables()
    {
        Variable fromValue, fromObject, fromProperty;
        using (tf.variable_scope("value", initializer: new[] { 4f, 5f }))
            fromValue = tf.get_variable("v");
        using (var scope = tf.variable_scope("object", initializer: tf.ones_initializer()))
        {
            fromObject = tf.get_variable("o", new Shape(2));
            scope.initializer = 2.5;
            fromProperty = tf.get_variable("p");
            Assert.AreEqual(2.5, InitializerLike.ValueOrNone(scope.initializer));
        }
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose([4, 5], sess.run(fromValue));
        AssertClose([1, 1], sess.run(fromObject));
        AssertClose(2.5, sess.run(fromProperty));
    }

    [TestMethod]
    public void Cells_Initializers_SetTheirKernelsAndBiases()
    {
        var x = tf.ones(new Shape(1, 2));
        var gru = tf.nn.rnn_cell.GRUCell(3, kernel_initializer: tf.constant_initializer(0.1), bias_initializer: new SevensInitializer());
        using (tf.variable_scope("gru")) gru.call(x, gru.zero_state(1, tf.float32));
        var lstm = new LSTMCell(3, use_peepholes: true, initializer: tf.constant_initializer(0.2));
        using (tf.variable_scope("lstm")) lstm.call(x, lstm.zero_state(1, tf.float32));
        Linear linear;
        using (tf.variable_scope("linear")) linear = new Linear([x], 2, true, bias_initializer: tf.constant_initializer(0.3), kernel_initializer: tf.ones_initializer());
        var y = linear.Apply([x]);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var values = gru.variables.ToDictionary(v => v.op.name, v => sess.run(v).ToArray<float>());
        Assert.IsTrue(values["gru/gru_cell/gates/kernel"].All(v => v == 0.1f));
        Assert.IsTrue(values["gru/gru_cell/gates/bias"].All(v => v == 7f));
        Assert.IsTrue(values["gru/gru_cell/candidate/bias"].All(v => v == 7f));
        foreach (var v in lstm.variables.Where(v => !v.op.name.EndsWith("bias")))
            Assert.IsTrue(sess.run(v).ToArray<float>().All(e => Math.Abs(e - 0.2f) < 1e-7), v.op.name);
        AssertClose([2.3, 2.3], sess.run(y), 1e-6);
    }

    [TestMethod]
    public void Saver_Dictionary_SavesAndRestoresUnderItsKeys()
    {
        var dir = TestData.TempDirectory();
        var w = tf.Variable(new[] { 1f, 2f }, name: "w");
        var b = tf.Variable(3f, name: "b");
        string prefix;
        using (var sess = tf.Session())
        {
            sess.run(tf.global_variables_initializer());
            prefix = tf.train.Saver(new Dictionary<string, Variable> { ["old/weights"] = w }, max_to_keep: 1).save(sess, Path.Combine(dir, "m"));
        }
        CollectionAssert.AreEqual(new[] { "old/weights" }, tf.train.list_variables(prefix).Select(v => v.name).ToArray());

        tf.reset_default_graph();
        var renamed = tf.Variable(new[] { 0f, 0f }, name: "new_w");
        using (var sess = tf.Session())
        {
            sess.run(tf.global_variables_initializer());
            new Saver(new Dictionary<string, Variable> { ["old/weights"] = renamed }).restore(sess, prefix);
            AssertClose([1, 2], sess.run(renamed));
        }
    }

    [TestMethod]
    public void Saver_ListOrDefaults_SavesTheGivenVariables()
    {
        var dir = TestData.TempDirectory();
        var w = tf.Variable(new[] { 1f, 2f }, name: "w");
        var b = tf.Variable(3f, name: "b", trainable: false);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var all = new Saver().save(sess, Path.Combine(dir, "all"));
        var limited = new Saver(max_to_keep: 3).save(sess, Path.Combine(dir, "limited"));
        var trainable = tf.train.Saver(tf.trainable_variables()).save(sess, Path.Combine(dir, "trainable"));
        var listed = new Saver(new List<Variable> { b }, 2).save(sess, Path.Combine(dir, "listed"));
        string[] Names(string p) => tf.train.list_variables(p).Select(v => v.name).ToArray();
        CollectionAssert.AreEqual(new[] { "b", "w" }, Names(all));
        CollectionAssert.AreEqual(new[] { "b", "w" }, Names(limited));
        CollectionAssert.AreEqual(new[] { "w" }, Names(trainable));
        CollectionAssert.AreEqual(new[] { "b" }, Names(listed));
        AssertClose(3, tf.train.load_variable(listed, "b"));
    }

    // The port `clip_by_global_norm(tf.gradients(cost, tvars), c)` + `apply_gradients(grads.Zip(tvars))` is
    // TrainingRecipeTests.SlideRecipe_GlobalNormThenAdam (the Tensor? overloads).
    [TestMethod]
    public void ApplyGradients_IndexedSlicesThroughGradient_UpdatesOnlyItsRows()
    {
        var embedding = tf.Variable(new float[,] { { 1, 1 }, { 2, 2 }, { 3, 3 } }, name: "embedding");
        var bias = tf.Variable(new[] { 1f, 1f }, name: "bias");
        var untouched = tf.Variable(new[] { 9f }, name: "untouched");
        var sparse = new IndexedSlices(tf.constant(new float[,] { { 1, 2 } }), tf.constant(new[] { 2 }), tf.constant(new[] { 3, 2 }));
        Gradient[] grads = [sparse, tf.constant(new[] { 0.5f, -0.5f }), (Tensor?)null];
        var (clipped, norm) = tf.clip_by_global_norm(grads, 10.0);   // norm √5.5 < 10: unchanged, sparse stays sparse
        Assert.IsNotNull(clipped[0].IndexedSlices);
        Assert.IsTrue(clipped[2].IsNone);
        var train = tf.train.GradientDescentOptimizer(1.0).apply_gradients(clipped.Zip([embedding, bias, untouched]));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(Math.Sqrt(5.5), sess.run(norm), 1e-6);
        AssertClose(Math.Sqrt(5.5), sess.run(tf.global_norm(grads)), 1e-6);
        AssertClose([0, 0, 0, 0, 1, 2], sess.run((Tensor)grads[0]!));
        sess.run(train);
        AssertClose([1, 1, 2, 2, 2, 1], sess.run(embedding));
        AssertClose([0.5, 1.5], sess.run(bias));
        AssertClose([9], sess.run(untouched));
    }

    [TestMethod]
    public void AddSummary_FetchedBytesAndProto_WriteReadableEvents()
    {
        var x = tf.placeholder(tf.float32, new Shape(), name: "x");
        var loss = tf.summary.scalar("loss", x);
        var note = tf.summary.text("note", tf.constant("hi"));
        var dir = TestData.TempDirectory();
        var manual = new Summary { Value = { new Summary.Types.Value { Tag = "manual", SimpleValue = 1.5f } } };
        string path;
        Summary fetchedNote;
        using (var sess = tf.Session())
        using (var writer = tf.summary.FileWriter(dir))
        {
            path = writer.FilePath;
            writer.add_summary(sess.run(loss, (x, 0.25f)), 1);                      // NDArray, as fetched
            writer.add_summary(sess.run(loss, (x, 0.5f)).item<byte[]>(), 2);        // byte[]
            writer.add_summary(manual, 3);                                            // Summary proto
            fetchedNote = Summary.Parser.ParseFrom(sess.run(note).item<byte[]>());
            writer.add_summary(fetchedNote, 4);
            writer.add_summary(fetchedNote, 5);
        }
        Assert.IsNotNull(fetchedNote.Value[0].Metadata, "the writer drops repeated metadata from its copy, not from the caller's proto");
        var events = tf.train.summary_iterator(path).Where(e => e.Summary != null).ToList();
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4, 5 }, events.Select(e => e.Step).ToArray());
        CollectionAssert.AreEqual(new[] { "loss", "loss", "manual", "note", "note" }, events.Select(e => e.Summary.Value[0].Tag).ToArray());
        Assert.AreEqual(0.25f, events[0].Summary.Value[0].SimpleValue);
        Assert.AreEqual(0.5f, events[1].Summary.Value[0].SimpleValue);
        Assert.AreEqual(1.5f, events[2].Summary.Value[0].SimpleValue);
        Assert.AreEqual("text", events[3].Summary.Value[0].Metadata.PluginData.PluginName);
        Assert.IsNull(events[4].Summary.Value[0].Metadata);
        Assert.AreEqual("hi", events[4].Summary.Value[0].Tensor.StringVal[0].ToStringUtf8());
    }

    static Tensor Counting() => tf.reshape(tf.constant(Enumerable.Range(0, 12).Select(i => (float)i).ToArray()), [3, 4]);

    [TestMethod]
    public void TensorIndexer_RangesAndIndices_SliceAsNumPy()
    {
        var x = Counting();   // [[0 1 2 3] [4 5 6 7] [8 9 10 11]]
        Assert.AreEqual(new Shape(2), x[1..3, ^1].shape);
        AssertClose([7, 11], Run(x[1..3, ^1]));
        AssertClose([8, 9, 10, 11], Run(x[^1]));
        AssertClose([0, 1, 2, 4, 5, 6, 8, 9, 10], Run(x[.., ..^1]));
        AssertClose([6, 7, 10, 11], Run(x[1.., 2..]));
        AssertClose([1, 5], Run(x[..2, 1L]));
        Assert.AreEqual(new Shape(0, 4), x[^0..].shape);
        Assert.AreEqual(0, Run(x[^0..]).size);
        AssertClose([3, 7, 11], Run(x[":", -1]), message: "string slices still work");
        Assert.ThrowsExactly<ValueError>(() => x[^0]);
    }

    [TestMethod]
    public void TensorIndexer_NewAxisAndEllipsis_InsertAndSpanAxes()
    {
        var x = Counting();
        Assert.AreEqual(new Shape(1, 3), x[tf.newaxis, .., 0].shape);
        AssertClose([0, 4, 8], Run(x[tf.newaxis, .., 0]));
        Assert.AreEqual(new Shape(3), x[SliceItem.Ellipsis, 1].shape);
        AssertClose([1, 5, 9], Run(x[SliceItem.Ellipsis, 1]));
        Assert.AreEqual(new Shape(3, 4, 1), x["...", tf.newaxis].shape);
        AssertClose(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), Run(x["...", tf.newaxis]));
        AssertClose([4, 5, 6, 7], Run(x[1, SliceItem.Ellipsis]));
        Assert.AreEqual("Multiple ellipses in slice spec not allowed", Assert.ThrowsExactly<ValueError>(() => x["...", SliceItem.Ellipsis]).Message);
    }

    [TestMethod]
    public void TensorIndexer_ScalarTensorIndex_ReadAtRunTimeWithGradient()
    {
        var w = tf.Variable(Counting());
        var i = tf.placeholder(tf.int32, new Shape(), name: "i");
        var row = w.value()[i, 1..3];
        Assert.AreEqual(new Shape(2), row.shape);
        var grad = tf.gradients(tf.reduce_sum(row * 2f), w)[0]!;
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose([9, 10], sess.run(row, (i, 2)));
        AssertClose([5, 6], sess.run(row, (i, -2)));
        AssertClose([0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0], sess.run(grad, (i, 1)));
        StringAssert.Contains(Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(row, (i, 3))).Message, "slice index 3 of dimension 0 out of bounds");
        Assert.ThrowsExactly<TypeError>(() => w.value()[tf.constant(1.5f)]);
        Assert.ThrowsExactly<TypeError>(() => w.value()[tf.constant(new[] { 0, 1 })]);
    }
}
