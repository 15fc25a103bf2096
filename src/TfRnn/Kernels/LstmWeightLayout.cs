using TorchSharp;

namespace TfRnn;

/// <summary>
/// TF's LSTM kernel <c>[input + units, 4·units]</c> (gate columns i, j, f, o) to and from libtorch's
/// <c>weight_ih [4·units, input]</c> and <c>weight_hh [4·units, units]</c> (gate rows i, f, g = j, o), as one tiled
/// transposing pass over host memory: the same work as index_select, narrow, transpose and copy, without the five
/// engine calls per layer (0.5 ms of MNIST's 25 ms step went to them).
/// </summary>
internal static class LstmWeightLayout
{
    // TF's gate block for each of libtorch's: i ← i, f ← f (TF's third), g ← j (TF's second), o ← o.
    static readonly int[] TfBlockOf = { 0, 2, 1, 3 };
    const int Tile = 16;                        // 16 floats: one cache line of the row-major side per read
    const long ParallelElements = 1 << 20;      // below this, waking a second thread costs more than it saves

    /// <summary>
    /// Writes <paramref name="kernel"/> and <paramref name="bias"/> (TF layout, float32, contiguous) into the module's
    /// parameters; <paramref name="forgetBias"/> goes into the f block of <paramref name="biasIh"/>, <paramref name="biasHh"/> is zeroed.
    /// </summary>
    public static void ToLibTorch(torch.Tensor kernel, torch.Tensor bias, double forgetBias,
        torch.Tensor weightIh, torch.Tensor weightHh, torch.Tensor biasIh, torch.Tensor biasHh)
    {
        int units = (int)weightHh.shape[1], input = (int)weightIh.shape[1];
        // The loops below read through raw pointers: a kernel of another shape or type must fail here, not read past its end.
        CheckFloat32(kernel, "kernel", input + units, 4 * units);
        CheckFloat32(bias, "bias", 4 * units);
        Transpose(kernel, weightIh, weightHh, input, units, toLibTorch: true);
        var b = TensorMemory.Span<float>(bias);
        var bIh = TensorMemory.Span<float>(biasIh);
        for (int block = 0; block < 4; block++)
        {
            float add = block == 1 ? (float)forgetBias : 0f;   // f is libtorch's second block
            var from = b.Slice(TfBlockOf[block] * units, units);
            var to = bIh.Slice(block * units, units);
            for (int r = 0; r < units; r++) to[r] = from[r] + add;
        }
        TensorMemory.Span<float>(biasHh).Clear();
    }

    /// <summary>
    /// The TF-layout gradients of the kernel and bias from libtorch's parameter gradients (bias_ih and bias_hh add to
    /// every gate alike, so either one's gradient is the TF bias's).
    /// </summary>
    public static (torch.Tensor kernel, torch.Tensor bias) FromLibTorch(torch.Tensor dWeightIh, torch.Tensor dWeightHh, torch.Tensor dBiasIh)
    {
        int units = (int)dWeightHh.shape[1], input = (int)dWeightIh.shape[1];
        CheckFloat32(dWeightIh, "weight_ih gradient", 4 * units, input);
        CheckFloat32(dWeightHh, "weight_hh gradient", 4 * units, units);
        CheckFloat32(dBiasIh, "bias_ih gradient", 4 * units);
        var kernel = torch.empty(input + units, 4 * units, dtype: torch.ScalarType.Float32);
        // `using`: the copies (when a gradient is strided) must outlive the raw reads, and need not outlive this call.
        using (var ih = dWeightIh.contiguous())
        using (var hh = dWeightHh.contiguous())
            Transpose(kernel, ih, hh, input, units, toLibTorch: false);
        var bias = torch.empty(4 * units, dtype: torch.ScalarType.Float32);
        using (var dBias = dBiasIh.contiguous())
        {
            var from = TensorMemory.Span<float>(dBias);
            var to = TensorMemory.Span<float>(bias);
            for (int block = 0; block < 4; block++) from.Slice(block * units, units).CopyTo(to.Slice(TfBlockOf[block] * units, units));
        }
        return (kernel, bias);
    }

    static void CheckFloat32(torch.Tensor tensor, string what, params long[] dims)
    {
        if (tensor.dtype != torch.ScalarType.Float32 || !tensor.shape.SequenceEqual(dims))
            throw new InvalidArgumentError($"the LSTM {what} is {tensor.dtype} of shape [{string.Join(", ", tensor.shape)}]; " +
                $"libtorch's LSTM layer needs Float32 of shape [{string.Join(", ", dims)}]");
    }

    // Row k of the TF kernel is column k of weight_ih (k < input) or of weight_hh; TF column c of gate block
    // TfBlockOf[p] is row p·units + (c mod units) of either. Tiles of 16 rows by 16 columns keep both sides in cache.
    static unsafe void Transpose(torch.Tensor kernel, torch.Tensor weightIh, torch.Tensor weightHh, int input, int units, bool toLibTorch)
    {
        float* k = (float*)Pointer(kernel), ih = (float*)Pointer(weightIh), hh = (float*)Pointer(weightHh);
        int columns = 4 * units, rows = input + units;
        int rowTiles = (rows + Tile - 1) / Tile;
        void RowTile(int tile)
        {
            int k0 = tile * Tile, k1 = Math.Min(rows, k0 + Tile);
            for (int block = 0; block < 4; block++)
            {
                int tfColumn0 = TfBlockOf[block] * units, torchRow0 = block * units;
                for (int r0 = 0; r0 < units; r0 += Tile)
                {
                    int r1 = Math.Min(units, r0 + Tile);
                    for (int kk = k0; kk < k1; kk++)
                    {
                        float* tfRow = k + (long)kk * columns + tfColumn0;
                        float* target = kk < input ? ih + kk : hh + (kk - input);
                        int stride = kk < input ? input : units;
                        for (int r = r0; r < r1; r++)
                        {
                            float* torchElement = target + (long)(torchRow0 + r) * stride;
                            if (toLibTorch) *torchElement = tfRow[r];
                            else tfRow[r] = *torchElement;
                        }
                    }
                }
            }
        }
        if ((long)rows * columns >= ParallelElements) Parallel.For(0, rowTiles, RowTile);
        else for (int tile = 0; tile < rowTiles; tile++) RowTile(tile);
        GC.KeepAlive(kernel);   // the loops read raw pointers: no finalizer may free the tensors before they end
        GC.KeepAlive(weightIh);
        GC.KeepAlive(weightHh);
    }

    static unsafe IntPtr Pointer(torch.Tensor tensor)
    {
        var span = TensorMemory.Span<float>(tensor);
        fixed (float* p = span) return (IntPtr)p;
    }
}
