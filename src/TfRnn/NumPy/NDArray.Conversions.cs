namespace TfRnn;

public sealed partial class NDArray
{
    /// <summary>A 0-d array holding one value.</summary>
    public static NDArray Scalar<T>(T value) => new(new[] { value }, Array.Empty<long>());

    /// <summary>Copies any C# scalar, flat/jagged/multi-dimensional array or NDArray into an NDArray.</summary>
    public static NDArray FromObject(object value) => value switch
    {
        NDArray a => a,
        float v => Scalar(v),
        double v => Scalar(v),
        int v => Scalar(v),
        long v => Scalar(v),
        bool v => Scalar(v),
        byte v => Scalar(v),
        sbyte v => Scalar(v),
        short v => Scalar(v),
        string v => Scalar(v),
        Array array => FromArray(array),
        System.Collections.IEnumerable items => FromArray(items.Cast<object>().ToArray()),
        _ => throw new TypeError($"cannot convert a value of type {value.GetType().Name} to an array"),
    };

    static NDArray FromArray(Array array)
    {
        var elementType = array.GetType().GetElementType()!;
        if (array.Rank > 1)
        {
            var dims = Enumerable.Range(0, array.Rank).Select(r => (long)array.GetLength(r)).ToArray();
            var flat = Array.CreateInstance(elementType, array.Length);
            int i = 0;
            foreach (var item in array) flat.SetValue(item, i++);
            return new NDArray(flat, dims);
        }
        if (elementType.IsArray || elementType == typeof(object) || elementType == typeof(NDArray))
            return FromNested(array);
        return new NDArray((Array)array.Clone(), new long[] { array.Length });
    }

    /// <summary>Jagged input: every row must have the same shape (numpy's rule for rectangular arrays).</summary>
    static NDArray FromNested(Array rows)
    {
        if (rows.Length == 0) return new NDArray(Array.Empty<float>(), new long[] { 0 });
        var parts = rows.Cast<object>().Select(FromObject).ToArray();
        var inner = parts[0]._dims;
        if (parts.Any(p => !p._dims.SequenceEqual(inner) || p.dtype != parts[0].dtype))
            throw new ValueError("setting an array element with a sequence: the rows have different shapes or types");
        var flat = Array.CreateInstance(parts[0].Storage.GetType().GetElementType()!, parts.Sum(p => p.Storage.Length));
        int offset = 0;
        foreach (var p in parts)
        {
            Array.Copy(p.Storage, 0, flat, offset, p.Storage.Length);
            offset += p.Storage.Length;
        }
        return new NDArray(flat, new[] { (long)rows.Length }.Concat(inner).ToArray());
    }

    /// <summary>The only element, converted (numpy's <c>item()</c>); errors unless size is 1.</summary>
    public T item<T>()
    {
        if (Storage.Length != 1)
            throw new ValueError($"can only convert an array of size 1 to a C# scalar, not an array of shape {shape}");
        return Data<T>()[0];
    }

    /// <summary>A 0-d float32 array holding <paramref name="value"/>.</summary>
    public static implicit operator NDArray(float value) => Scalar(value);
    /// <summary>A 0-d float64 array holding <paramref name="value"/>.</summary>
    public static implicit operator NDArray(double value) => Scalar(value);
    /// <summary>A 0-d int32 array holding <paramref name="value"/>.</summary>
    public static implicit operator NDArray(int value) => Scalar(value);
    /// <summary>A 0-d int64 array holding <paramref name="value"/>.</summary>
    public static implicit operator NDArray(long value) => Scalar(value);
    /// <summary>A 0-d bool array holding <paramref name="value"/>.</summary>
    public static implicit operator NDArray(bool value) => Scalar(value);
    /// <summary>A 1-d copy of <paramref name="value"/> (float32).</summary>
    public static implicit operator NDArray(float[] value) => FromArray(value);
    /// <summary>A 1-d copy of <paramref name="value"/> (float64).</summary>
    public static implicit operator NDArray(double[] value) => FromArray(value);
    /// <summary>A 1-d copy of <paramref name="value"/> (int32).</summary>
    public static implicit operator NDArray(int[] value) => FromArray(value);
    /// <summary>A 1-d copy of <paramref name="value"/> (int64).</summary>
    public static implicit operator NDArray(long[] value) => FromArray(value);
    /// <summary>A 1-d copy of <paramref name="value"/> (bool).</summary>
    public static implicit operator NDArray(bool[] value) => FromArray(value);
    /// <summary>A 2-d float32 copy of <paramref name="value"/>, with its dimensions.</summary>
    public static implicit operator NDArray(float[,] value) => FromArray(value);
    /// <summary>A 2-d float64 copy of <paramref name="value"/>, with its dimensions.</summary>
    public static implicit operator NDArray(double[,] value) => FromArray(value);
    /// <summary>A 2-d int32 copy of <paramref name="value"/>, with its dimensions.</summary>
    public static implicit operator NDArray(int[,] value) => FromArray(value);
    /// <summary>A 3-d float32 copy of <paramref name="value"/>, with its dimensions.</summary>
    public static implicit operator NDArray(float[,,] value) => FromArray(value);
    /// <summary>The rows of <paramref name="value"/> stacked into a 2-d float32 array; <see cref="ValueError"/> when they differ in length.</summary>
    public static implicit operator NDArray(float[][] value) => FromArray(value);
    /// <summary>The rows of <paramref name="value"/> stacked into a 2-d float64 array; <see cref="ValueError"/> when they differ in length.</summary>
    public static implicit operator NDArray(double[][] value) => FromArray(value);
    /// <summary>The rows of <paramref name="value"/> stacked into a 2-d int32 array; <see cref="ValueError"/> when they differ in length.</summary>
    public static implicit operator NDArray(int[][] value) => FromArray(value);

    /// <summary>The only element as float (see <see cref="item{T}"/>); <see cref="ValueError"/> unless the size is 1.</summary>
    public static explicit operator float(NDArray a) => a.item<float>();
    /// <summary>The only element as double (see <see cref="item{T}"/>); <see cref="ValueError"/> unless the size is 1.</summary>
    public static explicit operator double(NDArray a) => a.item<double>();
    /// <summary>The only element as int, floats truncated toward zero (see <see cref="item{T}"/>); <see cref="ValueError"/> unless the size is 1.</summary>
    public static explicit operator int(NDArray a) => a.item<int>();
    /// <summary>The only element as long, floats truncated toward zero (see <see cref="item{T}"/>); <see cref="ValueError"/> unless the size is 1.</summary>
    public static explicit operator long(NDArray a) => a.item<long>();
    /// <summary>The only element as bool, nonzero is true (see <see cref="item{T}"/>); <see cref="ValueError"/> unless the size is 1.</summary>
    public static explicit operator bool(NDArray a) => a.item<bool>();
    /// <summary>The only element as a string (see <see cref="item{T}"/>); <see cref="ValueError"/> unless the size is 1.</summary>
    public static explicit operator string(NDArray a) => a.item<string>();
    /// <summary>All elements, flattened row-major, as a new float[] (converted when the dtype differs).</summary>
    public static explicit operator float[](NDArray a) => a.ToArray<float>();
    /// <summary>All elements, flattened row-major, as a new double[] (converted when the dtype differs).</summary>
    public static explicit operator double[](NDArray a) => a.ToArray<double>();
    /// <summary>All elements, flattened row-major, as a new int[] (converted when the dtype differs; floats truncated toward zero).</summary>
    public static explicit operator int[](NDArray a) => a.ToArray<int>();
    /// <summary>All elements, flattened row-major, as a new long[] (converted when the dtype differs; floats truncated toward zero).</summary>
    public static explicit operator long[](NDArray a) => a.ToArray<long>();
}
