namespace TfRnn;

public sealed partial class NDArray
{
    static NDArray Op(NDArray a, NDArray b, Broadcasting.Binary op) => Broadcasting.Apply(a, b, op);

    /// <summary>A C# number next to an array keeps a floating array's dtype (numpy's scalar casting).</summary>
    NDArray Like(double value) => dtype.is_floating() ? Scalar(value).astype(dtype) : Scalar(value);

    public static NDArray operator +(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Add);
    public static NDArray operator -(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Subtract);
    public static NDArray operator *(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Multiply);
    public static NDArray operator /(NDArray a, NDArray b) => Op(a, b, Broadcasting.Binary.Divide);
    public static NDArray operator +(NDArray a, double b) => Op(a, a.Like(b), Broadcasting.Binary.Add);
    public static NDArray operator -(NDArray a, double b) => Op(a, a.Like(b), Broadcasting.Binary.Subtract);
    public static NDArray operator *(NDArray a, double b) => Op(a, a.Like(b), Broadcasting.Binary.Multiply);
    public static NDArray operator /(NDArray a, double b) => Op(a, a.Like(b), Broadcasting.Binary.Divide);
    public static NDArray operator +(double a, NDArray b) => Op(b.Like(a), b, Broadcasting.Binary.Add);
    public static NDArray operator -(double a, NDArray b) => Op(b.Like(a), b, Broadcasting.Binary.Subtract);
    public static NDArray operator *(double a, NDArray b) => Op(b.Like(a), b, Broadcasting.Binary.Multiply);
    public static NDArray operator /(double a, NDArray b) => Op(b.Like(a), b, Broadcasting.Binary.Divide);
    public static NDArray operator -(NDArray a) => Op(a.Like(0), a, Broadcasting.Binary.Subtract);

    /// <summary>The transpose (axes reversed), numpy's <c>a.T</c>.</summary>
    public NDArray T => np.transpose(this);
}
