namespace TfRnn;

/// <summary>
/// Builds the initial value of a variable of a given shape and dtype (TF's init_ops classes). Pass an
/// implementation as an initializer with <c>new InitializerLike(init)</c>, or derive from <see cref="Initializer"/>.
/// </summary>
public interface IInitializer
{
    /// <summary>The initial value of a variable of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    Tensor Call(Shape shape, TF_DataType dtype);
}

/// <summary>TF's init_ops.Initializer: what the <c>tf.*_initializer()</c> functions return; converts to <see cref="InitializerLike"/>.</summary>
public abstract class Initializer : IInitializer
{
    /// <inheritdoc/>
    public abstract Tensor Call(Shape shape, TF_DataType dtype);
}

internal sealed class ConstantInitializer(object value) : Initializer
{
    public override Tensor Call(Shape shape, TF_DataType dtype)
    {
        var array = NDArray.FromObject(value);
        if (array.size != 1 && array.size != shape.size)
            throw new ValueError($"Too many elements provided. Needed at most {shape.size}, but received {array.size}");
        return tf.constant(array.astype(dtype), dtype, shape);
    }
}

internal sealed class RandomInitializer(Func<Shape, TF_DataType, Tensor> draw) : Initializer
{
    public override Tensor Call(Shape shape, TF_DataType dtype) => draw(shape, dtype);
}

/// <summary>TF's VarianceScaling (glorot_uniform is scale 1, fan_avg, uniform).</summary>
internal sealed class VarianceScalingInitializer(double scale, string mode, bool uniform, int? seed) : Initializer
{
    public override Tensor Call(Shape shape, TF_DataType dtype)
    {
        var (fanIn, fanOut) = Fans(shape);
        double n = mode switch { "fan_in" => fanIn, "fan_out" => fanOut, _ => (fanIn + fanOut) / 2.0 };
        double variance = scale / Math.Max(1.0, n);
        if (uniform)
        {
            double limit = Math.Sqrt(3.0 * variance);
            return tf.random_uniform(shape, -limit, limit, dtype, seed);
        }
        // 0.879… is the stddev of a unit normal truncated to two stddevs; TF divides it out.
        return tf.truncated_normal(shape, 0.0, Math.Sqrt(variance) / 0.87962566103423978, dtype, seed);
    }

    /// <summary>TF's _compute_fans: the last two dimensions, times the receptive field of the others.</summary>
    internal static (double fanIn, double fanOut) Fans(Shape shape)
    {
        var dims = shape.as_list();
        if (dims.Length == 0) return (1, 1);
        if (dims.Length == 1) return (dims[0], dims[0]);
        if (dims.Length == 2) return (dims[0], dims[1]);
        double receptive = dims[..^2].Aggregate(1.0, (a, b) => a * b);
        return (dims[^2] * receptive, dims[^1] * receptive);
    }
}

public static partial class tf
{
    /// <summary>tf.constant_initializer(value): a scalar fills the shape; an array must match its size.</summary>
    public static Initializer constant_initializer(TensorLike value) => new ConstantInitializer(value.Value);
    /// <summary>tf.zeros_initializer().</summary>
    public static Initializer zeros_initializer() => new ConstantInitializer(0);
    /// <summary>tf.ones_initializer().</summary>
    public static Initializer ones_initializer() => new ConstantInitializer(1);

    /// <summary>tf.random_normal_initializer(mean, stddev, seed).</summary>
    public static Initializer random_normal_initializer(double mean = 0.0, double stddev = 1.0, int? seed = null) =>
        new RandomInitializer((shape, dtype) => random_normal(shape, mean, stddev, dtype, seed));

    /// <summary>tf.random_uniform_initializer(minval, maxval, seed).</summary>
    public static Initializer random_uniform_initializer(double minval = 0.0, double maxval = 1.0, int? seed = null) =>
        new RandomInitializer((shape, dtype) => random_uniform(shape, minval, maxval, dtype, seed));

    /// <summary>tf.truncated_normal_initializer(mean, stddev, seed).</summary>
    public static Initializer truncated_normal_initializer(double mean = 0.0, double stddev = 1.0, int? seed = null) =>
        new RandomInitializer((shape, dtype) => truncated_normal(shape, mean, stddev, dtype, seed));

    /// <summary>tf.glorot_uniform_initializer(seed): uniform in ±√(6 / (fan_in + fan_out)); get_variable's default.</summary>
    public static Initializer glorot_uniform_initializer(int? seed = null) => new VarianceScalingInitializer(1.0, "fan_avg", true, seed);

    /// <summary>tf.glorot_normal_initializer(seed).</summary>
    public static Initializer glorot_normal_initializer(int? seed = null) => new VarianceScalingInitializer(1.0, "fan_avg", false, seed);

    /// <summary>tf.variance_scaling_initializer(scale, mode, distribution, seed).</summary>
    public static Initializer variance_scaling_initializer(double scale = 1.0, string mode = "fan_in", string distribution = "truncated_normal", int? seed = null) =>
        new VarianceScalingInitializer(scale, mode, distribution == "uniform", seed);
}
