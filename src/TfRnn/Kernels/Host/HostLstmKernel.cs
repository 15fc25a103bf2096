using System.Numerics.Tensors;

namespace TfRnn;

/// <summary>
/// The fused LSTM op for a handful of rows on the host (sampling: batch 1, one step): per row and step, the gates
/// are bias + [x, h] · kernel accumulated one kernel row at a time in TF's column order i, j, f, o.
/// </summary>
internal static class HostLstmKernel
{
    public static HostKernel? For(Operation op)
    {
        if (op.type != "FusedLSTM" || !op.attrs.TryGetValue("layers", out var l) || l is not LstmLayerSpec[] layers) return null;
        if (op.inputs[0].dtype != TF_DataType.TF_FLOAT || layers.Any(s => s.UsePeepholes || s.NumProj != null || s.CellClip != null)) return null;
        bool hasLengths = op.attrs["has_lengths"] is EngineAttr<bool> { Value: true };
        return ctx => Run(ctx, layers, hasLengths);
    }

    static void Run(HostContext ctx, LstmLayerSpec[] layers, bool hasLengths)
    {
        long[] dims = ctx.Dims(0);                                 // [time, batch, depth]
        int time = (int)dims[0], batch = (int)dims[1], depth = (int)dims[2];
        var lengths = hasLengths ? ctx.Array(ctx.Op.inputs.Length - 1).Data<long>() : null;
        var input = ctx.Floats(0).ToArray();
        int next = 1 + 2 * layers.Length;
        for (int l = 0; l < layers.Length; l++)
        {
            int units = layers[l].Units;
            var kernel = ctx.Floats(next);
            var bias = ctx.Floats(next + 1);
            next += 2;
            var c = ctx.Floats(1 + 2 * l).ToArray();
            var h = ctx.Floats(2 + 2 * l).ToArray();
            var output = new float[time * batch * units];
            var gates = new float[4 * units];
            for (int t = 0; t < time; t++)
                for (int b = 0; b < batch; b++)
                {
                    if (lengths != null && t >= lengths[b]) continue;   // past the row's length: output zero, state carried
                    var x = input.AsSpan((t * batch + b) * depth, depth);
                    var rowC = c.AsSpan(b * units, units);
                    var rowH = h.AsSpan(b * units, units);
                    Step(kernel, bias, layers[l].ForgetBias, x, rowC, rowH, gates);
                    rowH.CopyTo(output.AsSpan((t * batch + b) * units, units));
                }
            ctx.Output(1 + 2 * l, new NDArray(c, new long[] { batch, units }));
            ctx.Output(2 + 2 * l, new NDArray(h, new long[] { batch, units }));
            input = output;
            depth = units;
        }
        ctx.Output(0, new NDArray(input, new long[] { time, batch, depth }));
    }

    /// <summary>One LSTM step of one row, updating c and h in place.</summary>
    static void Step(ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, double forgetBias, ReadOnlySpan<float> x, Span<float> c, Span<float> h,
        Span<float> gates)
    {
        int units = c.Length, width = 4 * units;
        bias.CopyTo(gates);
        RowCombination.Accumulate(kernel[..(x.Length * width)], width, x, gates);            // + x · kernel[:depth]
        RowCombination.Accumulate(kernel[(x.Length * width)..], width, h, gates);            // + h · kernel[depth:]
        var i = gates[..units];
        var j = gates.Slice(units, units);
        var f = gates.Slice(2 * units, units);
        var o = gates.Slice(3 * units, units);
        TensorPrimitives.Sigmoid(i, i);
        TensorPrimitives.Tanh(j, j);
        TensorPrimitives.Add(f, (float)forgetBias, f);
        TensorPrimitives.Sigmoid(f, f);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(f, c, c);                        // c' = f·c + i·j
        TensorPrimitives.FusedMultiplyAdd(i, j, c, c);
        TensorPrimitives.Tanh(c, h);                               // h' = o·tanh(c')
        TensorPrimitives.Multiply(o, h, h);
    }
}
