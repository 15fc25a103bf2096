namespace TfRnn;

public sealed partial class Variable
{
    // C# looks for operators on the operand types only, so a variable repeats the tensor operators.
    /// <summary>Elementwise sum of the variable's value: <c>tf.add</c>.</summary>
    public static Tensor operator +(Variable x, Variable y) => tf.add(x, y);
    /// <summary>Elementwise sum of the variable's value: <c>tf.add</c>.</summary>
    public static Tensor operator +(Variable x, double y) => tf.add(x, y);
    /// <summary>Elementwise sum of the variable's value: <c>tf.add</c>.</summary>
    public static Tensor operator +(double x, Variable y) => tf.add(x, y);
    /// <summary>Elementwise difference of the variable's value: <c>tf.subtract</c>.</summary>
    public static Tensor operator -(Variable x, Variable y) => tf.subtract(x, y);
    /// <summary>Elementwise difference of the variable's value: <c>tf.subtract</c>.</summary>
    public static Tensor operator -(Variable x, double y) => tf.subtract(x, y);
    /// <summary>Elementwise difference of the variable's value: <c>tf.subtract</c>.</summary>
    public static Tensor operator -(double x, Variable y) => tf.subtract(x, y);
    /// <summary>Elementwise product of the variable's value: <c>tf.multiply</c>.</summary>
    public static Tensor operator *(Variable x, Variable y) => tf.multiply(x, y);
    /// <summary>Elementwise product of the variable's value: <c>tf.multiply</c>.</summary>
    public static Tensor operator *(Variable x, double y) => tf.multiply(x, y);
    /// <summary>Elementwise product of the variable's value: <c>tf.multiply</c>.</summary>
    public static Tensor operator *(double x, Variable y) => tf.multiply(x, y);
    /// <summary>Elementwise true division of the variable's value: <c>tf.truediv</c>.</summary>
    public static Tensor operator /(Variable x, double y) => tf.truediv(x, y);
    /// <summary>Elementwise negation of the variable's value: <c>tf.negative</c>.</summary>
    public static Tensor operator -(Variable x) => tf.negative(x);
}
