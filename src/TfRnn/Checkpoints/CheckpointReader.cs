namespace TfRnn;

/// <summary>TF's <c>tf.train.NewCheckpointReader</c>: names, shapes, dtypes and values of a checkpoint's tensors.</summary>
public sealed class CheckpointReader
{
    readonly TensorBundleReader _bundle;

    /// <summary>Opens the V2 checkpoint at <paramref name="prefix"/> (<c>model.ckpt-100</c>, without <c>.index</c>); <see cref="NotFoundError"/> when its index file is missing.</summary>
    public CheckpointReader(string prefix) => _bundle = new TensorBundleReader(prefix);

    /// <summary>Whether the checkpoint holds a tensor named <paramref name="name"/>.</summary>
    public bool has_tensor(string name) => _bundle.Contains(name);
    /// <summary>The tensor's value, CRC-checked; <see cref="NotFoundError"/> when the name is absent, <see cref="DataLossError"/> when its bytes are truncated or corrupt.</summary>
    public NDArray get_tensor(string name) => _bundle.Read(name);
    /// <summary>Every tensor name mapped to its dimensions (empty for a scalar).</summary>
    public Dictionary<string, long[]> get_variable_to_shape_map() => _bundle.Keys.ToDictionary(k => k, _bundle.ShapeOf);
    /// <summary>Every tensor name mapped to its dtype.</summary>
    public Dictionary<string, TF_DataType> get_variable_to_dtype_map() => _bundle.Keys.ToDictionary(k => k, _bundle.DTypeOf);

    /// <summary>One line per tensor: name (dtype) [shape].</summary>
    public string debug_string() => string.Concat(_bundle.Keys.Select(k =>
        $"{k} ({_bundle.DTypeOf(k).as_numpy_name()}) [{string.Join(",", _bundle.ShapeOf(k))}]\n"));
}
