namespace TfRnn;

/// <summary>
/// One feed of <c>Session.run</c>: a key (placeholder or any feedable tensor, variable, tensor name, or a
/// nest of tensors) and its value (NDArray, C# scalar or array, torch tensor, or a nest of values).
/// </summary>
public readonly struct FeedItem
{
    public FeedItem(object key, object value)
    {
        Key = key;
        Value = value;
    }

    public object Key { get; }
    public object Value { get; }

    public static implicit operator FeedItem((object key, object value) feed) => new(feed.key, feed.value);
    public static implicit operator FeedItem(KeyValuePair<object, object> feed) => new(feed.Key, feed.Value);
}
