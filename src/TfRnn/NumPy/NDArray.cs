namespace TfRnn;

/// <summary>
/// A NumPy-flavoured host array: contiguous row-major managed storage of one element type. Results of
/// <c>Session.run</c> arrive as NDArrays; small-array math stays in managed memory (see <see cref="np"/>).
/// </summary>
public sealed partial class NDArray
{
    long[] _dims;

    /// <summary>Wraps <paramref name="storage"/> (not copied) as an array of the given dimensions.</summary>
    internal NDArray(Array storage, long[] dims)
    {
        // dims is owned from here on: NDArrays never write their dims array, so results share their operands'.
        if (storage.Length != ElementCount(dims))
            throw new ValueError($"cannot reshape array of size {storage.Length} into shape {FormatDims(dims)}");
        _storage = storage;
        _dims = dims;
        // The common element types without reflection: small arrays are created per op.
        dtype = storage switch
        {
            double[] => TF_DataType.TF_DOUBLE,
            float[] => TF_DataType.TF_FLOAT,
            int[] => TF_DataType.TF_INT32,
            long[] => TF_DataType.TF_INT64,
            _ => DataTypeExtensions.FromClrType(storage.GetType().GetElementType()!),
        };
    }

    Array? _storage;

    /// <summary>The flat row-major storage: float[], double[], int[], long[], bool[], byte[], … or string[].</summary>
    internal Array Storage
    {
        get
        {
            if (_pendingOuters != null) FlushPendingOuters();
            return _storage ?? Materialize();
        }
    }

    /// <summary>The element type (numpy's <c>dtype</c>), set by the storage: float[] is float32, double[] float64, int[] int32, long[] int64.</summary>
    public TF_DataType dtype { get; private set; }
    /// <summary>The dimensions, as numpy's <c>shape</c> tuple (empty for a 0-d array).</summary>
    public Shape shape => new(_dims);
    internal long[] Dims => _dims;
    /// <summary>The number of dimensions (numpy's <c>ndim</c>).</summary>
    public int ndim => _dims.Length;
    /// <summary>The number of elements (numpy's <c>size</c>, the product of the dimensions).</summary>
    public long size => _storage?.Length ?? ElementCount(_dims);
    /// <summary>The length of the first dimension (Python's <c>len(a)</c>); <see cref="TypeError"/> for a 0-d array.</summary>
    public int len => _dims.Length == 0 ? throw new TypeError("len() of unsized object") : (int)_dims[0];

    /// <summary>The elements as a flat array of <typeparamref name="T"/> (a copy, converted when the type differs).</summary>
    public T[] ToArray<T>()
    {
        if (Storage is T[] same) return same.AsSpan().ToArray();
        return ConvertStorage<T>(Storage);
    }

    /// <summary>The storage as <typeparamref name="T"/>[] without copying when it already is one.</summary>
    internal T[] Data<T>() => Storage as T[] ?? ConvertStorage<T>(Storage);

    /// <summary>A copy converted to <paramref name="type"/> (numpy's <c>astype</c>).</summary>
    public NDArray astype(TF_DataType type)
    {
        if (type == dtype) return copy();
        Array converted = type switch
        {
            TF_DataType.TF_FLOAT => Storage is double[] d ? Array.ConvertAll(d, v => (float)v) : ConvertStorage<float>(Storage),
            TF_DataType.TF_DOUBLE => Storage is float[] f ? Array.ConvertAll(f, v => (double)v) : ConvertStorage<double>(Storage),
            TF_DataType.TF_INT32 => ConvertStorage<int>(Storage),
            TF_DataType.TF_INT64 => ConvertStorage<long>(Storage),
            TF_DataType.TF_INT16 => ConvertStorage<short>(Storage),
            TF_DataType.TF_INT8 => ConvertStorage<sbyte>(Storage),
            TF_DataType.TF_UINT8 => ConvertStorage<byte>(Storage),
            TF_DataType.TF_BOOL => ConvertStorage<bool>(Storage),
            TF_DataType.TF_STRING => Storage.Cast<object>().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!).ToArray(),
            _ => throw new TypeError($"cannot convert an array to dtype {type.as_numpy_name()}"),
        };
        return new NDArray(converted, _dims);
    }

    /// <summary>A copy with its own storage (numpy's <c>copy()</c>).</summary>
    public NDArray copy() => new(CopyOf(Storage), _dims);

    /// <summary>The same elements with new dimensions (one may be -1); shares storage like a numpy view.</summary>
    public NDArray reshape(params long[] newShape) => ViewOf(this, ResolveReshape(newShape, Storage.Length));
    /// <inheritdoc cref="reshape(long[])"/>
    public NDArray reshape(params int[] newShape) => reshape(newShape.Select(d => (long)d).ToArray());
    /// <inheritdoc cref="reshape(long[])"/>
    public NDArray reshape(Shape newShape) => reshape(newShape.as_list());
    /// <summary>A flat 1-d view of the same elements (numpy's <c>ravel()</c>; shares storage).</summary>
    public NDArray ravel() => reshape(-1L);
    /// <summary>A flat 1-d copy of the elements (numpy's <c>flatten()</c>).</summary>
    public NDArray flatten() => copy().reshape(-1L);

    internal static long[] ResolveReshape(long[] requested, long count)
    {
        var dims = (long[])requested.Clone();
        int unknown = Array.IndexOf(dims, -1L);
        long known = dims.Where(d => d != -1).Aggregate(1L, (a, b) => a * b);
        if (unknown >= 0)
        {
            if (known == 0 || count % known != 0)
                throw new ValueError($"cannot reshape array of size {count} into shape {FormatDims(requested)}");
            dims[unknown] = count / known;
        }
        if (ElementCount(dims) != count)
            throw new ValueError($"cannot reshape array of size {count} into shape {FormatDims(requested)}");
        return dims;
    }

    /// <summary>The number of elements of an array of dimensions <paramref name="dims"/>.</summary>
    internal static long ElementCount(ReadOnlySpan<long> dims)
    {
        long count = 1;
        foreach (var d in dims) count *= d;
        return count;
    }

    /// <summary>
    /// A copy of a storage array. Array.Clone costs ~60 ns even for two elements (a runtime call); np's arrays
    /// are copied per op (np.copy, copy-on-write), so the common element types are copied as spans.
    /// </summary>
    internal static Array CopyOf(Array storage) => storage switch
    {
        double[] d => d.AsSpan().ToArray(),
        float[] f => f.AsSpan().ToArray(),
        int[] i => i.AsSpan().ToArray(),
        long[] l => l.AsSpan().ToArray(),
        _ => (Array)storage.Clone(),
    };

    internal static string FormatDims(long[] dims) =>
        dims.Length == 1 ? $"({dims[0]},)" : "(" + string.Join(", ", dims) + ")";

    internal static T[] ConvertStorage<T>(Array source)
    {
        var result = new T[source.Length];
        var target = typeof(T);
        // Strings may be held as text or as raw bytes (serialized protos); convert through UTF-8.
        if (target == typeof(string) && source is byte[][] raw)
            return (T[])(object)raw.Select(b => System.Text.Encoding.UTF8.GetString(b)).ToArray();
        if (target == typeof(byte[]) && source is string[] text)
            return (T[])(object)text.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        bool toInteger = target != typeof(float) && target != typeof(double) && target != typeof(bool) && target != typeof(string);
        for (int i = 0; i < source.Length; i++)
        {
            object value = source.GetValue(i)!;
            // numpy's astype truncates floats toward zero; Convert.ChangeType would round.
            if (toInteger && value is float or double) value = Math.Truncate(Convert.ToDouble(value));
            result[i] = (T)(target == typeof(bool) ? Convert.ToDouble(value) != 0 : Convert.ChangeType(value, target));
        }
        return result;
    }

    /// <summary>The row-major strides, in elements.</summary>
    internal long[] Strides()
    {
        var strides = new long[_dims.Length];
        long stride = 1;
        for (int i = _dims.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= _dims[i];
        }
        return strides;
    }
}

public sealed partial class NDArray
{
    /// <summary>Copies <paramref name="source"/>'s values into this array's storage (same size; converted).</summary>
    internal void CopyFrom(NDArray source)
    {
        if (source.Storage.Length != Storage.Length)
            throw new ValueError($"could not broadcast input array from shape {source.shape} into shape {shape}");
        var converted = source.dtype == dtype ? source : source.astype(dtype);
        Array.Copy(converted.Storage, WritableStorage, Storage.Length);
    }
}
