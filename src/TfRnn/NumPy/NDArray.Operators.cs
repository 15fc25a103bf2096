namespace TfRnn;

public sealed partial class NDArray
{
    static NDArray Op(NDArray a, NDArray b, Broadcasting.Binary op) => Broadcasting.Apply(a, b, op);
    static NDArray Op(NDArray a, double b, Broadcasting.Binary op) => Broadcasting.TryWithNumber(a, b, op, scalarLeft: false) ?? Op(a, a.Like(b), op);
    static NDArray Op(double a, NDArray b, Broadcasting.Binary op) => Broadcasting.TryWithNumber(b, a, op, scalarLeft: true) ?? Op(b.Like(a), b, op);

    /// <summary>A C# number next to an array keeps a floating array's dtype (numpy's scalar casting).</summary>
    NDArray Like(double value) => dtype == TF_DataType.TF_FLOAT ? Scalar((float)value) : Scalar(value);

    /// <summary>Elementwise <c>a + b</c> with NumPy broadcasting; the result has the promoted dtype (bool &lt; int32 &lt; int64 &lt; float32 &lt; float64).</summary>
    public static NDArray operator +(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Add);
    /// <summary>Elementwise <c>a - b</c> with NumPy broadcasting; the result has the promoted dtype.</summary>
    public static NDArray operator -(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Subtract);
    /// <summary>Elementwise <c>a * b</c> with NumPy broadcasting; the result has the promoted dtype.</summary>
    public static NDArray operator *(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Multiply);
    /// <summary>Elementwise true division <c>a / b</c> with NumPy broadcasting; the result has the promoted dtype, float64 when both are integer or bool.</summary>
    public static NDArray operator /(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Divide);
    /// <summary>Elementwise <c>a + b</c> with a scalar: a float32 array stays float32, other dtypes compute with <paramref name="b"/> as float64.</summary>
    public static NDArray operator +(NDArray a, double b) => Op(a, b, Broadcasting.Binary.Add);
    /// <inheritdoc cref="op_Addition(NDArray, double)"/>
    public static NDArray operator -(NDArray a, double b) => Op(a, b, Broadcasting.Binary.Subtract);
    /// <inheritdoc cref="op_Addition(NDArray, double)"/>
    public static NDArray operator *(NDArray a, double b) => Op(a, b, Broadcasting.Binary.Multiply);
    /// <inheritdoc cref="op_Addition(NDArray, double)"/>
    public static NDArray operator /(NDArray a, double b) => Op(a, b, Broadcasting.Binary.Divide);
    /// <summary>Elementwise <c>a + b</c> with a scalar on the left: a float32 array stays float32, other dtypes compute with <paramref name="a"/> as float64.</summary>
    public static NDArray operator +(double a, NDArray b) => Op(a, b, Broadcasting.Binary.Add);
    /// <inheritdoc cref="op_Addition(double, NDArray)"/>
    public static NDArray operator -(double a, NDArray b) => Op(a, b, Broadcasting.Binary.Subtract);
    /// <inheritdoc cref="op_Addition(double, NDArray)"/>
    public static NDArray operator *(double a, NDArray b) => Op(a, b, Broadcasting.Binary.Multiply);
    /// <inheritdoc cref="op_Addition(double, NDArray)"/>
    public static NDArray operator /(double a, NDArray b) => Op(a, b, Broadcasting.Binary.Divide);
    /// <summary>Elementwise negation <c>0 - a</c>; a float32 array stays float32.</summary>
    public static NDArray operator -(NDArray a) => Op(0.0, a, Broadcasting.Binary.Subtract);

    // Comparisons with a number give a boolean mask, for a[a > 0].
    /// <summary>Elementwise <c>a &gt; b</c> as a bool array of <paramref name="a"/>'s shape (a mask for <c>a[mask]</c>).</summary>
    public static NDArray operator >(NDArray a, double b) => a.Compare(v => v > b);
    /// <summary>Elementwise <c>a &lt; b</c> as a bool array of <paramref name="a"/>'s shape (a mask for <c>a[mask]</c>).</summary>
    public static NDArray operator <(NDArray a, double b) => a.Compare(v => v < b);
    /// <summary>Elementwise <c>a &gt;= b</c> as a bool array of <paramref name="a"/>'s shape (a mask for <c>a[mask]</c>).</summary>
    public static NDArray operator >=(NDArray a, double b) => a.Compare(v => v >= b);
    /// <summary>Elementwise <c>a &lt;= b</c> as a bool array of <paramref name="a"/>'s shape (a mask for <c>a[mask]</c>).</summary>
    public static NDArray operator <=(NDArray a, double b) => a.Compare(v => v <= b);
    NDArray Compare(Func<double, bool> test) => new(Array.ConvertAll(ToArray<double>(), v => test(v)), _dims);
}

public sealed partial class NDArray
{
    // Compound assignment updates the array in place, as in NumPy (`mem += dparam * dparam` changes
    // every holder of `mem`); the result keeps this array's shape and dtype.
    /// <summary>In-place <c>a += other</c>, as in NumPy: every holder of this array sees the change; <paramref name="other"/> must broadcast to this array's shape, and the result keeps this array's dtype.</summary>
    public void operator +=(NDArray other) => InPlace(other, Broadcasting.Binary.Add);
    /// <summary>In-place <c>a -= other</c>; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator -=(NDArray other) => InPlace(other, Broadcasting.Binary.Subtract);
    /// <summary>In-place <c>a *= other</c>; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator *=(NDArray other) => InPlace(other, Broadcasting.Binary.Multiply);
    /// <summary>In-place <c>a /= other</c>; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator /=(NDArray other) => InPlace(other, Broadcasting.Binary.Divide);
    /// <summary>In-place <c>a += other</c> with a scalar; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator +=(double other) => InPlace(Like(other), Broadcasting.Binary.Add);
    /// <summary>In-place <c>a -= other</c> with a scalar; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator -=(double other) => InPlace(Like(other), Broadcasting.Binary.Subtract);
    /// <summary>In-place <c>a *= other</c> with a scalar; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator *=(double other) => InPlace(Like(other), Broadcasting.Binary.Multiply);
    /// <summary>In-place <c>a /= other</c> with a scalar; see <see cref="op_AdditionAssignment(NDArray)"/>.</summary>
    public void operator /=(double other) => InPlace(Like(other), Broadcasting.Binary.Divide);

    void InPlace(NDArray other, Broadcasting.Binary op)
    {
        // `dW += np.dot(column, row)`: the outer product goes straight into dW (same shape and dtype only).
        if (other.Deferred is DeferredValue deferred && op is Broadcasting.Binary.Add or Broadcasting.Binary.Subtract
            && other.dtype == dtype && other._dims.SequenceEqual(_dims) && deferred.TryAccumulate(this, op == Broadcasting.Binary.Subtract))
            return;
        if (TryInPlaceLazy(other, op)) return;
        if (Broadcasting.TryInPlace(this, other, op)) return;
        var result = Broadcasting.Apply(this, other, op);
        if (!result.Dims.SequenceEqual(_dims))
            throw new ValueError($"non-broadcastable output operand with shape {shape} doesn't match the broadcast shape {result.shape}");
        CopyFrom(result);
    }

    // `param += <lazy expression>`: one pass, block by block; onto a fresh array when lazy results captured this one.
    bool TryInPlaceLazy(NDArray other, Broadcasting.Binary op)
    {
        if (other.dtype != dtype || !other._dims.AsSpan().SequenceEqual(_dims)) return false;
        switch (other.Deferred)
        {
            case LazyElementwise<double> node when Storage is double[] values: ApplyLazy(node, values, op); return true;
            case LazyElementwise<float> node when Storage is float[] values: ApplyLazy(node, values, op); return true;
            default: return false;
        }
    }

    void ApplyLazy<T>(LazyElementwise<T> node, T[] values, Broadcasting.Binary op) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (!IsCaptured)
        {
            node.ApplyTo(values, values, op);
            return;
        }
        var written = GC.AllocateUninitializedArray<T>(values.Length);
        node.ApplyTo(values, written, op);
        ReplaceCapturedStorage(written);
    }
}
