using TfRnn;

namespace TfRnn.Tests.Reliability;

/// <summary>
/// Shapes left unknown in the graph that clash only when fed: every op family raises TF's InvalidArgumentError
/// with TF's text and the node's name, and the session stays usable (no process abort from libtorch).
/// </summary>
[TestClass]
public class RunTimeShapeClashTests : TestBase
{
    static Tensor Unknown(int rank = -1) => tf.placeholder(tf.float32, rank < 0 ? null : new Shape(Enumerable.Repeat(-1L, rank).ToArray()));

    static NDArray Ones(params int[] shape) => np.ones(new Shape(shape.Select(d => (long)d).ToArray()), tf.float32);

    /// <summary>Runs <paramref name="fetch"/> expecting TF's error, then checks the session still runs a good feed.</summary>
    static void AssertClash(Tensor fetch, string expected, FeedItem[] bad, FeedItem[]? good = null)
    {
        using var sess = tf.Session();
        var error = Assert.ThrowsExactly<InvalidArgumentError>(() => sess.run(fetch, bad));
        StringAssert.Contains(error.Message, expected);
        StringAssert.Contains(error.Message, $"[[node {fetch.op.name}");
        if (good != null) Assert.IsNotNull(sess.run(fetch, good));
    }

    [TestMethod]
    public void MatMul_InnerDimensionsClashAtRunTime_IsInvalidArgument()
    {
        var (a, b) = (Unknown(2), Unknown(2));
        AssertClash(tf.matmul(a, b), "Matrix size-incompatible: In[0]: [2,3], In[1]: [4,5]",
            new FeedItem[] { (a, Ones(2, 3)), (b, Ones(4, 5)) }, new FeedItem[] { (a, Ones(2, 3)), (b, Ones(3, 5)) });
    }

    [TestMethod]
    public void MatMul_UnknownRankFedAVector_IsInvalidArgument()
    {
        var (a, b) = (Unknown(), Unknown());
        AssertClash(tf.matmul(a, b), "In[0] is not a matrix. Instead it has shape [3]", new FeedItem[] { (a, Ones(3)), (b, Ones(3, 2)) });
    }

    [TestMethod]
    public void BatchMatMul_InnerAndBatchClashes_AreInvalidArgument()
    {
        var (a, b) = (Unknown(3), Unknown(3));
        var product = tf.matmul(a, b, transpose_b: true);
        AssertClash(product, "In[0] mismatch In[1] shape: 3 vs. 2: [2,4,3] [2,5,2] 0 1", new FeedItem[] { (a, Ones(2, 4, 3)), (b, Ones(2, 5, 2)) });
        AssertClash(product, "In[0] and In[1] must have compatible batch dimensions: [2,4,3] vs. [3,5,3]", new FeedItem[] { (a, Ones(2, 4, 3)), (b, Ones(3, 5, 3)) });
    }

    [TestMethod]
    public void BatchMatMul_BroadcastBatchAndSharedMatrix_MatchElementwiseSums()
    {
        var a = tf.constant(new float[,,] { { { 1, 2 } }, { { 3, 4 } } });   // [2, 1, 2]
        var b = tf.constant(new float[,,] { { { 1, 0, 2 }, { 0, 1, 3 } } });  // [1, 2, 3]
        var shared = tf.constant(new float[,] { { 1, 0, 2 }, { 0, 1, 3 } });  // [2, 3]
        var broadcast = Run(tf.matmul(a, b));
        AssertShape(new long[] { 2, 1, 3 }, broadcast);
        AssertClose(new double[] { 1, 2, 8, 3, 4, 18 }, broadcast);
        AssertClose(new double[] { 1, 2, 8, 3, 4, 18 }, Run(tf.matmul(a, shared)));
    }

    [TestMethod]
    public void Elementwise_UnbroadcastableShapes_AreIncompatibleShapes()
    {
        var (a, b) = (Unknown(2), Unknown(2));
        var feeds = new FeedItem[] { (a, Ones(2, 3)), (b, Ones(2, 4)) };
        AssertClash(tf.add(a, b), "Incompatible shapes: [2,3] vs. [2,4]", feeds, new FeedItem[] { (a, Ones(2, 3)), (b, Ones(1, 3)) });
        AssertClash(tf.multiply(a, b), "Incompatible shapes: [2,3] vs. [2,4]", feeds);
        AssertClash(tf.maximum(a, b), "Incompatible shapes: [2,3] vs. [2,4]", feeds);
        AssertClash(tf.add_n(new object[] { a, b }), "Incompatible shapes: [2,3] vs. [2,4]", feeds);
    }

    [TestMethod]
    public void Reshape_WrongElementCount_IsInvalidArgument()
    {
        var a = Unknown(2);
        var dims = tf.placeholder(tf.int32, new Shape(2));
        AssertClash(tf.reshape(a, dims), "Input to reshape is a tensor with 6 values, but the requested shape has 8",
            new FeedItem[] { (a, Ones(2, 3)), (dims, np.array(new[] { 4, 2 })) }, new FeedItem[] { (a, Ones(4, 2)), (dims, np.array(new[] { 4, 2 })) });
        AssertClash(tf.reshape(a, new Shape(-1, 4)), "requested shape requires a multiple of 4", new FeedItem[] { (a, Ones(2, 3)) });
    }

    [TestMethod]
    public void ConcatAndStack_MismatchedInputs_AreInvalidArgument()
    {
        var (a, b) = (Unknown(2), Unknown(2));
        var feeds = new FeedItem[] { (a, Ones(2, 3)), (b, Ones(3, 4)) };
        AssertClash(tf.concat(new object[] { a, b }, 1), "ConcatOp : Dimensions of inputs should match: shape[0] = [2,3] vs. shape[1] = [3,4]", feeds);
        AssertClash(tf.stack(new object[] { a, b }), "Shapes of all inputs must match: values[0].shape = [2,3] != values[1].shape = [3,4]", feeds);
    }

    [TestMethod]
    public void Split_SizesNotMatchingFedAxis_IsInvalidArgument()
    {
        var a = Unknown(2);
        var pieces = tf.split(a, new[] { 1, 2 }, axis: 1);
        AssertClash(pieces[0], "Determined shape must either match input shape along split_dim exactly", new FeedItem[] { (a, Ones(2, 5)) });
        AssertClash(tf.split(a, 2, axis: 1)[0], "Number of ways to split should evenly divide the split dimension", new FeedItem[] { (a, Ones(2, 5)) });
    }

    [TestMethod]
    public void BiasAdd_BiasLengthClash_IsInvalidArgument()
    {
        var (value, bias) = (Unknown(2), Unknown(1));
        AssertClash(tf.nn.bias_add(value, bias), "Must provide as many biases as the last dimension of the input tensor: [3] vs. [2,4]",
            new FeedItem[] { (value, Ones(2, 4)), (bias, Ones(3)) });
    }

    [TestMethod]
    public void Losses_LabelShapeClash_IsInvalidArgument()
    {
        var (logits, labels) = (Unknown(2), Unknown(2));
        AssertClash(tf.nn.softmax_cross_entropy_with_logits_v2(labels: labels, logits: logits),
            "logits and labels must be broadcastable: logits_size=[2,3] labels_size=[2,4]", new FeedItem[] { (logits, Ones(2, 3)), (labels, Ones(2, 4)) });
        var ids = tf.placeholder(tf.int32, new Shape(-1));
        AssertClash(tf.nn.sparse_softmax_cross_entropy_with_logits(labels: ids, logits: logits),
            "logits and labels must have the same first dimension, got logits shape [2,3] and labels shape [3]",
            new FeedItem[] { (logits, Ones(2, 3)), (ids, np.array(new[] { 0, 1, 2 })) });
    }

    [TestMethod]
    public void Reductions_AxisBeyondFedRank_IsInvalidArgument()
    {
        var a = Unknown();
        AssertClash(tf.reduce_sum(a, axis: 2), "Invalid reduction dimension (2 for input with 2 dimension(s)", new FeedItem[] { (a, Ones(2, 3)) });
        AssertClash(tf.argmax(a, axis: 2), "Expected dimension in the range [-2, 2), but got 2", new FeedItem[] { (a, Ones(2, 3)) });
    }

    [TestMethod]
    public void Select_BranchShapesClash_IsInvalidArgument()
    {
        var (x, y) = (Unknown(1), Unknown(1));
        var condition = tf.placeholder(tf.@bool, new Shape(-1));
        AssertClash(tf.where(condition, x, y), "'then' and 'else' must have the same size.  but received: [2] vs. [3]",
            new FeedItem[] { (condition, np.array(new[] { true, false })), (x, Ones(2)), (y, Ones(3)) });
    }

    [TestMethod]
    public void SqueezeAndStridedSlice_FedShapeOutOfRange_IsInvalidArgument()
    {
        var a = Unknown(2);
        AssertClash(tf.squeeze(a, new[] { 1 }), "Can not squeeze dim[1], expected a dimension of 1, got 3", new FeedItem[] { (a, Ones(2, 3)) });
        AssertClash(a["5"], "slice index 5 of dimension 0 out of bounds.", new FeedItem[] { (a, Ones(2, 3)) });
    }

    [TestMethod]
    public void Fill_NegativeFedDims_IsInvalidArgument()
    {
        var dims = tf.placeholder(tf.int32, new Shape(2));
        AssertClash(tf.fill(dims, 1.0f), "Dimension -2 must be >= 0", new FeedItem[] { (dims, np.array(new[] { 3, -2 })) });
    }
}
