namespace TfRnn;

/// <summary>Python's operators on tensors, each building the op TF1's operator overloads build.</summary>
public partial class Tensor
{
    /// <summary>Elementwise sum with broadcasting: <c>tf.add</c>.</summary>
    public static Tensor operator +(Tensor x, Tensor y) => tf.add(x, y);
    /// <summary>Elementwise sum with broadcasting: <c>tf.add</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator +(Tensor x, double y) => tf.add(x, y);
    /// <summary>Elementwise sum with broadcasting: <c>tf.add</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator +(double x, Tensor y) => tf.add(x, y);
    /// <summary>Elementwise sum with broadcasting: <c>tf.add</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator +(Tensor x, NDArray y) => tf.add(x, y);
    /// <summary>Elementwise difference with broadcasting: <c>tf.subtract</c>.</summary>
    public static Tensor operator -(Tensor x, Tensor y) => tf.subtract(x, y);
    /// <summary>Elementwise difference with broadcasting: <c>tf.subtract</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator -(Tensor x, double y) => tf.subtract(x, y);
    /// <summary>Elementwise difference with broadcasting: <c>tf.subtract</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator -(double x, Tensor y) => tf.subtract(x, y);
    /// <summary>Elementwise difference with broadcasting: <c>tf.subtract</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator -(Tensor x, NDArray y) => tf.subtract(x, y);
    /// <summary>Elementwise product with broadcasting: <c>tf.multiply</c>.</summary>
    public static Tensor operator *(Tensor x, Tensor y) => tf.multiply(x, y);
    /// <summary>Elementwise product with broadcasting: <c>tf.multiply</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator *(Tensor x, double y) => tf.multiply(x, y);
    /// <summary>Elementwise product with broadcasting: <c>tf.multiply</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator *(double x, Tensor y) => tf.multiply(x, y);
    /// <summary>Elementwise product with broadcasting: <c>tf.multiply</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator *(Tensor x, NDArray y) => tf.multiply(x, y);
    /// <summary>Elementwise true division (integers divide to floats), as Python 3's <c>/</c> on tensors: <c>tf.truediv</c>.</summary>
    public static Tensor operator /(Tensor x, Tensor y) => tf.truediv(x, y);
    /// <summary>Elementwise true division (integers divide to floats), as Python 3's <c>/</c> on tensors: <c>tf.truediv</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator /(Tensor x, double y) => tf.truediv(x, y);
    /// <summary>Elementwise true division (integers divide to floats), as Python 3's <c>/</c> on tensors: <c>tf.truediv</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator /(double x, Tensor y) => tf.truediv(x, y);
    /// <summary>Elementwise floor modulo (the result takes the divisor's sign): <c>tf.floormod</c>.</summary>
    public static Tensor operator %(Tensor x, Tensor y) => tf.floormod(x, y);
    /// <summary>Elementwise floor modulo (the result takes the divisor's sign): <c>tf.floormod</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator %(Tensor x, double y) => tf.floormod(x, y);
    /// <summary>Elementwise negation: <c>tf.negative</c>.</summary>
    public static Tensor operator -(Tensor x) => tf.negative(x);
    /// <summary>Elementwise <c>x &lt; y</c> as a bool tensor: <c>tf.less</c>.</summary>
    public static Tensor operator <(Tensor x, Tensor y) => tf.less(x, y);
    /// <summary>Elementwise <c>x &gt; y</c> as a bool tensor: <c>tf.greater</c>.</summary>
    public static Tensor operator >(Tensor x, Tensor y) => tf.greater(x, y);
    /// <summary>Elementwise <c>x &lt; y</c> as a bool tensor: <c>tf.less</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator <(Tensor x, double y) => tf.less(x, y);
    /// <summary>Elementwise <c>x &gt; y</c> as a bool tensor: <c>tf.greater</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator >(Tensor x, double y) => tf.greater(x, y);
    /// <summary>Elementwise <c>x &lt;= y</c> as a bool tensor: <c>tf.less_equal</c>.</summary>
    public static Tensor operator <=(Tensor x, Tensor y) => tf.less_equal(x, y);
    /// <summary>Elementwise <c>x &gt;= y</c> as a bool tensor: <c>tf.greater_equal</c>.</summary>
    public static Tensor operator >=(Tensor x, Tensor y) => tf.greater_equal(x, y);
    /// <summary>Elementwise <c>x &lt;= y</c> as a bool tensor: <c>tf.less_equal</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator <=(Tensor x, double y) => tf.less_equal(x, y);
    /// <summary>Elementwise <c>x &gt;= y</c> as a bool tensor: <c>tf.greater_equal</c> (the number or array becomes a constant of the tensor's dtype).</summary>
    public static Tensor operator >=(Tensor x, double y) => tf.greater_equal(x, y);

    /// <summary>
    /// NumPy-style slicing (TF's StridedSlice), each item a <see cref="SliceItem"/>: an index (an int, <c>^1</c> or a
    /// scalar int tensor) drops its axis; a slice (<c>1..3</c>, <c>..^1</c>, or a string such as ":", "1:", "::2")
    /// keeps it; <c>tf.newaxis</c> adds an axis and <c>SliceItem.Ellipsis</c> ("...") spans the rest.
    /// <c>x[.., ^1]</c> (or <c>x[":", -1]</c>) is the last step of every batch entry.
    /// </summary>
    public Tensor this[params SliceItem[] slices] => tf.strided_slice(this, slices);
}
