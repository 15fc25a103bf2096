using TfRnn;

namespace TfRnn.Tests.NumPy;

[TestClass]
public class NDArrayTests
{
    [TestMethod]
    public void Conversions_FromCSharpValues()
    {
        NDArray scalar = 2.5f;
        Assert.AreEqual(0, scalar.ndim);
        Assert.AreEqual(tf.float32, scalar.dtype);
        NDArray matrix = new double[,] { { 1, 2 }, { 3, 4 } };
        CollectionAssert.AreEqual(new long[] { 2, 2 }, matrix.shape.dims);
        Assert.AreEqual(tf.float64, matrix.dtype);
        NDArray jagged = new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } };
        CollectionAssert.AreEqual(new long[] { 2, 3 }, jagged.shape.dims);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6 }, jagged.ToArray<int>());
        Assert.ThrowsExactly<ValueError>(() => NDArray.FromObject(new[] { new[] { 1 }, new[] { 1, 2 } }));
    }

    [TestMethod]
    public void Conversions_ToScalarsAndArrays()
    {
        var a = np.array(new float[] { 1.5f });
        Assert.AreEqual(1.5f, (float)a);
        Assert.AreEqual(1.5, (double)a);
        Assert.AreEqual(1, (int)np.array(new[] { 1.9 }), "float to int truncates");
        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, (double[])np.array(new float[] { 1, 2 }));
        Assert.ThrowsExactly<ValueError>(() => (float)np.array(new float[] { 1, 2 }));
    }

    [TestMethod]
    public void Indexing_GetsAndSetsBlocks()
    {
        var a = np.arange(6).reshape(2, 3);
        CollectionAssert.AreEqual(new long[] { 3, 4, 5 }, a[1].ToArray<long>());
        Assert.AreEqual(5L, (long)a[1, 2]);
        Assert.AreEqual(5L, (long)a[-1, -1]);
        a[0] = np.array(new long[] { 7, 8, 9 });
        a[1, 0] -= 10;
        CollectionAssert.AreEqual(new long[] { 7, 8, 9, -7, 4, 5 }, a.ToArray<long>());
        Assert.AreEqual(4L, a.GetValue<long>(1, 1));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => a[2]);
    }

    [TestMethod]
    public void ToString_LooksLikeNumPy()
    {
        Assert.AreEqual("[1. 2. 3.]", np.array(new double[] { 1, 2, 3 }).ToString());
        Assert.AreEqual("[[1 2]\n [3 4]]", np.array(new[,] { { 1, 2 }, { 3, 4 } }).ToString());
        Assert.AreEqual("[0.5  1.25]", np.array(new double[] { 0.5, 1.25 }).ToString());
        Assert.AreEqual("[ True False]", np.array(new[] { true, false }).ToString());
        Assert.AreEqual("3.5", NDArray.Scalar(3.5).ToString());
        Assert.AreEqual("[   0    1    2 ... 1997 1998 1999]", np.arange(2000).ToString());
        Assert.AreEqual("[1.e-05 1.e+00]", np.array(new[] { 1e-5, 1.0 }).ToString());
        Assert.AreEqual("[1.0e+05 1.5e+00]", np.array(new[] { 100000.0, 1.5 }).ToString());
        Assert.AreEqual("[-1.5  2. ]", np.array(new[] { -1.5, 2.0 }).ToString());
        Assert.AreEqual("[[0.1  0.25]\n [3.   4.  ]]", np.array(new[,] { { 0.1, 0.25 }, { 3, 4 } }).ToString());
        Assert.AreEqual("[0.1 0.1]", np.array(new[] { 0.1f, 0.1f }).ToString());
    }

    [TestMethod]
    public void Arithmetic_BroadcastsAndKeepsFloat32WithScalars()
    {
        var a = np.array(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var row = np.array(new float[] { 10, 20, 30 });
        CollectionAssert.AreEqual(new float[] { 11, 22, 33, 14, 25, 36 }, (a + row).ToArray<float>());
        var column = np.array(new float[,] { { 1 }, { 2 } });
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 8, 10, 12 }, (a * column).ToArray<float>());
        Assert.AreEqual(tf.float32, (a * 2.0).dtype);
        CollectionAssert.AreEqual(new float[] { 0, -1, -2, -3, -4, -5 }, (1.0 - a).ToArray<float>());
        Assert.AreEqual(tf.float64, (np.array(new[] { 1, 2 }) / 2.0).dtype);
        Assert.ThrowsExactly<ValueError>(() => a + np.array(new float[] { 1, 2 }));
    }

    [TestMethod]
    public void Functions_DotOuterClipCumsumSearchsorted()
    {
        var w = np.array(new double[,] { { 1, 2 }, { 3, 4 } });
        var x = np.array(new double[,] { { 5 }, { 6 } });
        CollectionAssert.AreEqual(new double[] { 17, 39 }, np.dot(w, x).ToArray<double>());
        Assert.AreEqual(11.0, (double)np.dot(np.array(new double[] { 1, 2 }), np.array(new double[] { 3, 4 })));
        CollectionAssert.AreEqual(new double[] { 3, 4, 6, 8 }, np.outer(np.array(new double[] { 1, 2 }), np.array(new double[] { 3, 4 })).ToArray<double>());
        var d = np.array(new double[] { -9, 0.5, 9 });
        np.clip(d, -5, 5, @out: d);
        CollectionAssert.AreEqual(new double[] { -5, 0.5, 5 }, d.ToArray<double>());
        var c = np.cumsum(np.array(new double[] { 0.2, 0.3, 0.5 }));
        Assert.AreEqual(1, np.searchsorted(c, 0.4));
        Assert.AreEqual(0, np.searchsorted(c, 0.2));
        Assert.AreEqual(2, np.searchsorted(c, 0.75));
        CollectionAssert.AreEqual(new double[] { 1, 3, 2, 4 }, w.T.ToArray<double>());
    }

    [TestMethod]
    public void Reductions_AndElementwiseMath()
    {
        var a = np.array(new double[,] { { 1, 5, 3 }, { 4, 2, 6 } });
        Assert.AreEqual(21.0, (double)np.sum(a));
        CollectionAssert.AreEqual(new double[] { 5, 7, 9 }, np.sum(a, 0).ToArray<double>());
        CollectionAssert.AreEqual(new double[] { 3, 4 }, np.mean(a, 1).ToArray<double>());
        Assert.AreEqual(5L, (long)np.argmax(a));
        CollectionAssert.AreEqual(new long[] { 1, 2 }, np.argmax(a, 1).ToArray<long>());
        Assert.AreEqual(6.0, (double)np.max(a));
        var e = np.exp(np.array(new double[] { 0, 1 }));
        Assert.AreEqual(Math.E, e.GetValue<double>(1), 1e-12);
        Assert.AreEqual(Math.Tanh(0.5), np.tanh(np.array(new float[] { 0.5f })).GetValue<float>(0), 1e-6);
        Assert.AreEqual(tf.float32, np.log(np.array(new float[] { 1 })).dtype);
    }

    [TestMethod]
    public void Random_IsSeededAndChoiceFollowsProbabilities()
    {
        np.random.seed(42);
        var a = np.random.randn(3, 2);
        np.random.seed(42);
        CollectionAssert.AreEqual(a.ToArray<double>(), np.random.randn(3, 2).ToArray<double>());
        var counts = new int[3];
        var p = np.array(new double[] { 0.1, 0.0, 0.9 });
        for (int i = 0; i < 5000; i++) counts[np.random.choice(3, p)]++;
        Assert.AreEqual(0, counts[1]);
        Assert.AreEqual(0.9, counts[2] / 5000.0, 0.03);
        var samples = np.random.randn(20000).ToArray<double>();
        Assert.AreEqual(0.0, samples.Average(), 0.05);
        Assert.AreEqual(1.0, Math.Sqrt(samples.Select(v => v * v).Average()), 0.05);
    }

    [TestMethod]
    public void FeedAndFetch_RoundTripThroughTheEngine()
    {
        var x = tf.placeholder(tf.float64, new Shape(2, 2));
        using var sess = tf.Session();
        var input = np.array(new double[,] { { 1.25, -2 }, { 3, 4.5 } });
        var output = sess.run(tf.identity(x), (x, input));
        Assert.AreEqual(tf.float64, output.dtype);
        CollectionAssert.AreEqual(input.ToArray<double>(), output.ToArray<double>());
        CollectionAssert.AreEqual(input.shape.dims, output.shape.dims);
        var b = tf.placeholder(tf.@bool, new Shape(2));
        CollectionAssert.AreEqual(new[] { true, false }, sess.run(tf.identity(b), (b, new[] { true, false })).ToArray<bool>());
        var torchFeed = TorchSharp.torch.tensor(new double[] { 7, 8, 9, 10 }, new long[] { 2, 2 });
        CollectionAssert.AreEqual(new double[] { 7, 8, 9, 10 }, sess.run(tf.identity(x), (x, torchFeed)).ToArray<double>());
    }
}

[TestClass]
public class NDArrayInPlaceTests
{
    [TestMethod]
    public void CompoundAssignment_UpdatesInPlaceLikeNumPy()
    {
        var mem = np.zeros(new Shape(2, 2));
        var alias = mem;
        var grad = np.array(new double[,] { { 1, 2 }, { 3, 4 } });
        mem += grad * grad;
        Assert.AreSame(alias, mem, "the same array object is updated");
        CollectionAssert.AreEqual(new double[] { 1, 4, 9, 16 }, alias.ToArray<double>());
        mem -= 1;
        mem /= np.array(new double[] { 1, 3 });
        CollectionAssert.AreEqual(new double[] { 0, 1, 8, 5 }, alias.ToArray<double>());
        var ints = np.array(new[] { 1, 2 });
        ints *= 3;
        CollectionAssert.AreEqual(new[] { 3, 6 }, ints.ToArray<int>());
        Assert.ThrowsExactly<ValueError>(() => { var v = np.zeros(new Shape(2)); v += np.zeros(new Shape(2, 2)); });
    }
}
