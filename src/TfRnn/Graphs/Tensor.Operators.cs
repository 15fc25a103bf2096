namespace TfRnn;

public partial class Tensor
{
    public static Tensor operator +(Tensor x, Tensor y) => tf.add(x, y);
    public static Tensor operator +(Tensor x, double y) => tf.add(x, y);
    public static Tensor operator +(double x, Tensor y) => tf.add(x, y);
    public static Tensor operator +(Tensor x, NDArray y) => tf.add(x, y);
    public static Tensor operator -(Tensor x, Tensor y) => tf.subtract(x, y);
    public static Tensor operator -(Tensor x, double y) => tf.subtract(x, y);
    public static Tensor operator -(double x, Tensor y) => tf.subtract(x, y);
    public static Tensor operator -(Tensor x, NDArray y) => tf.subtract(x, y);
    public static Tensor operator *(Tensor x, Tensor y) => tf.multiply(x, y);
    public static Tensor operator *(Tensor x, double y) => tf.multiply(x, y);
    public static Tensor operator *(double x, Tensor y) => tf.multiply(x, y);
    public static Tensor operator *(Tensor x, NDArray y) => tf.multiply(x, y);
    public static Tensor operator /(Tensor x, Tensor y) => tf.truediv(x, y);
    public static Tensor operator /(Tensor x, double y) => tf.truediv(x, y);
    public static Tensor operator /(double x, Tensor y) => tf.truediv(x, y);
    public static Tensor operator %(Tensor x, Tensor y) => tf.floormod(x, y);
    public static Tensor operator %(Tensor x, double y) => tf.floormod(x, y);
    public static Tensor operator -(Tensor x) => tf.negative(x);
    public static Tensor operator <(Tensor x, Tensor y) => tf.less(x, y);
    public static Tensor operator >(Tensor x, Tensor y) => tf.greater(x, y);
    public static Tensor operator <(Tensor x, double y) => tf.less(x, y);
    public static Tensor operator >(Tensor x, double y) => tf.greater(x, y);
    public static Tensor operator <=(Tensor x, Tensor y) => tf.less_equal(x, y);
    public static Tensor operator >=(Tensor x, Tensor y) => tf.greater_equal(x, y);
    public static Tensor operator <=(Tensor x, double y) => tf.less_equal(x, y);
    public static Tensor operator >=(Tensor x, double y) => tf.greater_equal(x, y);

    /// <summary>
    /// NumPy-style slicing (TF's StridedSlice): each item is an int index (drops that axis) or a slice
    /// string such as ":", "1:", ":-1", "::2". <c>x[":", -1]</c> is the last step of every batch entry.
    /// </summary>
    public Tensor this[params object[] slices] => tf.strided_slice(this, slices);
}
