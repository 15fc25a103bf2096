using TfRnn;

namespace TfRnn.Tests.Training;

/// <summary>
/// Adam on float32 variables runs as one host pass (FusedAdam); on float64 ones as the engine's in-place ops, which
/// OptimizerDifferentialTests checks against TF's formula. The two must agree step by step on the same problem.
/// </summary>
[TestClass]
public class FusedAdamTests : TestBase
{
    [TestMethod]
    public void Float32HostPass_MatchesTheFloat64EnginePath_VariablesAndSlots()
    {
        // 5×9 = 45 elements: not a multiple of any SIMD width, so the scalar tail runs too.
        var init = RandomArray(3, 5, 9);
        var x = RandomArray(4, 9, 2);
        var y = RandomArray(5, 5, 2);
        var target = RandomArray(6, 5, 9);
        var losses = new List<Tensor>();
        var variables = new Dictionary<string, Variable>();
        foreach (var dtype in new[] { tf.float32, tf.float64 })
        {
            string name = dtype == tf.float32 ? "f32" : "f64";
            var direct = tf.Variable(init.astype(dtype), name: $"direct_{name}");
            var transposed = tf.Variable(np.transpose(init).astype(dtype), name: $"transposed_{name}");
            var xs = tf.constant(x.astype(dtype));
            var ys = tf.constant(y.astype(dtype));
            var residual = tf.matmul(direct, xs) + tf.matmul(tf.transpose(transposed), xs) - ys;
            // An elementwise use of the transpose: its gradient reaches the variable as a permuted view.
            var pull = tf.reduce_sum(tf.square(tf.transpose(transposed) - tf.constant(target.astype(dtype))));
            losses.Add(tf.reduce_sum(tf.square(residual)) + pull);
            variables[$"direct_{name}"] = direct;
            variables[$"transposed_{name}"] = transposed;
        }
        var optimizer = tf.train.AdamOptimizer(0.05);
        var train = optimizer.minimize(tf.cast(losses[0], tf.float64) + losses[1]);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        for (int step = 1; step <= 10; step++)
        {
            sess.run(train);
            foreach (var which in new[] { "direct", "transposed" })
            {
                var (f32, f64) = (variables[$"{which}_f32"], variables[$"{which}_f64"]);
                AssertClose(sess.run(f64).ToArray<double>(), sess.run(f32), 2e-5, 2e-6, $"{which} after step {step}");
                foreach (var slot in new[] { "m", "v" })
                    AssertClose(sess.run(optimizer.get_slot(f64, slot)!).ToArray<double>(), sess.run(optimizer.get_slot(f32, slot)!), 2e-5, 1e-7,
                        $"{which} slot {slot} after step {step}");
            }
        }
        // The variables moved: a pass that wrote nothing would agree only at step 0.
        Assert.IsTrue(Math.Abs(sess.run(variables["direct_f32"]).ToArray<double>()[0] - init.ToArray<double>()[0]) > 0.1);
    }

    /// <summary>
    /// The pass itself against Adam's formula evaluated here in float64, with a transposed and an expanded gradient
    /// (neither contiguous: the pass reads a contiguous copy) on 45 elements (the SIMD loop and the scalar tail).
    /// </summary>
    [TestMethod]
    public void Update_MatchesAdamsFormula_ForStridedGradients()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        TorchSharp.torch.manual_seed(5);
        // Hyperparameters reach the kernel as float32 tensors (as tf.constant(0.9) makes them), so the reference uses those values.
        double alpha = 0.01f, beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-7f;
        foreach (var gradient in new[] { TorchSharp.torch.randn(9, 5).t(), TorchSharp.torch.randn(1, 5).expand(9, 5) })
        {
            var variable = TorchSharp.torch.randn(9, 5);
            var (m, v) = (TorchSharp.torch.randn(9, 5) * 0.1f, TorchSharp.torch.rand(9, 5) * 0.1f);
            Assert.IsFalse(gradient.is_contiguous());
            Assert.IsTrue(FusedAdam.Supports(variable, m, v, gradient), "float32 CPU state takes the host pass");
            double[] Values(TorchSharp.torch.Tensor t) => t.contiguous().to_type(TorchSharp.torch.ScalarType.Float64).data<double>().ToArray();
            var (x, m0, v0, g) = (Values(variable), Values(m), Values(v), Values(gradient));
            var (expectedM, expectedV, expectedX) = (new double[45], new double[45], new double[45]);
            for (int i = 0; i < 45; i++)
            {
                expectedM[i] = beta1 * m0[i] + (1 - beta1) * g[i];
                expectedV[i] = beta2 * v0[i] + (1 - beta2) * g[i] * g[i];
                expectedX[i] = x[i] - alpha * expectedM[i] / (Math.Sqrt(expectedV[i]) + epsilon);
            }
            FusedAdam.Update(variable, m, v, gradient, alpha, beta1, beta2, epsilon);
            AssertClose(expectedM, Values(m), 1e-6, 1e-7, "m");
            AssertClose(expectedV, Values(v), 1e-6, 1e-8, "v");
            AssertClose(expectedX, Values(variable), 1e-6, 1e-7, "variable");
        }
    }
}
