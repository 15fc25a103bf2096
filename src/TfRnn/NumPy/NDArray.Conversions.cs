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

    public static implicit operator NDArray(float value) => Scalar(value);
    public static implicit operator NDArray(double value) => Scalar(value);
    public static implicit operator NDArray(int value) => Scalar(value);
    public static implicit operator NDArray(long value) => Scalar(value);
    public static implicit operator NDArray(bool value) => Scalar(value);
    public static implicit operator NDArray(float[] value) => FromArray(value);
    public static implicit operator NDArray(double[] value) => FromArray(value);
    public static implicit operator NDArray(int[] value) => FromArray(value);
    public static implicit operator NDArray(long[] value) => FromArray(value);
    public static implicit operator NDArray(bool[] value) => FromArray(value);
    public static implicit operator NDArray(float[,] value) => FromArray(value);
    public static implicit operator NDArray(double[,] value) => FromArray(value);
    public static implicit operator NDArray(int[,] value) => FromArray(value);
    public static implicit operator NDArray(float[,,] value) => FromArray(value);
    public static implicit operator NDArray(float[][] value) => FromArray(value);
    public static implicit operator NDArray(double[][] value) => FromArray(value);
    public static implicit operator NDArray(int[][] value) => FromArray(value);

    public static explicit operator float(NDArray a) => a.item<float>();
    public static explicit operator double(NDArray a) => a.item<double>();
    public static explicit operator int(NDArray a) => a.item<int>();
    public static explicit operator long(NDArray a) => a.item<long>();
    public static explicit operator bool(NDArray a) => a.item<bool>();
    public static explicit operator string(NDArray a) => a.item<string>();
    public static explicit operator float[](NDArray a) => a.ToArray<float>();
    public static explicit operator double[](NDArray a) => a.ToArray<double>();
    public static explicit operator int[](NDArray a) => a.ToArray<int>();
    public static explicit operator long[](NDArray a) => a.ToArray<long>();
}
