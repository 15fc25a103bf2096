namespace TfRnn;

/// <summary>TF's <c>tf.train.NewCheckpointReader</c>: names, shapes, dtypes and values of a checkpoint's tensors.</summary>
public sealed class CheckpointReader
{
    readonly TensorBundleReader _bundle;

    public CheckpointReader(string prefix) => _bundle = new TensorBundleReader(prefix);

    public bool has_tensor(string name) => _bundle.Contains(name);
    public NDArray get_tensor(string name) => _bundle.Read(name);
    public Dictionary<string, long[]> get_variable_to_shape_map() => _bundle.Keys.ToDictionary(k => k, _bundle.ShapeOf);
    public Dictionary<string, TF_DataType> get_variable_to_dtype_map() => _bundle.Keys.ToDictionary(k => k, _bundle.DTypeOf);

    /// <summary>One line per tensor: name (dtype) [shape].</summary>
    public string debug_string() => string.Concat(_bundle.Keys.Select(k =>
        $"{k} ({_bundle.DTypeOf(k).as_numpy_name()}) [{string.Join(",", _bundle.ShapeOf(k))}]\n"));
}
