using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>Issue 13: keep probs, sequence_length and zero_state's batch typed as TensorLike, and scopes as ScopeLike, keep TF1's values.</summary>
[TestClass]
public class TypedRnnParameterTests : TestBase
{
    [TestMethod]
    public void DropoutWrapper_KeepProbPlaceholder_DropsWhenFedBelowOne()
    {
        var keep = tf.placeholder(tf.float32, new Shape());
        var cell = tf.nn.rnn_cell.DropoutWrapper(tf.nn.rnn_cell.BasicRNNCell(64), output_keep_prob: keep, seed: 3);
        var x = tf.ones(new Shape(4, 3, 5));
        var (outputs, _) = tf.nn.dynamic_rnn(cell, x, dtype: tf.float32);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var kept = sess.run(outputs, (keep, 1.0f)).ToArray<float>();
        var dropped = sess.run(outputs, (keep, 0.5f)).ToArray<float>();
        Assert.AreEqual(0, kept.Count(v => v == 0f));
        Assert.IsTrue(dropped.Count(v => v == 0f) > dropped.Length / 4, "keep_prob 0.5 fed at run time zeroes about half the outputs");
    }

    [TestMethod]
    public void DynamicRnn_SequenceLengthAsArrayOrTensor_SameOutputs()
    {
        var x = tf.constant(Enumerable.Range(0, 2 * 4 * 3).Select(i => (float)i / 10).ToArray().Reshape3(2, 4, 3));
        var results = new List<float[]>();
        foreach (TensorLike lengths in new TensorLike[] { new[] { 2, 4 }, tf.constant(new[] { 2, 4 }) })
        {
            using var scope = tf.variable_scope($"run{results.Count}", initializer: tf.constant_initializer(0.1));
            var (outputs, _) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(2), x, sequence_length: lengths, dtype: tf.float32);
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            results.Add(sess.run(outputs).ToArray<float>());
        }
        CollectionAssert.AreEqual(results[0], results[1]);
        Assert.AreEqual(0f, results[0][(0 * 4 + 3) * 2], "step 3 of the length-2 row is zeroed");
    }

    [TestMethod]
    public void ZeroState_BatchAsScalarTensor_MatchesInt()
    {
        var x = tf.placeholder(tf.float32, new Shape(-1, 3));
        var cell = tf.nn.rnn_cell.BasicLSTMCell(4);
        var fromTensor = cell.zero_state(tf.shape(x)[0], tf.float32);
        var fromInt = cell.zero_state(5, tf.float32);
        using var sess = tf.Session();
        Assert.AreEqual(new Shape(5, 4), fromInt.h.shape);
        Assert.AreEqual(20, sess.run(fromTensor.h, (x, new float[5, 3])).size);
    }

    [TestMethod]
    public void Loops_ScopeLikeName_NameTheirVariablesUnderIt()
    {
        var x = tf.ones(new Shape(2, 3, 4));
        var steps = tf.unstack(x, axis: 1);
        tf.nn.static_rnn(tf.nn.rnn_cell.BasicRNNCell(2), steps, dtype: tf.float32, scope: "enc");
        tf.nn.dynamic_rnn(tf.nn.rnn_cell.GRUCell(2), x, dtype: tf.float32, scope: "dec");
        tf.nn.bidirectional_dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(2), tf.nn.rnn_cell.BasicRNNCell(2), x, dtype: tf.float32, scope: "bi");
        var cell = tf.nn.rnn_cell.BasicRNNCell(4);
        tf.contrib.legacy_seq2seq.rnn_decoder(steps, cell.zero_state(2, tf.float32), cell, (previous, _) => previous, scope: "rnnlm");
        var step = tf.nn.rnn_cell.BasicRNNCell(3);
        step.call(steps[0], step.zero_state(2, tf.float32), scope: "step");
        CollectionAssert.AreEqual(new[] {
            "enc/basic_rnn_cell/kernel", "enc/basic_rnn_cell/bias",
            "dec/gru_cell/gates/kernel", "dec/gru_cell/gates/bias", "dec/gru_cell/candidate/kernel", "dec/gru_cell/candidate/bias",
            "bi/fw/basic_rnn_cell/kernel", "bi/fw/basic_rnn_cell/bias", "bi/bw/basic_rnn_cell/kernel", "bi/bw/basic_rnn_cell/bias",
            "rnnlm/basic_rnn_cell/kernel", "rnnlm/basic_rnn_cell/bias",
            "step/basic_rnn_cell/kernel", "step/basic_rnn_cell/bias",
        }, tf.global_variables().Select(v => v.op.name).ToArray());
    }

    [TestMethod]
    public void DynamicRnn_CapturedScope_ReusesItsVariablesAndInitializer()
    {
        var x = tf.ones(new Shape(1, 2, 2));
        VariableScope shared;
        using (shared = tf.variable_scope("shared", initializer: tf.constant_initializer(0.5))) { }
        var (first, _) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(1), x, dtype: tf.float32, scope: shared);
        shared.reuse_variables();
        var (second, _) = tf.nn.dynamic_rnn(tf.nn.rnn_cell.BasicRNNCell(1), x, dtype: tf.float32, scope: shared);
        CollectionAssert.AreEqual(new[] { "shared/basic_rnn_cell/kernel", "shared/basic_rnn_cell/bias" }, tf.global_variables().Select(v => v.op.name).ToArray());
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        double h1 = Math.Tanh(1.0), h2 = Math.Tanh(1.0 + 0.5 * h1);   // kernel 0.5 everywhere, bias 0
        AssertClose([h1, h2], sess.run(first), 1e-6);
        AssertClose([h1, h2], sess.run(second), 1e-6);
    }
}


static class ArrayShapes
{
    public static float[,,] Reshape3(this float[] flat, int a, int b, int c)
    {
        var result = new float[a, b, c];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }
}
