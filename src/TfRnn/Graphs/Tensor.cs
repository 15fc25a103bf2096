namespace TfRnn;

/// <summary>A symbolic output of an <see cref="Operation"/>: name <c>op:index</c>, dtype and static shape.</summary>
public partial class Tensor : ITensorOrOperation, IFetch<NDArray>
{
    Shape _shape;

    internal Tensor(Operation op, int valueIndex, TF_DataType dtype, Shape shape)
    {
        this.op = op;
        value_index = valueIndex;
        this.dtype = dtype;
        _shape = shape;
        Id = op.graph.NextTensorId();
    }

    public Operation op { get; }
    public int value_index { get; }
    public TF_DataType dtype { get; }
    public Graph graph => op.graph;
    public string name => $"{op.name}:{value_index}";
    public string device => op.device;

    /// <summary>
    /// The static shape (TF's <c>shape</c> / <c>get_shape()</c>); may have unknown dimensions. Setting it
    /// refines it as TF's <c>set_shape</c> does (merge, ValueError when incompatible).
    /// </summary>
    public Shape shape
    {
        get => _shape;
        set
        {
            if (!_shape.is_compatible_with(value))
                throw new ValueError($"Tensor's shape {_shape} is not compatible with supplied shape {value}");
            _shape = _shape.merge_with(value);
        }
    }

    public int ndim => _shape.ndim;

    internal int Id { get; }

    /// <summary>Evaluates this tensor in <paramref name="session"/> or the default session (TF's <c>tensor.eval()</c>).</summary>
    public NDArray eval(Session? session = null, params FeedItem[] feed_dict) =>
        (session ?? Session.RequireDefault(this)).run(this, feed_dict);

    /// <inheritdoc cref="eval(Session?, FeedItem[])"/>
    public NDArray eval(params FeedItem[] feed_dict) => eval(null, feed_dict);

    public override string ToString() =>
        $"Tensor(\"{name}\", shape={_shape}, dtype={dtype.as_numpy_name()})";
}
