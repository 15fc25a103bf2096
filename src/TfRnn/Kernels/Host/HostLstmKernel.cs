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
            var layer = new Layer(ctx.Input(next), ctx.Input(next + 1), layers[l].Units, depth, layers[l].ForgetBias);
            next += 2;
            var c = ctx.Floats(1 + 2 * l).ToArray();
            var h = ctx.Floats(2 + 2 * l).ToArray();
            var output = new float[time * batch * layer.Units];
            for (int t = 0; t < time; t++)
                for (int b = 0; b < batch; b++)
                {
                    if (lengths != null && t >= lengths[b]) continue;   // past the row's length: output zero, state carried
                    layer.Step(input, (t * batch + b) * depth, c, h, b * layer.Units);
                    h.AsSpan(b * layer.Units, layer.Units).CopyTo(output.AsSpan((t * batch + b) * layer.Units, layer.Units));
                }
            ctx.Output(1 + 2 * l, new NDArray(c, new long[] { batch, layer.Units }));
            ctx.Output(2 + 2 * l, new NDArray(h, new long[] { batch, layer.Units }));
            input = output;
            depth = layer.Units;
        }
        ctx.Output(0, new NDArray(input, new long[] { time, batch, depth }));
    }

    /// <summary>One layer's weights (read in place) and its step over one row.</summary>
    sealed class Layer(object kernel, object bias, int units, int depth, double forgetBias)
    {
        /// <summary>Below this many kernel elements one core is faster than handing half to the other.</summary>
        const int SplitThreshold = 1 << 15;

        readonly float[] _gates = new float[4 * units];
        public int Units => units;

        /// <summary>One LSTM step of one row: c and h at <paramref name="row"/> are updated in place.</summary>
        public void Step(float[] input, int offset, float[] c, float[] h, int row)
        {
            // Columns [0, 2u) hold i and j, [2u, 4u) hold f and o: one half per core, activations included.
            void Half(int part)
            {
                int start = part * 2 * units, width = 4 * units;
                var kernelValues = HostValues.Floats(kernel);
                var gates = _gates.AsSpan(start, 2 * units);
                HostValues.Floats(bias).Slice(start, 2 * units).CopyTo(gates);
                RowCombination.Accumulate(kernelValues, width, start, input.AsSpan(offset, depth), gates);                 // + x · kernel[:depth]
                RowCombination.Accumulate(kernelValues[(depth * width)..], width, start, h.AsSpan(row, units), gates);    // + h · kernel[depth:]
                var first = gates[..units];
                var second = gates[units..];
                if (part == 0)
                {
                    TensorPrimitives.Sigmoid(first, first);                  // i
                    TensorPrimitives.Tanh(second, second);                   // j
                }
                else
                {
                    TensorPrimitives.Add(first, (float)forgetBias, first);   // f, with TF's forget_bias
                    TensorPrimitives.Sigmoid(first, first);
                    TensorPrimitives.Sigmoid(second, second);                // o
                }
            }
            if ((depth + units) * 4 * units >= SplitThreshold) SecondCore.Split(Half);
            else { Half(0); Half(1); }

            var g = _gates.AsSpan();
            var i = g[..units];
            var j = g.Slice(units, units);
            var f = g.Slice(2 * units, units);
            var o = g.Slice(3 * units, units);
            var rowC = c.AsSpan(row, units);
            var rowH = h.AsSpan(row, units);
            TensorPrimitives.Multiply(f, rowC, rowC);                        // c' = f·c + i·j
            TensorPrimitives.FusedMultiplyAdd(i, j, rowC, rowC);
            TensorPrimitives.Tanh(rowC, rowH);                               // h' = o·tanh(c')
            TensorPrimitives.Multiply(o, rowH, rowH);
        }
    }
}
