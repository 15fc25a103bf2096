namespace TfRnn;

public static partial class tf
{
    static Tensor Binary(string type, TensorLike x, TensorLike y, string? name, Kernel kernel, TF_DataType? resultType = null)
    {
        var (a, b) = OpBuilder.ToTensorPair(x, y, type);
        var graph = a.graph;
        var shape = ShapeInference.Broadcast(a.shape, b.shape, ShapeInference.PredictName(graph, name, type), type);
        return OpBuilder.Single(type, name, new[] { a, b }, resultType ?? a.dtype, shape, kernel);
    }

    static Tensor Unary(string type, object x, string? name, Kernel kernel)
    {
        var input = OpBuilder.ToTensor(x);
        return OpBuilder.Single(type, name, new[] { input }, input.dtype, input.shape, kernel);
    }

    /// <summary>tf.add(x, y): x + y with broadcasting.</summary>
    public static Tensor add(TensorLike x, TensorLike y, string? name = null) => Binary("Add", x, y, name, MathKernels.Add);
    /// <summary>tf.subtract(x, y).</summary>
    public static Tensor subtract(TensorLike x, TensorLike y, string? name = null) => Binary("Sub", x, y, name, MathKernels.Sub);
    /// <summary>tf.multiply(x, y).</summary>
    public static Tensor multiply(TensorLike x, TensorLike y, string? name = null) => Binary("Mul", x, y, name, MathKernels.Mul);

    /// <summary>tf.divide(x, y): true division; integers are divided as float64, as in TF.</summary>
    public static Tensor divide(TensorLike x, TensorLike y, string? name = null) => truediv(x, y, name);

    /// <summary>tf.truediv(x, y).</summary>
    public static Tensor truediv(TensorLike x, TensorLike y, string? name = null)
    {
        var (a, b) = OpBuilder.ToTensorPair(x, y, "RealDiv");
        if (a.dtype.is_integer())
        {
            a = cast(a, a.dtype is int8 or int16 or uint8 ? float32 : float64);
            b = cast(b, a.dtype);
        }
        return Binary("RealDiv", a, b, name, MathKernels.RealDiv);
    }

    /// <summary>tf.floordiv(x, y): division rounded toward negative infinity.</summary>
    public static Tensor floordiv(TensorLike x, TensorLike y, string? name = null) =>
        Binary("FloorDiv", x, y, name, MathKernels.FloorDiv);

    /// <summary>tf.floormod(x, y): the remainder with the divisor's sign (Python's %).</summary>
    public static Tensor floormod(TensorLike x, TensorLike y, string? name = null) => Binary("FloorMod", x, y, name, MathKernels.FloorMod);

    /// <summary>tf.pow(x, y).</summary>
    public static Tensor pow(TensorLike x, TensorLike y, string? name = null) => Binary("Pow", x, y, name, MathKernels.Pow);
    /// <summary>tf.maximum(x, y).</summary>
    public static Tensor maximum(TensorLike x, TensorLike y, string? name = null) => Binary("Maximum", x, y, name, MathKernels.Maximum);
    /// <summary>tf.minimum(x, y).</summary>
    public static Tensor minimum(TensorLike x, TensorLike y, string? name = null) => Binary("Minimum", x, y, name, MathKernels.Minimum);
    /// <summary>tf.squared_difference(x, y): (x - y)².</summary>
    public static Tensor squared_difference(TensorLike x, TensorLike y, string? name = null) =>
        Binary("SquaredDifference", x, y, name, MathKernels.SquaredDifference);

    /// <summary>tf.equal(x, y): elementwise x == y as bool.</summary>
    public static Tensor equal(TensorLike x, TensorLike y, string? name = null) => Binary("Equal", x, y, name, MathKernels.Equal, @bool);
    /// <summary>tf.not_equal(x, y).</summary>
    public static Tensor not_equal(TensorLike x, TensorLike y, string? name = null) => Binary("NotEqual", x, y, name, MathKernels.NotEqual, @bool);
    /// <summary>tf.less(x, y).</summary>
    public static Tensor less(TensorLike x, TensorLike y, string? name = null) => Binary("Less", x, y, name, MathKernels.Less, @bool);
    /// <summary>tf.less_equal(x, y).</summary>
    public static Tensor less_equal(TensorLike x, TensorLike y, string? name = null) => Binary("LessEqual", x, y, name, MathKernels.LessEqual, @bool);
    /// <summary>tf.greater(x, y).</summary>
    public static Tensor greater(TensorLike x, TensorLike y, string? name = null) => Binary("Greater", x, y, name, MathKernels.Greater, @bool);
    /// <summary>tf.greater_equal(x, y).</summary>
    public static Tensor greater_equal(TensorLike x, TensorLike y, string? name = null) => Binary("GreaterEqual", x, y, name, MathKernels.GreaterEqual, @bool);
    /// <summary>tf.logical_and(x, y).</summary>
    public static Tensor logical_and(TensorLike x, TensorLike y, string? name = null) => Binary("LogicalAnd", x, y, name, MathKernels.LogicalAnd);
    /// <summary>tf.logical_or(x, y).</summary>
    public static Tensor logical_or(TensorLike x, TensorLike y, string? name = null) => Binary("LogicalOr", x, y, name, MathKernels.LogicalOr);
    /// <summary>tf.logical_not(x).</summary>
    public static Tensor logical_not(TensorLike x, string? name = null) => Unary("LogicalNot", x, name, MathKernels.LogicalNot);

    /// <summary>tf.negative(x).</summary>
    public static Tensor negative(TensorLike x, string? name = null) => Unary("Neg", x, name, MathKernels.Neg);
    /// <summary>tf.abs(x).</summary>
    public static Tensor abs(TensorLike x, string? name = null) => Unary("Abs", x, name, MathKernels.Abs);
    /// <summary>tf.square(x).</summary>
    public static Tensor square(TensorLike x, string? name = null) => Unary("Square", x, name, MathKernels.Square);
    /// <summary>tf.sqrt(x).</summary>
    public static Tensor sqrt(TensorLike x, string? name = null) => Unary("Sqrt", x, name, MathKernels.Sqrt);
    /// <summary>tf.rsqrt(x): 1/√x.</summary>
    public static Tensor rsqrt(TensorLike x, string? name = null) => Unary("Rsqrt", x, name, MathKernels.Rsqrt);
    /// <summary>tf.exp(x).</summary>
    public static Tensor exp(TensorLike x, string? name = null) => Unary("Exp", x, name, MathKernels.Exp);
    /// <summary>tf.log(x): natural logarithm.</summary>
    public static Tensor log(TensorLike x, string? name = null) => Unary("Log", x, name, MathKernels.Log);
    /// <summary>tf.tanh(x).</summary>
    public static Tensor tanh(TensorLike x, string? name = null) => Unary("Tanh", x, name, MathKernels.Tanh);
    /// <summary>tf.sigmoid(x).</summary>
    public static Tensor sigmoid(TensorLike x, string? name = null) => Unary("Sigmoid", x, name, MathKernels.Sigmoid);
    /// <summary>tf.sign(x).</summary>
    public static Tensor sign(TensorLike x, string? name = null) => Unary("Sign", x, name, MathKernels.Sign);
    /// <summary>tf.floor(x).</summary>
    public static Tensor floor(TensorLike x, string? name = null) => Unary("Floor", x, name, MathKernels.Floor);
    /// <summary>tf.ceil(x).</summary>
    public static Tensor ceil(TensorLike x, string? name = null) => Unary("Ceil", x, name, MathKernels.Ceil);
    /// <summary>tf.round(x): half to even, as TF.</summary>
    public static Tensor round(TensorLike x, string? name = null) => Unary("Round", x, name, MathKernels.Round);
    /// <summary>tf.reciprocal(x): 1/x.</summary>
    public static Tensor reciprocal(TensorLike x, string? name = null) => Unary("Reciprocal", x, name, MathKernels.Reciprocal);

    /// <summary>tf.cast(x, dtype): converts elements (floats to integers truncate toward zero).</summary>
    public static Tensor cast(TensorLike x, TF_DataType dtype, string? name = null)
    {
        var input = OpBuilder.ToTensor(x);
        if (input.dtype == dtype) return input;
        return OpBuilder.Single("Cast", name, new[] { input }, dtype, input.shape, ctx => MathKernels.Cast(ctx, dtype));
    }

    /// <summary>tf.matmul(a, b, transpose_a, transpose_b): matrix product (batched for rank &gt; 2).</summary>
    public static Tensor matmul(TensorLike a, TensorLike b, bool transpose_a = false, bool transpose_b = false, string? name = null)
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
        return OpBuilder.Single(type, name, new[] { x, y }, x.dtype, shape, ctx => MatMulKernel.Run(ctx, transpose_a, transpose_b),
            new Dictionary<string, object?> { ["transpose_a"] = transpose_a, ["transpose_b"] = transpose_b });
    }
}
