namespace TfRnn;

public sealed partial class Variable
{
    // C# looks for operators on the operand types only, so a variable repeats the tensor operators.
    public static Tensor operator +(Variable x, Variable y) => tf.add(x, y);
    public static Tensor operator +(Variable x, double y) => tf.add(x, y);
    public static Tensor operator +(double x, Variable y) => tf.add(x, y);
    public static Tensor operator -(Variable x, Variable y) => tf.subtract(x, y);
    public static Tensor operator -(Variable x, double y) => tf.subtract(x, y);
    public static Tensor operator -(double x, Variable y) => tf.subtract(x, y);
    public static Tensor operator *(Variable x, Variable y) => tf.multiply(x, y);
    public static Tensor operator *(Variable x, double y) => tf.multiply(x, y);
    public static Tensor operator *(double x, Variable y) => tf.multiply(x, y);
    public static Tensor operator /(Variable x, double y) => tf.truediv(x, y);
    public static Tensor operator -(Variable x) => tf.negative(x);
}
