using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>Collection expressions where the array and reduction ops take values, sizes, axes and tables.</summary>
[TestClass]
public class TensorLikeArrayOpsTests : TestBase
{
    [TestMethod]
    public void Reductions_TakeAxisLists()
    {
        var x = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        CollectionAssert.AreEqual(new[] { 6f, 15f }, Run(tf.reduce_sum(x, [1])).ToArray<float>());
        Assert.AreEqual(21f, (float)Run(tf.reduce_sum(x, [0, 1])));
        CollectionAssert.AreEqual(new[] { 4f, 5f, 6f }, Run(tf.reduce_max(x, 0)).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 2.5f, 3.5f, 4.5f }, Run(tf.reduce_mean(x, new[] { 0 })).ToArray<float>());
        Assert.AreEqual(21f, (float)Run(tf.reduce_sum(x)));
        Assert.ThrowsExactly<TypeError>(() => tf.reduce_sum(x, [0.5f]));
    }

    [TestMethod]
    public void Split_TakesASizeList()
    {
        var x = tf.constant(new[] { 1f, 2f, 3f, 4f, 5f });
        var parts = tf.split(x, [2, 3]);
        Assert.AreEqual(2, parts.Length);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, Run(parts[0]).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 3f, 4f, 5f }, Run(parts[1]).ToArray<float>());
        Assert.AreEqual(5, tf.split(x, 5).Length);
    }

    [TestMethod]
    public void GatherAndEmbeddingLookup_TakeListTables()
    {
        CollectionAssert.AreEqual(new[] { 30f, 10f }, Run(tf.gather([10f, 20f, 30f], [2, 0])).ToArray<float>());
        var shard0 = tf.constant(new float[,] { { 0, 0 }, { 2, 2 } });   // "mod": ids 0 and 2
        var shard1 = tf.constant(new float[,] { { 1, 1 } });             // id 1
        var rows = tf.nn.embedding_lookup([shard0, shard1], [2, 1, 0]);
        CollectionAssert.AreEqual(new[] { 2f, 2f, 1f, 1f, 0f, 0f }, Run(rows).ToArray<float>());
    }

    [TestMethod]
    public void WhereRangeFillBiasAdd_TakeLists()
    {
        var picked = tf.where([true, false, true], [1f, 2f, 3f], [10f, 20f, 30f]);
        CollectionAssert.AreEqual(new[] { 1f, 20f, 3f }, Run(picked).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 0L, 2L }, Run(tf.where([true, false, true])).ToArray<long>());
        CollectionAssert.AreEqual(new[] { 1, 3 }, Run(tf.range(1, tf.constant(5), 2)).ToArray<int>());
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, Run(tf.range(3)).ToArray<int>());
        CollectionAssert.AreEqual(new[] { 7f, 7f, 7f, 7f }, Run(tf.fill([2, 2], tf.constant(7f))).ToArray<float>());
        var biased = tf.nn.bias_add(new float[,] { { 1, 2 }, { 3, 4 } }, [10f, 20f]);
        CollectionAssert.AreEqual(new[] { 11f, 22f, 13f, 24f }, Run(biased).ToArray<float>());
    }

    [TestMethod]
    public void ConcatStackAddN_TakeCollectionExpressionsOfTensorsAndArrays()
    {
        var a = tf.constant(new float[,] { { 1, 2 } });
        var joined = tf.concat([a, new float[,] { { 3, 4 } }], 0);                // a tensor and a C# array
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f, 4f }, Run(joined).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 2f, 1f, 2f }, Run(tf.concat([a, a], 1)).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, Run(tf.concat(a, 0)).ToArray<float>());   // one tensor: identity
        var stacked = tf.stack([new[] { 1f, 2f }, new[] { 3f, 4f }], axis: 1);
        Assert.AreEqual(new Shape(2, 2), stacked.shape);
        CollectionAssert.AreEqual(new[] { 1f, 3f, 2f, 4f }, Run(stacked).ToArray<float>());
        var v = tf.Variable(new[] { 1f, 1f });
        var sum = tf.add_n([v, new[] { 2f, 3f }, tf.constant(new[] { 10f, 10f })]);   // variable, array, tensor
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        CollectionAssert.AreEqual(new[] { 13f, 14f }, sess.run(sum).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 2f, 2f }, sess.run(tf.add_n(new List<Tensor> { v.value(), v.value() })).ToArray<float>());
    }
}
