namespace TfRnn;

public sealed partial class NDArray
{
    /// <summary>
    /// The sub-array at the leading <paramref name="index"/> (negative counts from the end), as numpy's
    /// <c>a[i, j]</c>: a copy; setting copies values in, broadcasting a scalar.
    /// </summary>
    public NDArray this[params ReadOnlySpan<int> index]
    {
        get
        {
            var (offset, count) = Locate(index);
            // Typed copies for the float arrays min-char-rnn indexes per time step (`ps[t][target, 0]`).
            Array block = Storage switch
            {
                double[] d => d.AsSpan(offset, count).ToArray(),
                float[] f => f.AsSpan(offset, count).ToArray(),
                _ => Array.CreateInstance(Storage.GetType().GetElementType()!, count),
            };
            if (block.Length > 0 && Storage is not (double[] or float[])) Array.Copy(Storage, offset, block, 0, count);
            return new NDArray(block, Rest(index.Length));
        }
        set
        {
            PrepareWrite();
            var (offset, count) = Locate(index);
            if (value.size == 1 && TryFillFloat(offset, count, value)) return;
            var source = value.dtype == dtype ? value : value.astype(dtype);
            if (source.Storage.Length == 1)
            {
                object element = source.Storage.GetValue(0)!;
                for (int i = 0; i < count; i++) Storage.SetValue(element, offset + i);
            }
            else if (source._dims.AsSpan().SequenceEqual(_dims.AsSpan(index.Length)))
                Array.Copy(source.Storage, 0, Storage, offset, count);
            else
                throw new ValueError($"could not broadcast input array from shape {source.shape} into shape {new Shape(Rest(index.Length))}");
        }
    }

    /// <summary>The element at a full index, without allocating an NDArray.</summary>
    public T GetValue<T>(params ReadOnlySpan<int> index)
    {
        if (index.Length != _dims.Length)
            throw new IndexOutOfRangeException($"GetValue needs {_dims.Length} indices, got {index.Length}");
        return Data<T>()[Locate(index).offset];
    }

    /// <summary>Writes one element at a full index; <see cref="TypeError"/> unless <typeparamref name="T"/> is this array's element type.</summary>
    public void SetValue<T>(T value, params ReadOnlySpan<int> index)
    {
        if (index.Length != _dims.Length)
            throw new IndexOutOfRangeException($"SetValue needs {_dims.Length} indices, got {index.Length}");
        if (WritableStorage is not T[] typed)
            throw new TypeError($"cannot store a {typeof(T).Name} in an array of dtype {dtype.as_numpy_name()}");
        typed[Locate(index).offset] = value;
    }

    // The dimensions left after indexing the first `indexed` axes (a scalar's are empty).
    long[] Rest(int indexed) => indexed == _dims.Length ? Array.Empty<long>() : _dims[indexed..];

    // An index passed as a span: `a[i]`, `a[t, 0]` allocate no index array, and no dims array unless a block is returned.
    (int offset, int count) Locate(ReadOnlySpan<int> index)
    {
        if (index.Length > _dims.Length)
            throw new IndexOutOfRangeException($"too many indices for array: array is {_dims.Length}-dimensional, but {index.Length} were indexed");
        // Row-major offset (Horner over the indexed axes) and the element count of the remaining axes.
        long offset = 0, count = 1;
        for (int axis = 0; axis < _dims.Length; axis++)
        {
            if (axis >= index.Length)
            {
                offset *= _dims[axis];
                count *= _dims[axis];
                continue;
            }
            long i = index[axis] < 0 ? index[axis] + _dims[axis] : index[axis];
            if (i < 0 || i >= _dims[axis])
                throw new IndexOutOfRangeException($"index {index[axis]} is out of bounds for axis {axis} with size {_dims[axis]}");
            offset = offset * _dims[axis] + i;
        }
        return ((int)offset, (int)count);
    }

    /// <summary>
    /// `a[i] = 1` into a float array without boxing: a numeric scalar converted as NumPy's assignment casts
    /// it (to the nearest float), broadcast over the indexed block. False for other element types.
    /// </summary>
    bool TryFillFloat(int offset, int count, NDArray scalar)
    {
        double? value = scalar.Storage switch
        {
            double[] d => d[0],
            float[] f => f[0],
            int[] i => i[0],
            long[] l when Storage is double[] => l[0],   // into float32 it would round twice
            _ => null,
        };
        if (value is not double v) return false;
        switch (Storage)
        {
            case double[] d: d.AsSpan(offset, count).Fill(v); return true;
            case float[] f: f.AsSpan(offset, count).Fill((float)v); return true;
            default: return false;
        }
    }
}
