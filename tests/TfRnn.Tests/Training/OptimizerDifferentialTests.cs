using TfRnn;

namespace TfRnn.Tests.Training;

/// <summary>
/// Each optimizer runs 20 steps on loss = Σ (W·x − y)² (float64 variables) and is compared after every
/// step with TensorFlow's update formula written out here, independently of the library.
/// </summary>
[TestClass]
public class OptimizerDifferentialTests : TestBase
{
    static readonly double[] W0 = { 0.5, -0.3, 0.8, 0.1, 0.4, -0.6 };   // [2,3]
    static readonly double[] X = { 1.0, -2.0, 0.5 };                    // [3,1]
    static readonly double[] Y = { 0.7, -1.2 };                         // [2,1]
    const int Steps = 20;

    /// <summary>Hyperparameters reach the kernels as float32 tensors (C# doubles become float32, like Python floats), then widen.</summary>
    static double F(double value) => (float)value;

    /// <summary>dL/dW = 2·(W·x − y)·xᵀ.</summary>
    static double[] Gradient(double[] w)
    {
        var g = new double[6];
        for (int r = 0; r < 2; r++)
        {
            double residual = -Y[r];
            for (int c = 0; c < 3; c++) residual += w[r * 3 + c] * X[c];
            for (int c = 0; c < 3; c++) g[r * 3 + c] = 2 * residual * X[c];
        }
        return g;
    }

    /// <summary>Runs the library optimizer and the reference side by side; <paramref name="reference"/> updates w in place from (w, g, step).</summary>
    static void Compare(Func<Optimizer> optimizer, Action<double[], double[], int> reference, double tolerance = 1e-9)
    {
        var w = tf.Variable(np.array(W0).reshape(2, 3), name: "W");
        var loss = tf.reduce_sum(tf.square(tf.matmul(w, tf.constant(np.array(X).reshape(3, 1))) - tf.constant(np.array(Y).reshape(2, 1))));
        var train = optimizer().minimize(loss);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var expected = (double[])W0.Clone();
        for (int step = 1; step <= Steps; step++)
        {
            reference(expected, Gradient(expected), step);
            sess.run(train);
            AssertClose(expected, sess.run(w), tolerance, tolerance, $"after step {step}");
        }
    }

    [TestMethod]
    public void GradientDescent_MatchesFormula() =>
        Compare(() => tf.train.GradientDescentOptimizer(0.05), (w, g, _) =>
        {
            for (int i = 0; i < w.Length; i++) w[i] -= F(0.05) * g[i];
        });

    [TestMethod]
    public void Adam_MatchesFormula()
    {
        var m = new double[6];
        var v = new double[6];
        float beta1Power = 0.9f, beta2Power = 0.999f;   // TF keeps these accumulators in float32
        Compare(() => tf.train.AdamOptimizer(0.01), (w, g, _) =>
        {
            double alpha = F(0.01) * Math.Sqrt(1 - beta2Power) / (1 - beta1Power);
            for (int i = 0; i < w.Length; i++)
            {
                m[i] = F(0.9) * m[i] + (1 - F(0.9)) * g[i];
                v[i] = F(0.999) * v[i] + (1 - F(0.999)) * g[i] * g[i];
                w[i] -= alpha * m[i] / (Math.Sqrt(v[i]) + F(1e-8));
            }
            beta1Power *= 0.9f;
            beta2Power *= 0.999f;
        });
    }

    [TestMethod]
    public void Adagrad_MatchesFormula()
    {
        var accumulator = Enumerable.Repeat(0.1, 6).ToArray();   // the slot is float64 like the variable
        Compare(() => tf.train.AdagradOptimizer(0.1), (w, g, _) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                accumulator[i] += g[i] * g[i];
                w[i] -= F(0.1) * g[i] / Math.Sqrt(accumulator[i]);
            }
        });
    }

    [TestMethod]
    public void RMSProp_WithMomentum_MatchesFormula()
    {
        var ms = Enumerable.Repeat(1.0, 6).ToArray();
        var mom = new double[6];
        Compare(() => tf.train.RMSPropOptimizer(0.01, decay: 0.9, momentum: 0.5), (w, g, _) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                ms[i] = F(0.9) * ms[i] + (1 - F(0.9)) * g[i] * g[i];
                mom[i] = F(0.5) * mom[i] + F(0.01) * g[i] / Math.Sqrt(ms[i] + F(1e-10));
                w[i] -= mom[i];
            }
        });
    }

    [TestMethod]
    public void RMSProp_Centered_MatchesFormula()
    {
        var ms = Enumerable.Repeat(1.0, 6).ToArray();
        var mg = new double[6];
        var mom = new double[6];
        Compare(() => tf.train.RMSPropOptimizer(0.01, decay: 0.9, momentum: 0.2, centered: true), (w, g, _) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                ms[i] = F(0.9) * ms[i] + (1 - F(0.9)) * g[i] * g[i];
                mg[i] = F(0.9) * mg[i] + (1 - F(0.9)) * g[i];
                mom[i] = F(0.2) * mom[i] + F(0.01) * g[i] / Math.Sqrt(ms[i] - mg[i] * mg[i] + F(1e-10));
                w[i] -= mom[i];
            }
        });
    }

    [TestMethod]
    public void Momentum_MatchesFormula()
    {
        var accumulator = new double[6];
        Compare(() => tf.train.MomentumOptimizer(0.01, 0.9), (w, g, _) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                accumulator[i] = F(0.9) * accumulator[i] + g[i];
                w[i] -= F(0.01) * accumulator[i];
            }
        });
    }

    [TestMethod]
    public void Momentum_Nesterov_MatchesFormula()
    {
        var accumulator = new double[6];
        Compare(() => tf.train.MomentumOptimizer(0.01, 0.9, use_nesterov: true), (w, g, _) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                accumulator[i] = F(0.9) * accumulator[i] + g[i];
                w[i] -= F(0.01) * g[i] + F(0.01) * F(0.9) * accumulator[i];
            }
        });
    }

    [TestMethod]
    public void LearningRateVariable_AssignedBetweenSteps_IsUsed()
    {
        // The slides assign the learning rate every epoch: lr = base · decay^epoch.
        var lr = tf.Variable(0.05f, trainable: false, name: "lr");
        var decayed = tf.placeholder(tf.float32, Shape.scalar());
        var assignLr = tf.assign(lr, decayed);
        var w = tf.Variable(np.array(W0).reshape(2, 3), name: "W");
        var loss = tf.reduce_sum(tf.square(tf.matmul(w, tf.constant(np.array(X).reshape(3, 1))) - tf.constant(np.array(Y).reshape(2, 1))));
        var train = tf.train.GradientDescentOptimizer(lr).minimize(loss);
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var expected = (double[])W0.Clone();
        for (int epoch = 0; epoch < 5; epoch++)
        {
            float rate = (float)(0.05 * Math.Pow(0.5, epoch));
            sess.run(assignLr, (decayed, rate));
            var g = Gradient(expected);
            for (int i = 0; i < 6; i++) expected[i] -= rate * g[i];
            sess.run(train);
        }
        AssertClose(expected, sess.run(w), 1e-12, 1e-12);
    }
}
