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

    /// <summary>The op that produces this tensor.</summary>
    public Operation op { get; }
    /// <summary>Which output of <see cref="op"/> this is.</summary>
    public int value_index { get; }
    /// <summary>The element type.</summary>
    public TF_DataType dtype { get; }
    /// <summary>The graph of the producing op.</summary>
    public Graph graph => op.graph;
    /// <summary>TF's tensor name, <c>op_name:output_index</c>.</summary>
    public string name => $"{op.name}:{value_index}";
    /// <summary>The producing op's requested device.</summary>
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

    /// <summary>The static rank, or -1 when unknown.</summary>
    public int ndim => _shape.ndim;

    internal int Id { get; }

    /// <summary>Evaluates this tensor in <paramref name="session"/> or the default session (TF's <c>tensor.eval()</c>).</summary>
    public NDArray eval(Session? session = null, params FeedItem[] feed_dict) =>
        (session ?? Session.RequireDefault(this)).run(this, feed_dict);

    /// <inheritdoc cref="eval(Session?, FeedItem[])"/>
    public NDArray eval(params FeedItem[] feed_dict) => eval(null, feed_dict);

    /// <inheritdoc/>
    public override string ToString() =>
        $"Tensor(\"{name}\", shape={_shape}, dtype={dtype.as_numpy_name()})";
}
