namespace TfRnn;

public sealed partial class NDArray
{
    /// <summary>
    /// The sub-array at the leading <paramref name="index"/> (negative counts from the end), as numpy's
    /// <c>a[i, j]</c>: a copy; setting copies values in, broadcasting a scalar.
    /// </summary>
    public NDArray this[params int[] index]
    {
        get
        {
            var (offset, count, rest) = Locate(index);
            var block = Array.CreateInstance(Storage.GetType().GetElementType()!, count);
            Array.Copy(Storage, offset, block, 0, count);
            return new NDArray(block, rest);
        }
        set
        {
            var (offset, count, rest) = Locate(index);
            var source = value.dtype == dtype ? value : value.astype(dtype);
            if (source.Storage.Length == 1)
            {
                object element = source.Storage.GetValue(0)!;
                for (int i = 0; i < count; i++) Storage.SetValue(element, offset + i);
            }
            else if (source._dims.SequenceEqual(rest))
                Array.Copy(source.Storage, 0, Storage, offset, count);
            else
                throw new ValueError($"could not broadcast input array from shape {source.shape} into shape {new Shape(rest)}");
        }
    }

    /// <summary>The element at a full index, without allocating an NDArray.</summary>
    public T GetValue<T>(params int[] index)
    {
        if (index.Length != _dims.Length)
            throw new IndexOutOfRangeException($"GetValue needs {_dims.Length} indices, got {index.Length}");
        return Data<T>()[Locate(index).offset];
    }

    public void SetValue<T>(T value, params int[] index)
    {
        if (index.Length != _dims.Length)
            throw new IndexOutOfRangeException($"SetValue needs {_dims.Length} indices, got {index.Length}");
        if (Storage is not T[] typed)
            throw new TypeError($"cannot store a {typeof(T).Name} in an array of dtype {dtype.as_numpy_name()}");
        typed[Locate(index).offset] = value;
    }

    (int offset, int count, long[] rest) Locate(int[] index)
    {
        if (index.Length > _dims.Length)
            throw new IndexOutOfRangeException($"too many indices for array: array is {_dims.Length}-dimensional, but {index.Length} were indexed");
        long offset = 0;
        var strides = Strides();
        for (int axis = 0; axis < index.Length; axis++)
        {
            long i = index[axis] < 0 ? index[axis] + _dims[axis] : index[axis];
            if (i < 0 || i >= _dims[axis])
                throw new IndexOutOfRangeException($"index {index[axis]} is out of bounds for axis {axis} with size {_dims[axis]}");
            offset += i * strides[axis];
        }
        var rest = _dims[index.Length..];
        long count = rest.Aggregate(1L, (a, b) => a * b);
        return ((int)offset, (int)count, rest);
    }
}
