using TfRnn;

namespace TfRnn.Tests.Training;

/// <summary>
/// Every op with a gradient, checked against central finite differences in float64: the scalar
/// Σ f(x)·w (w fixed and random, so no symmetry hides an error) is differentiated both ways.
/// </summary>
[TestClass]
public class GradientCheckTests : TestBase
{
    static void Check(Func<Tensor, Tensor> f, long[] shape, double[]? input = null, double tolerance = 1e-6, int seed = 1, double step = 1e-6)
    {
        tf.reset_default_graph();
        var rng = new Random(seed);
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var x0 = input ?? Enumerable.Range(0, (int)count).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var x = tf.placeholder(tf.float64, new Shape(shape), name: "x");
        var fx = f(x);
        var weights = tf.constant(np.array(Enumerable.Range(0, (int)Math.Max(1, fx.shape.size)).Select(_ => rng.NextDouble() + 0.5).ToArray())
            .reshape(fx.shape.as_list()));
        var y = tf.reduce_sum(fx * weights);
        var analytic = tf.gradients(y, x)[0];
        Assert.IsNotNull(analytic, "the op should be differentiable");
        using var sess = tf.Session();
        double Eval(double[] values) => sess.run(y, (x, np.array(values).reshape(shape))).item<double>();
        var expected = new double[count];
        for (int i = 0; i < count; i++)
        {
            var plus = (double[])x0.Clone();
            var minus = (double[])x0.Clone();
            plus[i] += step;
            minus[i] -= step;
            expected[i] = (Eval(plus) - Eval(minus)) / (2 * step);
        }
        AssertClose(expected, sess.run(analytic, (x, np.array(x0).reshape(shape))), tolerance, tolerance);
    }

    static Tensor C(double[,] values) => tf.constant(np.array(values));
    static Tensor C(double[] values) => tf.constant(np.array(values));
    static readonly double[,] Other = { { 0.3, -0.7, 1.1 }, { 0.9, 0.2, -0.4 } };
    static readonly long[] Matrix = { 2, 3 };
    static readonly double[] Positive = { 0.5, 1.5, 2.0, 0.8, 1.2, 3.0 };

    [TestMethod] public void Add() => Check(x => x + C(Other), Matrix);
    [TestMethod] public void Subtract_Broadcast() => Check(x => C(new[] { 1.0, 2, 3 }) - x, Matrix);
    [TestMethod] public void Multiply() => Check(x => x * C(Other), Matrix);
    [TestMethod] public void Divide() => Check(x => C(Other) / x, Matrix, Positive);
    [TestMethod] public void Pow() => Check(x => tf.pow(x, 3.0), Matrix);
    [TestMethod] public void Maximum() => Check(x => tf.maximum(x, C(Other)), Matrix);
    [TestMethod] public void Minimum() => Check(x => tf.minimum(x, C(Other)), Matrix);
    [TestMethod] public void SquaredDifference() => Check(x => tf.squared_difference(x, C(Other)), Matrix);
    [TestMethod] public void Negative() => Check(x => -x, Matrix);
    [TestMethod] public void Abs() => Check(x => tf.abs(x), Matrix);
    [TestMethod] public void Square() => Check(x => tf.square(x), Matrix);
    [TestMethod] public void Sqrt() => Check(x => tf.sqrt(x), Matrix, Positive);
    [TestMethod] public void Rsqrt() => Check(x => tf.rsqrt(x), Matrix, Positive, 1e-5);
    [TestMethod] public void Exp() => Check(x => tf.exp(x), Matrix);
    [TestMethod] public void Log() => Check(x => tf.log(x), Matrix, Positive);
    [TestMethod] public void Tanh() => Check(x => tf.tanh(x), Matrix);
    [TestMethod] public void Sigmoid() => Check(x => tf.sigmoid(x), Matrix);
    [TestMethod] public void Reciprocal() => Check(x => tf.reciprocal(x), Matrix, Positive);
    [TestMethod] public void MatMul() => Check(x => tf.matmul(x, C(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } })), Matrix);
    [TestMethod] public void MatMul_Transposed() => Check(x => tf.matmul(C(Other), x, transpose_b: true), Matrix);
    [TestMethod] public void MatMul_Batched() => Check(x => tf.matmul(x, tf.ones(new Shape(2, 3, 2), tf.float64)), new long[] { 2, 2, 3 });
    [TestMethod] public void ReduceSum() => Check(x => tf.reduce_sum(x, 1), Matrix);
    [TestMethod] public void ReduceMean() => Check(x => tf.reduce_mean(x, 0, keepdims: true), Matrix);
    [TestMethod] public void ReduceMax() => Check(x => tf.reduce_max(x, 1), Matrix);
    [TestMethod] public void ReduceMin() => Check(x => tf.reduce_min(x), Matrix);
    [TestMethod] public void ReduceProd() => Check(x => tf.reduce_prod(x, 1), Matrix);
    [TestMethod] public void Softmax() => Check(x => tf.nn.softmax(x), Matrix);
    [TestMethod] public void LogSoftmax() => Check(x => tf.nn.log_softmax(x), Matrix);
    [TestMethod] public void Relu() => Check(x => tf.nn.relu(x), Matrix);
    [TestMethod] public void BiasAdd() => Check(x => tf.nn.bias_add(C(Other), tf.reduce_sum(x, 0)), Matrix);
    [TestMethod] public void XwPlusB() => Check(x => tf.nn.xw_plus_b(C(Other), tf.transpose(x), C(new[] { 0.1, 0.2 })), Matrix);
    [TestMethod] public void Gather() => Check(x => tf.gather(x, tf.constant(new[] { 1, 1, 0 })), Matrix);
    [TestMethod] public void EmbeddingLookup() => Check(x => tf.nn.embedding_lookup(x, tf.constant(new[,] { { 0, 1 }, { 1, 1 } })), Matrix);
    [TestMethod] public void EmbeddingLookup_MaxNorm() => Check(x => tf.nn.embedding_lookup(x * 3.0, tf.constant(new[] { 0, 1 }), max_norm: 1.0), Matrix, tolerance: 1e-5);
    [TestMethod] public void Reshape() => Check(x => tf.reshape(x, new[] { 3, 2 }) * C(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }), Matrix);
    [TestMethod] public void Transpose() => Check(x => tf.transpose(x) * C(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }), Matrix);
    [TestMethod] public void Split() => Check(x => tf.split(x, new[] { 1, 2 }, axis: 1)[1], Matrix);
    [TestMethod] public void Squeeze() => Check(x => tf.squeeze(x), new long[] { 1, 3 });
    [TestMethod] public void ExpandDims() => Check(x => tf.expand_dims(x, 1), Matrix);
    [TestMethod] public void Concat() => Check(x => tf.concat(new object[] { x, tf.square(x) }, 0), Matrix);
    [TestMethod] public void Stack() => Check(x => tf.stack(new object[] { x, x * 2.0 }, 1), Matrix);
    [TestMethod] public void Unstack() => Check(x => tf.unstack(x)[1], Matrix);
    [TestMethod] public void Slice() => Check(x => tf.slice(x, new[] { 0, 1 }, new[] { 2, 2 }), Matrix);
    [TestMethod] public void StridedSlice() => Check(x => x[":", -1], Matrix);
    [TestMethod] public void Tile() => Check(x => tf.tile(x, new[] { 2, 1 }), Matrix);
    [TestMethod] public void Reverse() => Check(x => tf.reverse(x, new[] { 1 }), Matrix);
    [TestMethod] public void ReverseSequence() => Check(x => tf.reverse_sequence(x, tf.constant(new[] { 2, 3 }), seq_axis: 1), Matrix);
    [TestMethod] public void Select() => Check(x => tf.where(tf.constant(new[,] { { true, false, true }, { false, true, false } }), x, tf.square(x)), Matrix);
    [TestMethod] public void Identity() => Check(x => tf.identity(x), Matrix);
    [TestMethod] public void AddN() => Check(x => tf.add_n(new object[] { x, tf.square(x), x }), Matrix);
    [TestMethod] public void ClipByValue() => Check(x => tf.clip_by_value(x, -0.5, 0.5), Matrix, new[] { -0.9, -0.2, 0.1, 0.7, 0.3, -0.6 });
    [TestMethod] public void ClipByNorm() => Check(x => tf.clip_by_norm(x, 0.5), Matrix);
    [TestMethod] public void ClipByGlobalNorm() => Check(x => tf.clip_by_global_norm(new[] { x, tf.square(x) }, 0.5).list_clipped[1]!, Matrix, tolerance: 1e-5);
    [TestMethod] public void GlobalNorm() => Check(x => tf.global_norm(new[] { x, x * 2.0 }), Matrix);
    [TestMethod] public void SoftmaxCrossEntropy() =>
        Check(x => tf.nn.softmax_cross_entropy_with_logits(C(new double[,] { { 0.2, 0.3, 0.5 }, { 1, 0, 0 } }), x), Matrix);
    [TestMethod] public void SoftmaxCrossEntropyV2_Labels() =>
        Check(x => tf.nn.softmax_cross_entropy_with_logits_v2(tf.nn.softmax(x), C(Other)), Matrix);
    [TestMethod] public void SparseSoftmaxCrossEntropy() => Check(x => tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant(new[] { 2, 0 }), x), Matrix);
    [TestMethod] public void SequenceLoss() => Check(x => tf.contrib.legacy_seq2seq.sequence_loss(new[] { x, x * 2.0 },
        new[] { tf.constant(new[] { 1, 2 }), tf.constant(new[] { 0, 0 }) }, new[] { tf.ones(new Shape(2), tf.float64), tf.ones(new Shape(2), tf.float64) }), Matrix);
    // A float32 round trip is linear, so a large step keeps float32 rounding out of the difference quotient.
    [TestMethod] public void Cast() => Check(x => tf.cast(tf.cast(x, tf.float32), tf.float64) * 3.0, Matrix, tolerance: 1e-5, step: 0.25);
    [TestMethod] public void Dropout_KeepProbOneAtRunTime() => Check(x => tf.nn.dropout(x, tf.identity(tf.constant(1.0, tf.float64))), Matrix);
}
