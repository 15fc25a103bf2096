using TfRnn;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// Cells with random (non-symmetric) weights against the gate equations computed by hand in float64:
/// catches an i/o or r/u swap that TF's constant-0.5 cases cannot. Both the graph step and the fused
/// kernel are checked.
/// </summary>
[TestClass]
public class GateOrderTests : TestBase
{
    const int Batch = 2, In = 3, Units = 4;

    static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    static double[] Random(int seed, int count)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>z = [x, h]·K + b for one batch row.</summary>
    static double[] Affine(double[] x, double[] h, double[] kernel, double[] bias, int b, int width)
    {
        var input = x.Skip(b * In).Take(In).Concat(h.Skip(b * (kernel.Length / width - In)).Take(kernel.Length / width - In)).ToArray();
        return Enumerable.Range(0, width).Select(col => bias[col] + input.Select((v, r) => v * kernel[r * width + col]).Sum()).ToArray();
    }

    [TestMethod]
    public void BasicLstm_GatesAreIJFO()
    {
        var kernel = Random(1, (In + Units) * 4 * Units);
        var bias = Random(2, 4 * Units);
        var x = Random(3, Batch * In);
        var c = Random(4, Batch * Units);
        var h = Random(5, Batch * Units);
        var expectedC = new double[Batch * Units];
        var expectedH = new double[Batch * Units];
        for (int b = 0; b < Batch; b++)
        {
            var z = Affine(x, h, kernel, bias, b, 4 * Units);
            for (int u = 0; u < Units; u++)
            {
                double i = z[u], j = z[Units + u], f = z[2 * Units + u], o = z[3 * Units + u];
                double newC = c[b * Units + u] * Sigmoid(f + 1.0) + Sigmoid(i) * Math.Tanh(j);
                expectedC[b * Units + u] = newC;
                expectedH[b * Units + u] = Math.Tanh(newC) * Sigmoid(o);
            }
        }
        foreach (bool fused in new[] { false, true })
        {
            tf.reset_default_graph();
            var cell = tf.nn.rnn_cell.BasicLSTMCell(Units);
            var xt = tf.constant(np.array(x).reshape(Batch, In).astype(tf.float32));
            var state = new LSTMStateTuple(tf.constant(np.array(c).reshape(Batch, Units).astype(tf.float32)), tf.constant(np.array(h).reshape(Batch, Units).astype(tf.float32)));
            Nest<Tensor> next;
            using (tf.variable_scope("k", initializer: tf.constant_initializer(np.array(kernel).reshape(In + Units, 4 * Units))))
                next = fused ? tf.nn.dynamic_rnn(cell, tf.expand_dims(xt, 0), initial_state: state, time_major: true).state : cell.call(xt, state).state;
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            sess.run(tf.assign(cell.variables[1], np.array(bias).astype(tf.float32)));
            AssertClose(expectedC, sess.run(next.c), 1e-5, 1e-6, $"c (fused={fused})");
            AssertClose(expectedH, sess.run(next.h), 1e-5, 1e-6, $"h (fused={fused})");
        }
    }

    [TestMethod]
    public void LstmCell_PeepholesProjectionClip_MatchHandComputation()
    {
        const int Proj = 2;
        var kernel = Random(11, (In + Proj) * 4 * Units);
        var bias = Random(12, 4 * Units);
        var wf = Random(13, Units); var wi = Random(14, Units); var wo = Random(15, Units);
        var projection = Random(16, Units * Proj);
        var x = Random(17, Batch * In);
        var c = Random(18, Batch * Units);
        var m = Random(19, Batch * Proj);
        const double Clip = 0.6, ProjClip = 0.3;
        var expectedC = new double[Batch * Units];
        var expectedM = new double[Batch * Proj];
        for (int b = 0; b < Batch; b++)
        {
            var z = Affine(x, m, kernel, bias, b, 4 * Units);
            var hidden = new double[Units];
            for (int u = 0; u < Units; u++)
            {
                double cp = c[b * Units + u];
                double i = z[u], j = z[Units + u], f = z[2 * Units + u], o = z[3 * Units + u];
                double newC = Sigmoid(f + 1.0 + wf[u] * cp) * cp + Sigmoid(i + wi[u] * cp) * Math.Tanh(j);
                newC = Math.Clamp(newC, -Clip, Clip);
                expectedC[b * Units + u] = newC;
                hidden[u] = Sigmoid(o + wo[u] * newC) * Math.Tanh(newC);
            }
            for (int p = 0; p < Proj; p++)
                expectedM[b * Proj + p] = Math.Clamp(Enumerable.Range(0, Units).Sum(u => hidden[u] * projection[u * Proj + p]), -ProjClip, ProjClip);
        }
        foreach (bool fused in new[] { false, true })
        {
            tf.reset_default_graph();
            var cell = tf.nn.rnn_cell.LSTMCell(Units, use_peepholes: true, cell_clip: Clip, num_proj: Proj, proj_clip: ProjClip);
            var xt = tf.constant(np.array(x).reshape(Batch, In).astype(tf.float32));
            var state = new LSTMStateTuple(tf.constant(np.array(c).reshape(Batch, Units).astype(tf.float32)), tf.constant(np.array(m).reshape(Batch, Proj).astype(tf.float32)));
            var (output, next) = fused
                ? (tf.nn.dynamic_rnn(cell, tf.expand_dims(xt, 0), initial_state: state, time_major: true) is var r ? (r.outputs[0], r.state) : default)
                : cell.call(xt, state);
            using var sess = tf.Session();
            sess.run(tf.global_variables_initializer());
            var values = new[] { kernel, bias, wf, wi, wo, projection };
            for (int k = 0; k < values.Length; k++)
                sess.run(tf.assign(cell.variables[k], np.array(values[k]).reshape(cell.variables[k].shape).astype(tf.float32)));
            AssertClose(expectedC, sess.run(next.c), 1e-5, 1e-6, $"c (fused={fused})");
            AssertClose(expectedM, sess.run(next.h), 1e-5, 1e-6, $"m (fused={fused})");
            AssertClose(expectedM, sess.run(output), 1e-5, 1e-6, $"output (fused={fused})");
        }
    }

    [TestMethod]
    public void Gru_GatesAreResetThenUpdate()
    {
        var gateKernel = Random(21, (In + Units) * 2 * Units);
        var gateBias = Random(22, 2 * Units);
        var candidateKernel = Random(23, (In + Units) * Units);
        var candidateBias = Random(24, Units);
        var x = Random(25, Batch * In);
        var h = Random(26, Batch * Units);
        var expected = new double[Batch * Units];
        for (int b = 0; b < Batch; b++)
        {
            var gates = Affine(x, h, gateKernel, gateBias, b, 2 * Units).Select(Sigmoid).ToArray();
            var r = gates[..Units];
            var u = gates[Units..];
            var resetH = new double[Batch * Units];
            for (int k = 0; k < Units; k++) resetH[b * Units + k] = r[k] * h[b * Units + k];
            var candidate = Affine(x, resetH, candidateKernel, candidateBias, b, Units).Select(Math.Tanh).ToArray();
            for (int k = 0; k < Units; k++) expected[b * Units + k] = u[k] * h[b * Units + k] + (1 - u[k]) * candidate[k];
        }
        var cell = tf.nn.rnn_cell.GRUCell(Units);
        var (output, _) = cell.call(tf.constant(np.array(x).reshape(Batch, In).astype(tf.float32)), tf.constant(np.array(h).reshape(Batch, Units).astype(tf.float32)));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var values = new[] { gateKernel, gateBias, candidateKernel, candidateBias };
        for (int k = 0; k < 4; k++) sess.run(tf.assign(cell.variables[k], np.array(values[k]).reshape(cell.variables[k].shape).astype(tf.float32)));
        AssertClose(expected, sess.run(output), 1e-5, 1e-6);
    }
}
