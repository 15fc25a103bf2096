using System.Collections;
using TfRnn;

namespace TfRnn.Tests.Core;

/// <summary>Every fetch form of TF1's <c>sess.run</c>, each with (key, value) feed items and with a feed_dict dictionary.</summary>
[TestClass]
public class SessionFetchFormTests : TestBase
{
    Tensor _x = null!, _y = null!, _sum = null!, _product = null!;
    LSTMStateTuple _state = null!;

    [TestInitialize]
    public void BuildGraph()
    {
        _x = tf.placeholder(tf.float32, new Shape(2), name: "x");
        _y = tf.placeholder(tf.float32, new Shape(2), name: "y");
        _sum = tf.add(_x, _y, name: "sum");
        _product = tf.multiply(_x, _y, name: "product");
        _state = new LSTMStateTuple(_x * 2.0, _y - 1.0);
    }

    // x = [1, 2], y = [3, 5]: sum [4, 7], product [3, 10], state (c = 2x = [2, 4], h = y − 1 = [2, 4]).
    static readonly float[] X = { 1, 2 }, Y = { 3, 5 };
    FeedItem[] Items => new FeedItem[] { (_x, X), (_y, Y) };
    IDictionary FeedDict => new Dictionary<object, object> { [_x] = X, ["y:0"] = Y };

    [TestMethod]
    public void Single_BothFeedForms()
    {
        using var sess = tf.Session();
        CollectionAssert.AreEqual(new[] { 4f, 7f }, sess.run(_sum, Items).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 4f, 7f }, sess.run(_sum, FeedDict).ToArray<float>());
        CollectionAssert.AreEqual(new[] { 3f, 10f }, sess.run("product:0", FeedDict)!.ToArray<float>());
    }

    [TestMethod]
    public void Tuple_BothFeedForms()
    {
        using var sess = tf.Session();
        foreach (var (sum, product, state) in new[] { sess.run((_sum, _product, _state), Items), sess.run((_sum, _product, _state), FeedDict) })
        {
            CollectionAssert.AreEqual(new[] { 4f, 7f }, sum.ToArray<float>());
            CollectionAssert.AreEqual(new[] { 3f, 10f }, product.ToArray<float>());
            CollectionAssert.AreEqual(new[] { 2f, 4f }, state.c.ToArray<float>());
        }
        var (a, b) = sess.run((_sum, _product), FeedDict);
        CollectionAssert.AreEqual(new[] { 4f, 7f, 3f, 10f }, a.ToArray<float>().Concat(b.ToArray<float>()).ToArray());
    }

    [TestMethod]
    public void List_BothFeedForms()
    {
        using var sess = tf.Session();
        var byItems = sess.run(new[] { _sum, _product }, Items);
        var byDict = sess.run(new[] { _sum, _product }, FeedDict);
        foreach (var results in new[] { byItems, byDict })
        {
            CollectionAssert.AreEqual(new[] { 4f, 7f }, results[0]!.ToArray<float>());
            CollectionAssert.AreEqual(new[] { 3f, 10f }, results[1]!.ToArray<float>());
        }
        // A mixed list (tensor, nest, name) as Python's sess.run([cost, state, "sum:0"], feed_dict).
        var mixed = sess.run(new object[] { _product, _state, "sum:0" }, FeedDict);
        CollectionAssert.AreEqual(new[] { 2f, 4f }, ((Nest<NDArray>)mixed[1]!).h.ToArray<float>());
        CollectionAssert.AreEqual(new[] { 4f, 7f }, ((NDArray)mixed[2]!).ToArray<float>());
    }

    [TestMethod]
    public void Nest_BothFeedForms()
    {
        using var sess = tf.Session();
        var nest = Nest<Tensor>.Tuple(_state, _sum);
        foreach (var result in new[] { sess.run(nest, Items), sess.run(nest, FeedDict) })
        {
            Assert.AreEqual(NestKind.LSTMStateTuple, result[0].kind);
            CollectionAssert.AreEqual(new[] { 2f, 4f }, result[0].c.ToArray<float>());
            CollectionAssert.AreEqual(new[] { 4f, 7f }, result[1].Leaf.ToArray<float>());
        }
    }

    /// <summary>PTB's run_epoch: <c>vals = session.run({"cost": cost, "final_state": state}, feed_dict)</c>.</summary>
    [TestMethod]
    public void Dictionary_ReturnsSameKeys_BothFeedForms()
    {
        var init = tf.global_variables_initializer();
        using var sess = tf.Session();
        var fetches = new Dictionary<string, object> { ["cost"] = _sum, ["final_state"] = _state, ["init"] = init, ["pair"] = new[] { _product, _sum } };
        foreach (var vals in new[] { sess.run(fetches, Items), sess.run(fetches, FeedDict) })
        {
            CollectionAssert.AreEqual(new[] { "cost", "final_state", "init", "pair" }, vals.Keys.ToArray());
            CollectionAssert.AreEqual(new[] { 4f, 7f }, ((NDArray)vals["cost"]!).ToArray<float>());
            CollectionAssert.AreEqual(new[] { 2f, 4f }, ((Nest<NDArray>)vals["final_state"]!).c.ToArray<float>());
            Assert.IsNull(vals["init"]);
            var pair = (object?[])vals["pair"]!;
            CollectionAssert.AreEqual(new[] { 3f, 10f }, ((NDArray)pair[0]!).ToArray<float>());
        }
        var typed = sess.run(new Dictionary<string, Tensor> { ["product"] = _product }, FeedDict);
        CollectionAssert.AreEqual(new[] { 3f, 10f }, ((NDArray)typed["product"]!).ToArray<float>());
    }

    [TestMethod]
    public void Dictionary_NonStringKey_IsRejected()
    {
        using var sess = tf.Session();
        var fetches = new Dictionary<object, object> { [1] = _sum };
        Assert.ThrowsExactly<TypeError>(() => sess.run(new object[] { fetches }, Items));
    }
}
