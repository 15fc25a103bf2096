namespace TfRnn;

/// <summary>
/// One feed of <c>Session.run</c>: a key (placeholder or any feedable tensor, variable, tensor name, or a
/// nest of tensors) and its value (NDArray, C# scalar or array, torch tensor, or a nest of values).
/// </summary>
public readonly struct FeedItem
{
    /// <summary>Feeds <paramref name="value"/> to <paramref name="key"/>.</summary>
    public FeedItem(object key, object value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>What is fed: a placeholder or other tensor, a variable, a tensor name or a nest of tensors.</summary>
    public object Key { get; }
    /// <summary>The value fed, converted to the key's dtype as TF1 does when the step runs.</summary>
    public object Value { get; }

    /// <summary>A <c>(key, value)</c> tuple as a feed: <c>sess.run(loss, (x, 3.0), (y, 9.0))</c>.</summary>
    public static implicit operator FeedItem((object key, object value) feed) => new(feed.key, feed.value);
    /// <summary>A feed_dict entry as a feed.</summary>
    public static implicit operator FeedItem(KeyValuePair<object, object> feed) => new(feed.Key, feed.Value);
}
