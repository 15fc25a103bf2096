using System.Numerics.Tensors;

namespace TfRnn;

/// <summary>
/// float32 host kernels for the per-character work of sampling loops (a logits layer and softmax over one row):
/// SIMD loops over spans, no engine call per op.
/// </summary>
internal static class HostMathKernels
{
    public static HostKernel? For(Operation op)
    {
        if (op.outputs.Length != 1 || op.outputs[0].dtype != TF_DataType.TF_FLOAT) return null;
        return op.type switch
        {
            "MatMul" when op.attrs.TryGetValue("transpose_a", out var ta) && op.attrs.TryGetValue("transpose_b", out var tb)
                => MatMul((bool)ta!, (bool)tb!),
            "Add" or "AddV2" or "BiasAdd" when RowBroadcast(op) => Add,
            "Softmax" when op.attrs.TryGetValue("axis", out var axis) && axis is EngineAttr<int> { Value: -1 } => Softmax,
            _ => null,
        };
    }

    /// <summary>x + y where y has x's shape, is x's last row shape (a bias) or is a scalar.</summary>
    static bool RowBroadcast(Operation op)
    {
        var (x, y) = (op.inputs[0].shape, op.inputs[1].shape);
        if (!x.is_fully_defined || !y.is_fully_defined) return false;
        return x.Equals(y) || y.ndim == 0 || y.ndim == 1 && x.ndim >= 1 && y[0] == x[-1];
    }

    static void Add(HostContext ctx)
    {
        var x = ctx.Floats(0);
        var y = ctx.Floats(1);
        var result = ctx.OutputFloats(0, ctx.Dims(0));
        if (y.Length == x.Length) TensorPrimitives.Add(x, y, result);
        else if (y.Length == 1) TensorPrimitives.Add(x, y[0], result);
        else
            for (int row = 0; row < x.Length; row += y.Length)
                TensorPrimitives.Add(x.Slice(row, y.Length), y, result.AsSpan(row, y.Length));
    }

    static HostKernel MatMul(bool transposeA, bool transposeB) => ctx =>
    {
        long[] da = ctx.Dims(0), db = ctx.Dims(1);
        if (da.Length != 2 || db.Length != 2) throw new InvalidArgumentError($"In[0] and In[1] must be matrices for '{ctx.Op.name}'");
        int m = (int)(transposeA ? da[1] : da[0]), k = (int)(transposeA ? da[0] : da[1]);
        int kb = (int)(transposeB ? db[1] : db[0]), n = (int)(transposeB ? db[0] : db[1]);
        if (k != kb)
            throw new InvalidArgumentError($"Matrix size-incompatible: In[0]: [{da[0]},{da[1]}], In[1]: [{db[0]},{db[1]}]");
        var a = ctx.Floats(0);
        var b = ctx.Floats(1);
        var result = ctx.OutputFloats(0, [m, n]);
        result.AsSpan().Clear();   // the products accumulate into it
        for (int row = 0; row < m; row++)
        {
            var output = result.AsSpan(row * n, n);
            if (!transposeA && !transposeB)
            {
                RowCombination.Accumulate(b, n, 0, a.Slice(row * k, k), output);   // output = a[row, :] · b
                continue;
            }
            for (int inner = 0; inner < k; inner++)
            {
                float scale = transposeA ? a[inner * m + row] : a[row * k + inner];
                if (transposeB)
                    for (int col = 0; col < n; col++) output[col] += scale * b[col * k + inner];
                else
                    TensorPrimitives.MultiplyAdd(b.Slice(inner * n, n), scale, output, output);
            }
        }
    };

    static void Softmax(HostContext ctx)
    {
        var x = ctx.Floats(0);
        long[] dims = ctx.Dims(0);
        int width = dims.Length == 0 ? 1 : (int)dims[^1];
        var result = ctx.OutputFloats(0, dims);
        for (int row = 0; row + width <= x.Length && width > 0; row += width)
        {
            var output = result.AsSpan(row, width);
            TensorPrimitives.Subtract(x.Slice(row, width), TensorPrimitives.Max(x.Slice(row, width)), output);   // stable: exp(x − max)
            TensorPrimitives.Exp(output, output);
            TensorPrimitives.Divide(output, TensorPrimitives.Sum(output), output);
        }
    }
}
