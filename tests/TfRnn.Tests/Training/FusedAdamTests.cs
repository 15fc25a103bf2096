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
        // 5×9 = 45 elements: not a multiple of any SIMD width, so the scalar tail runs too. The second variable enters
        // the loss transposed, so its gradient arrives as a transposed (non-contiguous) tensor.
        var init = RandomArray(3, 5, 9);
        var x = RandomArray(4, 9, 2);
        var y = RandomArray(5, 5, 2);
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
            losses.Add(tf.reduce_sum(tf.square(residual)));
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
}
