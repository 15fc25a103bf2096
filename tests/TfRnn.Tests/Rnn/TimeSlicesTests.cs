using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// static_rnn over the time slices of one [batch, time, depth] tensor (the slides' unstack, or split and squeeze)
/// runs on that tensor transposed instead of a stack of the slices: the same outputs, states and gradients as
/// the same steps stacked; only exact, in-order time slices take the shortcut, and a run that feeds or
/// differentiates a step runs the slices as the graph has them, as TensorFlow does.
/// </summary>
[TestClass]
public class TimeSlicesTests : TestBase
{
    const int Batch = 3, Time = 6, Depth = 4, Units = 5;

    static readonly Func<Tensor, Tensor[]>[] SliceWays =
    {
        x => tf.unstack(x, Time, 1),
        x => tf.split(x, Time, axis: 1).Select(s => tf.squeeze(s, new[] { 1 })).ToArray(),
        x => tf.split(x, Time, axis: 1).Select(s => tf.squeeze(s, new[] { -2 })).ToArray(),
    };

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    public void TimeSlices_RunTransposed_AndMatchTheStackedSteps(int way)
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(3, Batch, Time, Depth));
        var sliced = SliceWays[way](x);
        var copies = sliced.Select(s => tf.identity(s)).ToArray();   // the same steps, not recognisable as slices
        var cell = tf.nn.rnn_cell.MultiRNNCell(new RNNCell[] { tf.nn.rnn_cell.BasicLSTMCell(Units), tf.nn.rnn_cell.BasicLSTMCell(Units) });
        List<Tensor> fast, stacked;
        Nest<Tensor> fastState, stackedState;
        using (var root = tf.variable_scope("root"))
        {
            (fast, fastState) = tf.nn.static_rnn(cell, sliced, dtype: tf.float32);
            root.reuse_variables();
            (stacked, stackedState) = tf.nn.static_rnn(cell, copies, dtype: tf.float32);
        }

        // The shortcut is no graph op: names, the op count that seeds random ops and the GraphDef are as written.
        Assert.IsFalse(tf.get_default_graph().get_operations().Any(op => op.type == "Transpose"), "no transpose in the graph");
        var variables = tf.trainable_variables().Select(v => v.value()).ToList();
        Assert.AreEqual(4, variables.Count);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.DoesNotContain(PlanOpTypes(sess, fast[^1]), "Pack", "the slices' run stacks nothing");
        CollectionAssert.Contains(PlanOpTypes(sess, fast[^1]), "Transpose");
        CollectionAssert.Contains(PlanOpTypes(sess, stacked[^1]), "Pack", "other steps are stacked");
        double[] Everything(List<Tensor> outputs, Nest<Tensor> state)
        {
            var total = tf.add_n(outputs.Select((o, t) => tf.reduce_sum(o) * (t + 1.0f)).Concat(state.Flatten().Select(s => tf.reduce_sum(s))));
            var grads = tf.gradients(total, new List<Tensor> { x }.Concat(variables).ToList());
            var values = outputs.Concat(state.Flatten()).Concat(grads.Select(g => g!));
            return values.SelectMany(v => sess.run(v).ToArray<double>()).ToArray();
        }
        var expected = Everything(stacked, stackedState);
        Assert.IsTrue(expected.Any(v => Math.Abs(v) > 1e-3), "the outputs and gradients are not all zero");
        AssertClose(expected, Everything(fast, fastState), 1e-5, 1e-6, "transposed vs stacked");
    }

    static string[] PlanOpTypes(Session sess, Tensor fetch, params Tensor[] feeds) =>
        sess.Executor.PlanFor(new List<ITensorOrOperation> { fetch }, feeds.ToList()).Steps.Select(op => op.type).ToArray();

    /// <summary>A fed step is used, and steps can be differentiated: such runs keep the slices.</summary>
    [TestMethod]
    public void FedOrDifferentiatedSteps_RunAsTheGraphHasThem()
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(5, Batch, Time, Depth));
        var sliced = tf.unstack(x, Time, 1);
        var zeroed = sliced.Select((s, t) => t == 2 ? tf.zeros_like(s) : tf.identity(s)).ToArray();
        var copies = sliced.Select(s => tf.identity(s)).ToList();
        var cell = tf.nn.rnn_cell.BasicLSTMCell(Units);
        List<Tensor> outputs, reference, copied;
        using (var root = tf.variable_scope("root"))
        {
            (outputs, _) = tf.nn.static_rnn(cell, sliced, dtype: tf.float32);
            root.reuse_variables();
            (reference, _) = tf.nn.static_rnn(cell, zeroed, dtype: tf.float32);
            (copied, _) = tf.nn.static_rnn(cell, copies, dtype: tf.float32);
        }
        Tensor Loss(List<Tensor> o) => tf.add_n(o.Select((output, t) => tf.reduce_sum(output) * (t + 1.0f)));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());

        var zeros = np.zeros(new Shape(Batch, Depth)).astype(tf.float32);
        var fedRun = sess.run(outputs[^1], (sliced[2], zeros)).ToArray<double>();
        AssertClose(sess.run(reference[^1]).ToArray<double>(), fedRun, 1e-6, 1e-7, "the fed step 2 is used");
        Assert.IsTrue(sess.run(outputs[^1]).ToArray<double>().Zip(fedRun).Any(p => Math.Abs(p.First - p.Second) > 1e-4), "feeding changed the output");
        CollectionAssert.Contains(PlanOpTypes(sess, outputs[^1], sliced[2]), "Pack");

        // d loss / d step: the same through the slices as through the identity copies of the reference graph.
        var perStep = tf.gradients(Loss(outputs), sliced.ToList());
        var referencePerStep = tf.gradients(Loss(copied), copies);
        Assert.IsTrue(perStep.All(g => g != null), "every step has a gradient");
        for (int t = 0; t < Time; t++)
            AssertClose(sess.run(referencePerStep[t]!).ToArray<double>(), sess.run(perStep[t]!), 1e-5, 1e-6, $"d loss / d step {t}");
        Assert.IsTrue(sess.run(perStep[0]!).ToArray<double>().Any(v => Math.Abs(v) > 1e-3), "the gradients are not all zero");
    }

    [TestMethod]
    public void SlicesOutOfOrder_OrOfAnotherAxis_AreStacked()
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(4, Batch, Time, Depth));
        var reversed = tf.unstack(x, Time, 1).Reverse().ToArray();
        var cell = tf.nn.rnn_cell.BasicLSTMCell(Units);
        var batchMajor = tf.unstack(tf.transpose(x, new[] { 1, 0, 2 }), Time, 0);   // slices along axis 0: stacked as they are
        List<Tensor> outputs, batchOutputs;
        Tensor single;
        using (var root = tf.variable_scope("root"))
        {
            (outputs, _) = tf.nn.static_rnn(cell, reversed, dtype: tf.float32);
            root.reuse_variables();
            batchOutputs = tf.nn.static_rnn(cell, batchMajor, dtype: tf.float32).outputs;
            using (tf.variable_scope("rnn"))
                (single, _) = cell.call(reversed[0], cell.zero_state(Batch, tf.float32));
        }
        // Reversed steps run in the order given: the first output is the cell over the last time slice alone.
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.Contains(PlanOpTypes(sess, outputs[^1]), "Pack");
        CollectionAssert.Contains(PlanOpTypes(sess, batchOutputs[^1]), "Pack");
        AssertClose(sess.run(single).ToArray<double>(), sess.run(outputs[0]), 1e-6, 1e-7);
    }

    /// <summary>
    /// The other direction: tf.concat(outputs, 1) over static_rnn's outputs (char-rnn's softmax input) runs as one op
    /// over the stacked outputs, with the values and gradients of concatenating the steps; a run that fetches or feeds
    /// a step, or concatenates copies, joins the steps as the graph has them.
    /// </summary>
    [TestMethod]
    public void ConcatOfUnstackedOutputs_RunsAsOneMerge_AndMatchesTheConcatenation()
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(4, Batch, Time, Depth));
        var cell = tf.nn.rnn_cell.BasicLSTMCell(Units);
        var (outputs, _) = tf.nn.static_rnn(cell, tf.unstack(x, Time, 1), dtype: tf.float32);
        var merged = tf.concat(outputs, 1);
        var joined = tf.concat(outputs.Select(o => tf.identity(o)).ToList(), 1);   // the same steps, not recognisable
        Assert.AreEqual(new Shape(Batch, Time * Units), merged.shape);
        Assert.IsFalse(tf.get_default_graph().get_operations().Any(op => op.type == "MergeTimeSteps"), "the shortcut is no graph op");
        Assert.AreEqual("ConcatV2", merged.op.type);
        var weights = RandomArray(5, Batch, Time * Units);
        var variables = tf.trainable_variables().Select(v => v.value()).ToList();
        var losses = new[] { merged, joined }.Select(c => tf.reduce_sum(c * tf.constant(weights.astype(tf.float32)))).ToArray();
        var grads = losses.Select(loss => tf.gradients(loss, new List<Tensor> { x }.Concat(variables).ToList())).ToArray();
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.Contains(PlanOpTypes(sess, losses[0]), "MergeTimeSteps");
        CollectionAssert.DoesNotContain(PlanOpTypes(sess, losses[0]), "ConcatV2", "nothing is concatenated");
        CollectionAssert.Contains(PlanOpTypes(sess, losses[0], outputs[2]), "ConcatV2", "a fed step is concatenated as written");
        CollectionAssert.Contains(PlanOpTypes(sess, losses[1]), "ConcatV2", "copies are concatenated");
        double[] Everything(int which) =>
            new[] { which == 0 ? merged : joined }.Concat(grads[which].Select(g => g!)).SelectMany(v => sess.run(v).ToArray<double>()).ToArray();
        var expected = Everything(1);
        Assert.IsTrue(expected.Any(v => Math.Abs(v) > 1e-3), "the values and gradients are not all zero");
        AssertClose(expected, Everything(0), 1e-6, 1e-7, "merged vs concatenated");
    }
}
