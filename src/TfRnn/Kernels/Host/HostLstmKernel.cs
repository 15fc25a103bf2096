using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

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
        if (op.inputs[0].dtype != TF_DataType.TF_FLOAT || layers.Any(s => !s.IsPlain)) return null;
        bool hasLengths = op.attrs["has_lengths"] is EngineAttr<bool> { Value: true };
        var steps = layers.Select(spec => new Layer(spec.Units, spec.ForgetBias)).ToArray();   // per kernel: each run reuses their scratch
        return ctx => Run(ctx, steps, hasLengths);
    }

    // The hot methods are compiled fully optimized on first use: under tiered compilation a sampling loop would run
    // their unoptimized first tier for its first thousands of characters (measured: 2–3x slower for ~1 s).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Run(HostContext ctx, Layer[] layers, bool hasLengths)
    {
        long[] dims = ctx.Dims(0);                                 // [time, batch, depth]
        int time = (int)dims[0], batch = (int)dims[1], depth = (int)dims[2];
        var lengths = hasLengths ? ctx.Input(ctx.Op.inputs.Length - 1) : null;
        var input = ctx.Floats(0);
        int next = 1 + 2 * layers.Length;
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            int units = layer.Units;
            // The state outputs start as the fed state; each step updates its row in place.
            var c = ctx.OutputFloats(1 + 2 * l, [batch, units]);
            var h = ctx.OutputFloats(2 + 2 * l, [batch, units]);
            ctx.Floats(1 + 2 * l).CopyTo(c);
            ctx.Floats(2 + 2 * l).CopyTo(h);
            layer.Bind(ctx.Input(next), ctx.Input(next + 1), depth, c, h);
            next += 2;
            var output = l == layers.Length - 1 ? ctx.OutputFloats(0, [time, batch, units]) : layer.Outputs(time * batch * units);
            if (lengths != null) output.Clear();
            for (int t = 0; t < time; t++)
                for (int b = 0; b < batch; b++)
                {
                    if (lengths != null && t >= HostValues.Index(lengths, b)) continue;   // past the row's length: output zero, state carried
                    layer.Step(input.Slice((t * batch + b) * depth, depth), b * units);
                    h.AsSpan(b * units, units).CopyTo(output.Slice((t * batch + b) * units, units));
                }
            input = output;
            depth = units;
        }
    }

    /// <summary>
    /// One layer's step over one row, with its scratch (gates, the row's input, the outputs of a layer below the top)
    /// and the weights of the current run (read in place). The half-step both cores run is one delegate made once.
    /// </summary>
    sealed class Layer
    {
        /// <summary>Below this many kernel elements one core is faster than handing half to the other.</summary>
        const int SplitThreshold = 1 << 15;

        readonly int _units;
        readonly double _forgetBias;
        readonly float[] _gates;
        readonly Action<int> _half;
        float[] _x = [], _outputs = [];
        object _kernel = null!, _bias = null!;
        float[] _c = null!, _h = null!;
        int _depth, _row;

        public Layer(int units, double forgetBias)
        {
            _units = units;
            _forgetBias = forgetBias;
            _gates = new float[4 * units];
            _half = Half;
        }

        public int Units => _units;

        /// <summary>This run's weights and state arrays (c and h are updated in place, one row per step).</summary>
        public void Bind(object kernel, object bias, int depth, float[] c, float[] h)
        {
            (_kernel, _bias, _depth, _c, _h) = (kernel, bias, depth, c, h);
            if (_x.Length != depth) _x = new float[depth];
        }

        /// <summary>Scratch for the outputs of a layer that feeds the next one.</summary>
        public Span<float> Outputs(int count)
        {
            if (_outputs.Length != count) _outputs = new float[count];
            return _outputs;
        }

        /// <summary>One LSTM step of one row: c and h at <paramref name="row"/> are updated in place.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Step(ReadOnlySpan<float> x, int row)
        {
            int units = _units;
            x.CopyTo(_x);   // where the other core's half reads it
            _row = row;
            if ((_depth + units) * 4 * units >= SplitThreshold) SecondCore.Split(_half);
            else { Half(0); Half(1); }

            var g = _gates.AsSpan();
            var i = g[..units];
            var j = g.Slice(units, units);
            var f = g.Slice(2 * units, units);
            var o = g.Slice(3 * units, units);
            var rowC = _c.AsSpan(row, units);
            var rowH = _h.AsSpan(row, units);
            TensorPrimitives.Multiply(f, rowC, rowC);                        // c' = f·c + i·j
            TensorPrimitives.FusedMultiplyAdd(i, j, rowC, rowC);
            TensorPrimitives.Tanh(rowC, rowH);                               // h' = o·tanh(c')
            TensorPrimitives.Multiply(o, rowH, rowH);
        }

        // Columns [0, 2u) hold i and j, [2u, 4u) hold f and o: one half per core, activations included.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Half(int part)
        {
            int units = _units, depth = _depth, start = part * 2 * units, width = 4 * units;
            var kernelValues = HostValues.Floats(_kernel);
            var gates = _gates.AsSpan(start, 2 * units);
            HostValues.Floats(_bias).Slice(start, 2 * units).CopyTo(gates);
            RowCombination.Accumulate(kernelValues, width, start, _x, gates);                                  // + x · kernel[:depth]
            RowCombination.Accumulate(kernelValues[(depth * width)..], width, start, _h.AsSpan(_row, units), gates);   // + h · kernel[depth:]
            var first = gates[..units];
            var second = gates[units..];
            if (part == 0)
            {
                TensorPrimitives.Sigmoid(first, first);                  // i
                TensorPrimitives.Tanh(second, second);                   // j
            }
            else
            {
                TensorPrimitives.Add(first, (float)_forgetBias, first);   // f, with TF's forget_bias
                TensorPrimitives.Sigmoid(first, first);
                TensorPrimitives.Sigmoid(second, second);                // o
            }
        }
    }
}
