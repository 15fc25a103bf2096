using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// The fused LSTM's hand-written backward pass against autograd through the same cells unrolled step by step,
/// in float64 so the two differ only by summation order: every weight gradient, with and without lengths,
/// several layers, and the case where the input needs no gradient (its matmul is skipped).
/// </summary>
[TestClass]
public class FusedLstmGradientTests : TestBase
{
    const int Time = 6, Batch = 3, Depth = 4, Units = 5;

    static void CheckWeightGradients(int layers, int[]? lengthValues, double forgetBias)
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(11, Time, Batch, Depth).astype(tf.float64));
        var lengths = lengthValues == null ? null : tf.constant(lengthValues);
        RNNCell MakeCell() => tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, layers).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units, forget_bias: forgetBias)));
        var cell = MakeCell();
        Tensor fused, unrolled;
        using (tf.variable_scope("root", initializer: tf.random_uniform_initializer(-0.6, 0.6, seed: 7)))
        {
            var (outputs, state) = tf.nn.dynamic_rnn(cell, x, sequence_length: lengths, dtype: tf.float64, time_major: true);
            fused = Objective(outputs, state);
            var (steps, final) = RnnEquivalenceTests.Unrolled(cell, tf.unstack(x), cell.zero_state(Batch, tf.float64), lengths);
            unrolled = Objective(tf.stack(steps), final);
        }
        var variables = tf.trainable_variables().Select(v => v.value()).ToList();
        Assert.AreEqual(2 * layers, variables.Count, "one kernel and one bias per layer, shared by both graphs");
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        AssertClose(sess.run(unrolled).ToArray<double>(), sess.run(fused), 1e-12, 1e-12, "objective");
        var expected = tf.gradients(unrolled, variables);
        var actual = tf.gradients(fused, variables);
        for (int i = 0; i < variables.Count; i++)
            AssertClose(sess.run(expected[i]!).ToArray<double>(), sess.run(actual[i]!), 1e-9, 1e-11, variables[i].name);
    }

    /// <summary>A weighted sum of every output and state element, so each gradient path carries distinct weights.</summary>
    static Tensor Objective(Tensor outputs, Nest<Tensor> state)
    {
        var weights = tf.constant(Enumerable.Range(0, Time * Batch * Units).Select(i => Math.Sin(i)).ToArray(), tf.float64);
        var total = tf.reduce_sum(tf.reshape(outputs, new[] { -1 }) * weights);
        foreach (var leaf in state.Flatten()) total += tf.reduce_sum(tf.square(leaf));
        return total;
    }

    [TestMethod] public void OneLayer_NoLengths() => CheckWeightGradients(1, null, 1.0);

    /// <summary>
    /// float32 stacks without lengths run on libtorch's own LSTM (LibTorchLstm.cs, weights mapped to its layout): against
    /// the same cells unrolled step by step, every output, state and gradient (of the weights, the input and the initial
    /// state) agrees to float32 rounding.
    /// </summary>
    [TestMethod]
    [DataRow(1, 1.0, true)]
    [DataRow(2, 1.0, true)]
    [DataRow(3, 0.0, true)]
    [DataRow(2, 1.0, false)]   // a fed input (MNIST's pixels) needs no gradient
    public void Float32Stack_OnLibTorchsLstm_MatchesTheUnrolledCells(int layers, double forgetBias, bool inputIsVariable)
    {
        tf.reset_default_graph();
        var pixels = RandomArray(11, Time, Batch, Depth);
        Tensor x = inputIsVariable ? tf.Variable(pixels, name: "x").value() : tf.constant(pixels);
        var cell = tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, layers).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units, forget_bias: forgetBias)));
        int seed = 20;
        var initial = cell.zero_state(Batch, tf.float32).Map(z => (Tensor)(z + tf.Variable(RandomArray(seed++, Batch, Units), name: "state")));
        Tensor fused, unrolled;
        Tensor[] fusedValues, unrolledValues;
        using (tf.variable_scope("root", initializer: tf.random_uniform_initializer(-0.6, 0.6, seed: 7)))
        {
            var (outputs, state) = tf.nn.dynamic_rnn(cell, x, initial_state: initial, time_major: true);
            fused = Objective(tf.cast(outputs, tf.float64), state.Map(t => tf.cast(t, tf.float64)));
            fusedValues = state.Flatten().Prepend(outputs).ToArray();
            var (steps, final) = RnnEquivalenceTests.Unrolled(cell, tf.unstack(x), initial, null);
            unrolled = Objective(tf.cast(tf.stack(steps), tf.float64), final.Map(t => tf.cast(t, tf.float64)));
            unrolledValues = final.Flatten().Prepend(tf.stack(steps)).ToArray();
        }
        var variables = tf.trainable_variables().Select(v => v.value()).ToList();
        Assert.AreEqual((inputIsVariable ? 1 : 0) + layers * 4, variables.Count, "the input, each layer's (c, h) offsets, kernel and bias");
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        int liveBefore = LibTorchLstm.LiveRecordings;
        for (int i = 0; i < fusedValues.Length; i++)
            AssertClose(sess.run(unrolledValues[i]).ToArray<double>(), sess.run(fusedValues[i]), 2e-6, 2e-6, $"value {i}");
        var expected = tf.gradients(unrolled, variables);
        var actual = tf.gradients(fused, variables);
        for (int i = 0; i < variables.Count; i++)
            AssertClose(sess.run(expected[i]!).ToArray<double>(), sess.run(actual[i]!), 1e-4, 1e-5, variables[i].name);
        // Two gradient sets through the same forward pass in one run: the engine differentiates the fused op twice.
        var twice = tf.gradients(fused * 2.0, variables);
        var (once, doubled) = sess.run((actual[^1]!, twice[^1]!));
        AssertClose(once.ToArray<double>().Select(v => 2 * v).ToArray(), doubled, 1e-6, 1e-6, "second gradient set");
        // Each run disposed the nn.LSTM modules and graphs it recorded (left to the GC they grew the process 4 MB a step).
        Assert.AreEqual(liveBefore, LibTorchLstm.LiveRecordings, "modules and recorded graphs left undisposed after the runs");
    }
    /// <summary>
    /// libtorch's modules are reused from run to run: two stacks of one shape with different weights, in one run and
    /// again in a second run and after a training step, each still computes with its own current weights.
    /// </summary>
    [TestMethod]
    public void ReusedModules_CarryEachRunsOwnWeights()
    {
        tf.reset_default_graph();
        var x = tf.constant(RandomArray(12, Time, Batch, Depth));
        var fused = new List<Tensor>();
        var unrolled = new List<Tensor>();
        foreach (var (scope, seed) in new[] { ("a", 1), ("b", 2) })
            using (tf.variable_scope(scope, initializer: tf.random_uniform_initializer(-0.6, 0.6, seed: seed)))
            {
                var cell = tf.nn.rnn_cell.MultiRNNCell(Enumerable.Range(0, 2).Select(_ => tf.nn.rnn_cell.BasicLSTMCell(Units)));
                fused.Add(tf.nn.dynamic_rnn(cell, x, dtype: tf.float32, time_major: true).outputs);
                unrolled.Add(tf.stack(RnnEquivalenceTests.Unrolled(cell, tf.unstack(x), cell.zero_state(Batch, tf.float32), null).outputs));
            }
        var loss = tf.reduce_sum(tf.square(fused[0])) + tf.reduce_sum(fused[1]);
        var train = tf.train.GradientDescentOptimizer(0.5).minimize(loss);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        void CheckBoth(string when)
        {
            var values = sess.run(fused.Concat(unrolled));
            AssertClose(values[2]!.ToArray<double>(), values[0]!, 2e-6, 2e-6, $"stack a, {when}");
            AssertClose(values[3]!.ToArray<double>(), values[1]!, 2e-6, 2e-6, $"stack b, {when}");
        }
        CheckBoth("first run");
        // Both stacks' weight gradients in one run (two modules rented at once) against the unrolled cells'.
        var variables = tf.trainable_variables().Select(v => v.value()).ToList();
        var unrolledLoss = tf.reduce_sum(tf.square(unrolled[0])) + tf.reduce_sum(unrolled[1]);
        var expected = sess.run(tf.gradients(unrolledLoss, variables).Select(g => g!));
        var actual = sess.run(tf.gradients(loss, variables).Select(g => g!));
        for (int i = 0; i < variables.Count; i++)
            AssertClose(expected[i]!.ToArray<double>(), actual[i]!, 1e-4, 1e-5, variables[i].name);
        var before = sess.run(fused[0]).ToArray<double>();
        sess.run(train);
        CheckBoth("after a training step");
        Assert.IsTrue(before.Zip(sess.run(fused[0]).ToArray<double>()).Any(p => Math.Abs(p.First - p.Second) > 1e-4), "the step changed stack a");
    }

    [TestMethod] public void TwoLayers_WithLengths() => CheckWeightGradients(2, new[] { 3, 6, 0 }, 1.0);
    [TestMethod] public void ThreeLayers_ForgetBiasZero_WithLengths() => CheckWeightGradients(3, new[] { 6, 1, 4 }, 0.0);
}
