using TorchSharp;

namespace TfRnn;

/// <summary>
/// Engine arithmetic that keeps every native scalar alive across the call. TorchSharp turns C# numbers
/// (and the hidden alpha = 1 of tensor + and −) into native Scalars that nothing references once their
/// handle is read, so a GC on another thread can free one while libtorch still reads it
/// (dotnet/TorchSharp#1434). Kernels use these helpers instead of operators that take numbers.
/// </summary>
internal static class EngineMath
{
    /// <summary>alpha = 1, rooted for the process lifetime.</summary>
    static readonly Scalar One = 1.ToScalar();

    public static torch.Tensor Add(torch.Tensor a, torch.Tensor b) => a.add(b, One);
    public static torch.Tensor Sub(torch.Tensor a, torch.Tensor b) => a.sub(b);   // no hidden alpha
    public static torch.Tensor AddInPlace(torch.Tensor a, torch.Tensor b) => a.add_(b, One);
    public static torch.Tensor SubInPlace(torch.Tensor a, torch.Tensor b) => a.sub_(b);

    /// <summary>target with source rows added at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public static torch.Tensor IndexAdd(torch.Tensor target, long dim, torch.Tensor index, torch.Tensor source) => target.index_add(dim, index, source, One);
    public static torch.Tensor IndexAddInPlace(torch.Tensor target, long dim, torch.Tensor index, torch.Tensor source) => target.index_add_(dim, index, source, One);

    /// <summary>a + b·c.</summary>
    public static torch.Tensor AddProduct(torch.Tensor a, torch.Tensor b, torch.Tensor c) => a.addcmul(b, c, One);

    /// <summary>a + alpha·b in place.</summary>
    public static torch.Tensor AddScaledInPlace(torch.Tensor a, torch.Tensor b, double alpha)
    {
        using var s = alpha.ToScalar();
        return a.add_(b, s);
    }

    /// <summary>a + alpha·b·c in place.</summary>
    public static torch.Tensor AddProductInPlace(torch.Tensor a, torch.Tensor b, torch.Tensor c, double alpha)
    {
        using var s = alpha.ToScalar();
        return a.addcmul_(b, c, s);
    }

    /// <summary>a + alpha·b/c in place.</summary>
    public static torch.Tensor AddQuotientInPlace(torch.Tensor a, torch.Tensor b, torch.Tensor c, double alpha)
    {
        using var s = alpha.ToScalar();
        return a.addcdiv_(b, c, s);
    }

    /// <summary>a + value; the value is a double scalar, so integer tensors become floating (use tensors for integer math).</summary>
    public static torch.Tensor Plus(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.add(s, One);
    }

    public static torch.Tensor PlusInPlace(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.add_(s, One);
    }

    public static torch.Tensor Times(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.mul(s);
    }

    public static torch.Tensor TimesInPlace(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.mul_(s);
    }

    public static torch.Tensor DividedBy(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.div(s);
    }

    /// <summary>value − a.</summary>
    public static torch.Tensor Minus(double value, torch.Tensor a) => Plus(a.neg(), value);

    public static torch.Tensor Greater(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.gt(s);
    }

    public static torch.Tensor GreaterEqual(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.ge(s);
    }

    public static torch.Tensor Less(torch.Tensor a, double value)
    {
        using var s = value.ToScalar();
        return a.lt(s);
    }

    public static torch.Tensor Clamp(torch.Tensor a, double min, double max)
    {
        using var low = min.ToScalar();
        using var high = max.ToScalar();
        return a.clamp(low, high);
    }

    public static torch.Tensor Full(long[] dims, double value, torch.ScalarType dtype)
    {
        using var s = value.ToScalar();
        return torch.full(dims, s, dtype: dtype);
    }

    /// <summary>A tensor filled with the (one-element) value of <paramref name="like"/>.</summary>
    public static torch.Tensor Full(long[] dims, torch.Tensor value)
    {
        using var s = value.ToScalar();
        return torch.full(dims, s, dtype: value.dtype);
    }

    public static torch.Tensor FullLike(torch.Tensor like, double value, torch.ScalarType dtype)
    {
        using var s = value.ToScalar();
        return torch.full_like(like, s, dtype: dtype);
    }

    public static torch.Tensor Range(torch.Tensor start, torch.Tensor limit, torch.Tensor delta, torch.ScalarType dtype)
    {
        using var a = start.ToScalar();
        using var b = limit.ToScalar();
        using var c = delta.ToScalar();
        return torch.arange(a, b, c, dtype: dtype);
    }
}
