using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// static_rnn over the time slices of one [batch, time, depth] tensor (the slides' unstack, or split and squeeze)
/// runs on that tensor transposed instead of a stack of the slices: the same outputs, states and gradients as
/// the same steps stacked, and only exact, in-order time slices take the shortcut.
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

        var lstms = tf.get_default_graph().get_operations().Where(op => op.type == "FusedLSTM").ToArray();
        Assert.AreEqual(2, lstms.Length);
        Assert.AreEqual("Transpose", lstms[0].inputs[0].op.type, "the slices' sequence is the transposed tensor");
        Assert.AreSame(x, lstms[0].inputs[0].op.inputs[0]);
        Assert.AreEqual("Pack", lstms[1].inputs[0].op.type, "other steps are stacked");

        var variables = tf.trainable_variables().Select(v => v.value()).ToList();
        Assert.AreEqual(4, variables.Count);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
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

    [TestMethod]
    public void SlicesOutOfOrder_OrOfAnotherAxis_AreStacked()
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(4, Batch, Time, Depth));
        var reversed = tf.unstack(x, Time, 1).Reverse().ToArray();
        var cell = tf.nn.rnn_cell.BasicLSTMCell(Units);
        var batchMajor = tf.unstack(tf.transpose(x, new[] { 1, 0, 2 }), Time, 0);   // slices along axis 0: stacked as they are
        List<Tensor> outputs;
        Tensor single;
        using (var root = tf.variable_scope("root"))
        {
            (outputs, _) = tf.nn.static_rnn(cell, reversed, dtype: tf.float32);
            root.reuse_variables();
            tf.nn.static_rnn(cell, batchMajor, dtype: tf.float32);
            using (tf.variable_scope("rnn"))
                (single, _) = cell.call(reversed[0], cell.zero_state(Batch, tf.float32));
        }
        var lstms = tf.get_default_graph().get_operations().Where(op => op.type == "FusedLSTM").ToArray();
        CollectionAssert.AreEqual(new[] { "Pack", "Pack" }, lstms.Select(op => op.inputs[0].op.type).ToArray());

        // Reversed steps run in the order given: the first output is the cell over the last time slice alone.
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(sess.run(single).ToArray<double>(), sess.run(outputs[0]), 1e-6, 1e-7);
    }
}
