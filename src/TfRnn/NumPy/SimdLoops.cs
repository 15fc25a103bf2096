using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfRnn;

/// <summary>
/// The elementwise loops behind np's ufuncs on float arrays. np's arrays are small and many (min-char-rnn
/// runs ~750 ops of 100 elements per iteration), which is where TensorPrimitives is weakest: each of its
/// generic entry points costs 5–17 ms to JIT fully optimized (two dozen of them were a tenth of a
/// 6,000-iteration run) and a fixed validation cost per call. These loops are a few lines each, use the same
/// vector math (Vector.Exp/Log/SquareRoot), and, like TensorPrimitives, finish an array whose length is not a
/// multiple of the vector width with one overlapping vector, so every element takes the same vector path.
/// </summary>
internal static class SimdLoops
{
    public static void Binary<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (y.Length != x.Length) throw new ArgumentException("operand sizes do not match");
        Map<T, BothSpans<T, TOp>>(new(x, y), result);
    }

    public static void BinaryScalarRight<T, TOp>(ReadOnlySpan<T> x, T y, Span<T> result)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T> => Map<T, ScalarRight<T, TOp>>(new(x, y), result);

    public static void BinaryScalarLeft<T, TOp>(T x, ReadOnlySpan<T> y, Span<T> result)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T> => Map<T, ScalarLeft<T, TOp>>(new(x, y), result);

    public static void Unary<T, TOp>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T> => Map<T, OneSpan<T, TOp>>(new(x), result);

    // result[i] = source's element i, a vector at a time. The last vector is computed before the loop: with
    // result aliasing an operand, the loop may already have overwritten its inputs.
    static void Map<T, TSource>(TSource source, Span<T> result) where T : unmanaged, INumber<T> where TSource : IElementSource<T>, allows ref struct
    {
        int n = source.Length, width = Vector<T>.Count;
        if (result.Length < n) throw new ArgumentException("operand sizes do not match");
        ref T rs = ref MemoryMarshal.GetReference(result);
        if (n < width)
        {
            for (int i = 0; i < n; i++) Unsafe.Add(ref rs, i) = source.Element(i);
            return;
        }
        var last = source.Vector(n - width);
        for (int i = 0; i + width <= n; i += width) source.Vector(i).StoreUnsafe(ref rs, (nuint)i);
        last.StoreUnsafe(ref rs, (nuint)(n - width));
    }

    interface IElementSource<T> where T : unmanaged, INumber<T>
    {
        int Length { get; }
        T Element(int i);
        Vector<T> Vector(int i);
    }

    readonly ref struct BothSpans<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) : IElementSource<T> where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        readonly ReadOnlySpan<T> _x = x, _y = y;
        public int Length => _x.Length;
        public T Element(int i) => TOp.Apply(_x[i], _y[i]);
        public Vector<T> Vector(int i) => TOp.Apply(Load(_x, i), Load(_y, i));
    }

    readonly ref struct ScalarRight<T, TOp>(ReadOnlySpan<T> x, T y) : IElementSource<T> where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        readonly ReadOnlySpan<T> _x = x;
        public int Length => _x.Length;
        public T Element(int i) => TOp.Apply(_x[i], y);
        public Vector<T> Vector(int i) => TOp.Apply(Load(_x, i), new Vector<T>(y));
    }

    readonly ref struct ScalarLeft<T, TOp>(T x, ReadOnlySpan<T> y) : IElementSource<T> where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        readonly ReadOnlySpan<T> _y = y;
        public int Length => _y.Length;
        public T Element(int i) => TOp.Apply(x, _y[i]);
        public Vector<T> Vector(int i) => TOp.Apply(new Vector<T>(x), Load(_y, i));
    }

    readonly ref struct OneSpan<T, TOp>(ReadOnlySpan<T> x) : IElementSource<T> where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        readonly ReadOnlySpan<T> _x = x;
        public int Length => _x.Length;
        public T Element(int i) => TOp.Apply(_x[i]);
        public Vector<T> Vector(int i) => TOp.Apply(Load(_x, i));
    }

    static Vector<T> Load<T>(ReadOnlySpan<T> values, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i);

    /// <summary>Limits every element to [min, max] in place; NaN stays NaN, as in np.clip.</summary>
    public static void Clamp<T>(Span<T> x, T min, T max) where T : unmanaged, INumber<T>
    {
        int width = Vector<T>.Count, i = 0;
        ref T xs = ref MemoryMarshal.GetReference(x);
        Vector<T> low = new(min), high = new(max);
        for (; i + width <= x.Length; i += width)
            Vector.Min(Vector.Max(Vector.LoadUnsafe(ref xs, (nuint)i), low), high).StoreUnsafe(ref xs, (nuint)i);
        for (; i < x.Length; i++) Unsafe.Add(ref xs, i) = T.Min(T.Max(Unsafe.Add(ref xs, i), min), max);
    }

    /// <summary>The sum of all elements, in vector lanes then across them (in two sets of vector lanes, then across them: a different order from a left-to-right sum, as NumPy's own pairwise sum is).</summary>
    public static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, INumber<T>
    {
        int width = Vector<T>.Count, i = 0;
        ref T xs = ref MemoryMarshal.GetReference(x);
        Vector<T> s0 = Vector<T>.Zero, s1 = s0;
        for (; i + 2 * width <= x.Length; i += 2 * width)
        {
            s0 += Vector.LoadUnsafe(ref xs, (nuint)i);
            s1 += Vector.LoadUnsafe(ref xs, (nuint)(i + width));
        }
        for (; i + width <= x.Length; i += width) s0 += Vector.LoadUnsafe(ref xs, (nuint)i);
        T sum = Vector.Sum(s0 + s1);
        for (; i < x.Length; i++) sum += Unsafe.Add(ref xs, i);
        return sum;
    }
}

internal interface IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    static abstract T Apply(T x, T y);
    static abstract Vector<T> Apply(Vector<T> x, Vector<T> y);
}

internal interface IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    static abstract T Apply(T x);
    static abstract Vector<T> Apply(Vector<T> x);
}

internal readonly struct AddOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x, T y) => x + y;
    public static Vector<T> Apply(Vector<T> x, Vector<T> y) => x + y;
}

internal readonly struct SubtractOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x, T y) => x - y;
    public static Vector<T> Apply(Vector<T> x, Vector<T> y) => x - y;
}

internal readonly struct MultiplyOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x, T y) => x * y;
    public static Vector<T> Apply(Vector<T> x, Vector<T> y) => x * y;
}

internal readonly struct DivideOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x, T y) => x / y;
    public static Vector<T> Apply(Vector<T> x, Vector<T> y) => x / y;
}

// The float functions: float32 and float64 only (Vector's math has no other element types).
internal readonly struct ExpOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x) => typeof(T) == typeof(double) ? (T)(object)Math.Exp((double)(object)x) : (T)(object)MathF.Exp((float)(object)x);
    public static Vector<T> Apply(Vector<T> x) => typeof(T) == typeof(double) ? Vector.Exp(x.As<T, double>()).As<double, T>() : Vector.Exp(x.As<T, float>()).As<float, T>();
}

internal readonly struct LogOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x) => typeof(T) == typeof(double) ? (T)(object)Math.Log((double)(object)x) : (T)(object)MathF.Log((float)(object)x);
    public static Vector<T> Apply(Vector<T> x) => typeof(T) == typeof(double) ? Vector.Log(x.As<T, double>()).As<double, T>() : Vector.Log(x.As<T, float>()).As<float, T>();
}

internal readonly struct SqrtOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x) => typeof(T) == typeof(double) ? (T)(object)Math.Sqrt((double)(object)x) : (T)(object)MathF.Sqrt((float)(object)x);
    public static Vector<T> Apply(Vector<T> x) => Vector.SquareRoot(x);
}

internal readonly struct AbsOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Apply(T x) => T.Abs(x);
    public static Vector<T> Apply(Vector<T> x) => Vector.Abs(x);
}
