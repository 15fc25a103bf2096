using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>Feeds convert as TF1's <c>np.asarray(value, dtype=placeholder.dtype)</c> does.</summary>
[TestClass]
public class FeedConversionTests : TestBase
{
    /// <summary>char-rnn's sample(): <c>x = np.zeros((1, 1))</c> (float64) fed to an int32 input placeholder.</summary>
    [TestMethod]
    public void Float64ZerosIntoInt32_IsAcceptedAndCast()
    {
        var input = tf.placeholder(tf.int32, new Shape(1, 1), name: "input_data");
        var x = np.zeros(new Shape(1, 1));
        x[0, 0] = 3.0;
        using var sess = tf.Session();
        var result = sess.run(input + 1, (input, x));
        Assert.AreEqual(TF_DataType.TF_INT32, result.dtype);
        CollectionAssert.AreEqual(new[] { 4 }, result.ToArray<int>());
    }

    /// <summary>np.asarray([1.7, -1.7], dtype=np.int32) is [1, -1]: truncation toward zero.</summary>
    [TestMethod]
    public void FloatsIntoInt_TruncateTowardZero()
    {
        var ids = tf.placeholder(tf.int32, new Shape(2), name: "ids");
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new[] { 1, -1 }, sess.run(tf.identity(ids), (ids, new[] { 1.7, -1.7 })).ToArray<int>());
        CollectionAssert.AreEqual(new[] { 1, -1 }, sess.run(tf.identity(ids), (ids, TorchSharp.torch.tensor(new[] { 1.7f, -1.7f }))).ToArray<int>());
    }

    /// <summary>np.asarray([True, False], dtype=np.float32) is [1., 0.].</summary>
    [TestMethod]
    public void BoolsIntoFloat_BecomeOneAndZero()
    {
        var p = tf.placeholder(tf.float32, new Shape(2));
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new[] { 1f, 0f }, sess.run(tf.identity(p), (p, new[] { true, false })).ToArray<float>());
    }

    [TestMethod]
    public void OutOfRangeInteger_IsInvalidArgumentNotOverflow()
    {
        var p = tf.placeholder(tf.int32, new Shape(2), name: "counts");
        using var sess = tf.Session();
        foreach (object value in new object[] { new[] { 1L, 3_000_000_000L }, TorchSharp.torch.tensor(new[] { 1L, 3_000_000_000L }) })
        {
            var error = Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(tf.identity(p), (p, value)));
            StringAssert.StartsWith(error.Message, "Type of feed value 3000000000 with type int64 is not compatible with Tensor type <dtype: 'int32'>");
            StringAssert.Contains(error.Message, "'counts:0'");
        }
    }

    [TestMethod]
    public void StringIntoNumber_IsRefused()
    {
        var p = tf.placeholder(tf.float32, new Shape(1), name: "p");
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<TypeError>(() => sess.run(tf.identity(p), (p, new[] { "a" })));
        StringAssert.Contains(error.Message, "'p:0'");
    }
}
