using TorchSharp;

namespace TfRnn;

public static partial class tf
{
    static Tensor Binary(string type, object x, object y, string? name, Func<torch.Tensor, torch.Tensor, torch.Tensor> compute,
        TF_DataType? resultType = null)
    {
        var (a, b) = OpBuilder.ToTensorPair(x, y, type);
        var graph = a.graph;
        var shape = ShapeInference.Broadcast(a.shape, b.shape, ShapeInference.PredictName(graph, name, type), type);
        return OpBuilder.Elementwise(type, name, new[] { a, b }, resultType ?? a.dtype, shape, t => compute(t[0], t[1]));
    }

    static Tensor Unary(string type, object x, string? name, Func<torch.Tensor, torch.Tensor> compute)
    {
        var input = OpBuilder.ToTensor(x);
        return OpBuilder.Elementwise(type, name, new[] { input }, input.dtype, input.shape, t => compute(t[0]));
    }

    /// <summary>tf.add(x, y): x + y with broadcasting.</summary>
    public static Tensor add(object x, object y, string? name = null) => Binary("Add", x, y, name, EngineMath.Add);
    /// <summary>tf.subtract(x, y).</summary>
    public static Tensor subtract(object x, object y, string? name = null) => Binary("Sub", x, y, name, EngineMath.Sub);
    /// <summary>tf.multiply(x, y).</summary>
    public static Tensor multiply(object x, object y, string? name = null) => Binary("Mul", x, y, name, torch.mul);

    /// <summary>tf.divide(x, y): true division; integers are divided as float64, as in TF.</summary>
    public static Tensor divide(object x, object y, string? name = null) => truediv(x, y, name);

    /// <summary>tf.truediv(x, y).</summary>
    public static Tensor truediv(object x, object y, string? name = null)
    {
        var (a, b) = OpBuilder.ToTensorPair(x, y, "RealDiv");
        if (a.dtype.is_integer())
        {
            a = cast(a, a.dtype is int8 or int16 or uint8 ? float32 : float64);
            b = cast(b, a.dtype);
        }
        return Binary("RealDiv", a, b, name, (p, q) => torch.div(p, q));
    }

    /// <summary>tf.floordiv(x, y): division rounded toward negative infinity.</summary>
    public static Tensor floordiv(object x, object y, string? name = null) =>
        Binary("FloorDiv", x, y, name, (a, b) => torch.is_integral(a.dtype) ? torch.floor_divide(a, b) : torch.floor(torch.div(a, b)));

    /// <summary>tf.floormod(x, y): the remainder with the divisor's sign (Python's %).</summary>
    public static Tensor floormod(object x, object y, string? name = null) => Binary("FloorMod", x, y, name, torch.remainder);

    /// <summary>tf.pow(x, y).</summary>
    public static Tensor pow(object x, object y, string? name = null) => Binary("Pow", x, y, name, torch.pow);
    /// <summary>tf.maximum(x, y).</summary>
    public static Tensor maximum(object x, object y, string? name = null) => Binary("Maximum", x, y, name, torch.maximum);
    /// <summary>tf.minimum(x, y).</summary>
    public static Tensor minimum(object x, object y, string? name = null) => Binary("Minimum", x, y, name, torch.minimum);
    /// <summary>tf.squared_difference(x, y): (x - y)².</summary>
    public static Tensor squared_difference(object x, object y, string? name = null) =>
        Binary("SquaredDifference", x, y, name, (a, b) => torch.square(EngineMath.Sub(a, b)));

    /// <summary>tf.equal(x, y): elementwise x == y as bool.</summary>
    public static Tensor equal(object x, object y, string? name = null) => Binary("Equal", x, y, name, torch.eq, @bool);
    /// <summary>tf.not_equal(x, y).</summary>
    public static Tensor not_equal(object x, object y, string? name = null) => Binary("NotEqual", x, y, name, torch.ne, @bool);
    /// <summary>tf.less(x, y).</summary>
    public static Tensor less(object x, object y, string? name = null) => Binary("Less", x, y, name, torch.lt, @bool);
    /// <summary>tf.less_equal(x, y).</summary>
    public static Tensor less_equal(object x, object y, string? name = null) => Binary("LessEqual", x, y, name, torch.le, @bool);
    /// <summary>tf.greater(x, y).</summary>
    public static Tensor greater(object x, object y, string? name = null) => Binary("Greater", x, y, name, torch.gt, @bool);
    /// <summary>tf.greater_equal(x, y).</summary>
    public static Tensor greater_equal(object x, object y, string? name = null) => Binary("GreaterEqual", x, y, name, torch.ge, @bool);
    /// <summary>tf.logical_and(x, y).</summary>
    public static Tensor logical_and(object x, object y, string? name = null) => Binary("LogicalAnd", x, y, name, torch.logical_and);
    /// <summary>tf.logical_or(x, y).</summary>
    public static Tensor logical_or(object x, object y, string? name = null) => Binary("LogicalOr", x, y, name, torch.logical_or);
    /// <summary>tf.logical_not(x).</summary>
    public static Tensor logical_not(object x, string? name = null) => Unary("LogicalNot", x, name, torch.logical_not);

    /// <summary>tf.negative(x).</summary>
    public static Tensor negative(object x, string? name = null) => Unary("Neg", x, name, torch.neg);
    /// <summary>tf.abs(x).</summary>
    public static Tensor abs(object x, string? name = null) => Unary("Abs", x, name, torch.abs);
    /// <summary>tf.square(x).</summary>
    public static Tensor square(object x, string? name = null) => Unary("Square", x, name, torch.square);
    /// <summary>tf.sqrt(x).</summary>
    public static Tensor sqrt(object x, string? name = null) => Unary("Sqrt", x, name, torch.sqrt);
    /// <summary>tf.rsqrt(x): 1/√x.</summary>
    public static Tensor rsqrt(object x, string? name = null) => Unary("Rsqrt", x, name, torch.rsqrt);
    /// <summary>tf.exp(x).</summary>
    public static Tensor exp(object x, string? name = null) => Unary("Exp", x, name, torch.exp);
    /// <summary>tf.log(x): natural logarithm.</summary>
    public static Tensor log(object x, string? name = null) => Unary("Log", x, name, torch.log);
    /// <summary>tf.tanh(x).</summary>
    public static Tensor tanh(object x, string? name = null) => Unary("Tanh", x, name, torch.tanh);
    /// <summary>tf.sigmoid(x).</summary>
    public static Tensor sigmoid(object x, string? name = null) => Unary("Sigmoid", x, name, torch.sigmoid);
    /// <summary>tf.sign(x).</summary>
    public static Tensor sign(object x, string? name = null) => Unary("Sign", x, name, torch.sign);
    /// <summary>tf.floor(x).</summary>
    public static Tensor floor(object x, string? name = null) => Unary("Floor", x, name, torch.floor);
    /// <summary>tf.ceil(x).</summary>
    public static Tensor ceil(object x, string? name = null) => Unary("Ceil", x, name, torch.ceil);
    /// <summary>tf.round(x): half to even, as TF.</summary>
    public static Tensor round(object x, string? name = null) => Unary("Round", x, name, t => torch.round(t));
    /// <summary>tf.reciprocal(x): 1/x.</summary>
    public static Tensor reciprocal(object x, string? name = null) => Unary("Reciprocal", x, name, torch.reciprocal);

    /// <summary>tf.cast(x, dtype): converts elements (floats to integers truncate toward zero).</summary>
    public static Tensor cast(object x, TF_DataType dtype, string? name = null)
    {
        var input = OpBuilder.ToTensor(x);
        if (input.dtype == dtype) return input;
        return OpBuilder.Elementwise("Cast", name, new[] { input }, dtype, input.shape, t => t[0].to_type(dtype.ToTorch()));
    }

    /// <summary>tf.matmul(a, b, transpose_a, transpose_b): matrix product (batched for rank &gt; 2).</summary>
    public static Tensor matmul(object a, object b, bool transpose_a = false, bool transpose_b = false, string? name = null)
    {
        var (x, y) = OpBuilder.ToTensorPair(a, b, "MatMul");
        string type = x.ndim > 2 || y.ndim > 2 ? "BatchMatMul" : "MatMul";
        string opName = ShapeInference.PredictName(x.graph, name, type);
        Shape shape = Shape.unknown();
        if (x.shape.is_known_rank && y.shape.is_known_rank)
        {
            if (x.ndim < 2 || y.ndim < 2)
                throw ShapeInference.Incompatible($"Shape must be rank 2 but is rank {Math.Min(x.ndim, y.ndim)}", opName, type, x.shape, y.shape);
            long rows = x.shape[transpose_a ? -1 : -2], inner = x.shape[transpose_a ? -2 : -1];
            long innerB = y.shape[transpose_b ? -1 : -2], cols = y.shape[transpose_b ? -2 : -1];
            ShapeInference.RequireEqual(inner, innerB, opName, type, x.shape, y.shape);
            var batch = x.ndim > 2 ? x.shape.Slice(0, -2) : y.shape.Slice(0, -2);
            shape = batch.concatenate(new Shape(rows, cols));
        }
        return OpBuilder.Elementwise(type, name, new[] { x, y }, x.dtype, shape, t =>
            torch.matmul(transpose_a ? t[0].transpose(-2, -1) : t[0], transpose_b ? t[1].transpose(-2, -1) : t[1]),
            new Dictionary<string, object?> { ["transpose_a"] = transpose_a, ["transpose_b"] = transpose_b });
    }
}
