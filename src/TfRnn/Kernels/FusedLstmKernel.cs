using TorchSharp;

namespace TfRnn;

/// <summary>
/// The FusedLSTM op's kernel: a float32 stack of plain layers of one width without sequence lengths runs as libtorch's
/// own LSTM (<see cref="LibTorchLstm"/>); other plain layers (no peepholes, projection or clipping) run as
/// <see cref="LstmSequence"/> (hand-written backward pass); the others project all steps' inputs in one matmul and run the recurrence step by
/// step on the engine, with autograd recording each step.
/// </summary>
internal static class FusedLstmKernel
{
    public static void Run(KernelContext ctx, LstmLayerSpec[] layers, bool hasLengths)
    {
        var x = ctx.Input(0);                                   // [time, batch, depth]
        if (LibTorchLstm.Supports(x, layers, hasLengths))
        {
            RunOnLibTorch(ctx, layers, x);
            return;
        }
        long time = x.shape[0], batch = x.shape[1];
        int next = 1 + 2 * layers.Length;
        var lengths = hasLengths ? ctx.Input(ctx.InputCount - 1).to_type(torch.ScalarType.Int64) : null;
        long steps = lengths is null ? time : Math.Min(time, lengths.numel() == 0 ? 0 : Math.Max(0, lengths.max().item<long>()));
        var hostLengths = lengths?.data<long>().ToArray();   // read once, shared by every layer
        var layerInput = x;
        for (int l = 0; l < layers.Length; l++)
        {
            var spec = layers[l];
            var w = new torch.Tensor[spec.WeightCount];
            for (int k = 0; k < w.Length; k++) w[k] = ctx.Input(next++);
            var (c, h) = (ctx.Input(1 + 2 * l), ctx.Input(2 + 2 * l));
            var (outputs, finalC, finalH) = spec.IsPlain && LstmSequence.Supports(x.dtype, x.device_type)
                ? LstmSequence.Run(layerInput, c, h, w[0], w[1], new LstmSequenceOptions(spec.ForgetBias, hostLengths, steps))
                : RunLayer(spec, w, layerInput, c, h, lengths, steps, time, batch);
            ctx.Output(1 + 2 * l, finalC);
            ctx.Output(2 + 2 * l, finalH);
            layerInput = outputs;
        }
        ctx.Output(0, layerInput);
    }

    // Inputs: x, then (c, h) per layer, then each layer's kernel and bias.
    static void RunOnLibTorch(KernelContext ctx, LstmLayerSpec[] layers, torch.Tensor x)
    {
        int count = layers.Length;
        var states = Enumerable.Range(0, count).Select(l => (ctx.Input(1 + 2 * l), ctx.Input(2 + 2 * l))).ToArray();
        var weights = Enumerable.Range(0, count).Select(l => (ctx.Input(1 + 2 * count + 2 * l), ctx.Input(2 + 2 * count + 2 * l))).ToArray();
        var (outputs, finalStates) = LibTorchLstm.Run(x, states, weights, layers.Select(l => l.ForgetBias).ToArray(), ctx.DisposeAfterRun);
        for (int l = 0; l < count; l++)
        {
            ctx.Output(1 + 2 * l, finalStates[l].c);
            ctx.Output(2 + 2 * l, finalStates[l].h);
        }
        ctx.Output(0, outputs);
    }

    static (torch.Tensor outputs, torch.Tensor c, torch.Tensor h) RunLayer(LstmLayerSpec spec, torch.Tensor[] w, torch.Tensor x,
        torch.Tensor c, torch.Tensor h, torch.Tensor? lengths, long steps, long time, long batch)
    {
        long depth = x.shape[2];
        int units = spec.Units;
        // TF's gate columns are i, j, f, o. Reorder them once to i, f, o | j so one sigmoid and one tanh cover
        // every step's gates, and fold forget_bias into the bias (TF adds it at run time; the sum is the same).
        var order = torch.tensor(Enumerable.Range(0, units).Concat(Enumerable.Range(2 * units, 2 * units)).Concat(Enumerable.Range(units, units))
            .Select(i => (long)i).ToArray());
        var kernel = w[0].index_select(1, order);                               // [depth + out, 4·units]
        var bias = EngineMath.Add(w[1].index_select(0, order), ForgetBiasVector(spec, w[1]));
        var inputKernel = kernel.narrow(0, 0, depth);
        var recurrentKernel = kernel.narrow(0, depth, spec.OutputDepth);
        // All steps' input projections (plus bias) in one matmul: [time, batch, 4·units].
        var projected = torch.addmm(bias, x.reshape(time * batch, depth), inputKernel, 1, 1).reshape(time, batch, 4 * units);
        torch.Tensor? wf = null, wi = null, wo = null, projection = null;
        int k = 2;
        if (spec.UsePeepholes) { wf = w[k++]; wi = w[k++]; wo = w[k++]; }
        if (spec.NumProj != null) projection = w[k];

        var outputs = new List<torch.Tensor>((int)time);
        for (long t = 0; t < steps; t++)
        {
            // split/chunk rather than narrow: their gradients are one concatenation, not a zero-filled copy per slice.
            var parts = torch.addmm(projected[t], h, recurrentKernel, 1, 1).split(new long[] { 3 * units, units }, 1);   // i, f, o | j
            var candidate = torch.tanh(parts[1]);
            torch.Tensor newC, output;
            if (spec.UsePeepholes)
            {
                var ifo = parts[0].chunk(3, 1);
                var i = torch.sigmoid(EngineMath.Add(ifo[0], wi! * c));
                var f = torch.sigmoid(EngineMath.Add(ifo[1], wf! * c));
                newC = EngineMath.AddProduct(f * c, i, candidate);
                if (spec.CellClip is double clip) newC = EngineMath.Clamp(newC, -clip, clip);
                output = torch.sigmoid(EngineMath.Add(ifo[2], wo! * newC));
            }
            else
            {
                var ifo = torch.sigmoid(parts[0]).chunk(3, 1);
                newC = EngineMath.AddProduct(ifo[1] * c, ifo[0], candidate);
                if (spec.CellClip is double clip) newC = EngineMath.Clamp(newC, -clip, clip);
                output = ifo[2];
            }
            var m = output * torch.tanh(newC);
            if (projection is not null)
            {
                m = torch.mm(m, projection);   // mm, not matmul: libtorch's matmul export aborts the process on a shape error
                if (spec.ProjClip is double pclip) m = EngineMath.Clamp(m, -pclip, pclip);
            }
            if (lengths is not null)
            {
                var alive = EngineMath.Greater(lengths, t).unsqueeze(1);   // [batch, 1]: step t is inside the row's sequence
                outputs.Add(torch.where(alive, m, torch.zeros_like(m)));
                c = torch.where(alive, newC, c);
                h = torch.where(alive, m, h);
            }
            else
            {
                outputs.Add(m);
                (c, h) = (newC, m);
            }
        }
        for (long t = steps; t < time; t++) outputs.Add(torch.zeros(batch, spec.OutputDepth, dtype: x.dtype));
        var stacked = outputs.Count > 0 ? torch.stack(outputs) : torch.zeros(0, batch, spec.OutputDepth, dtype: x.dtype);
        return (stacked, c, h);
    }

    /// <summary>forget_bias on the f block of the reordered (i, f, o, j) bias.</summary>
    static torch.Tensor ForgetBiasVector(LstmLayerSpec spec, torch.Tensor like)
    {
        var values = new float[4 * spec.Units];
        Array.Fill(values, (float)spec.ForgetBias, spec.Units, spec.Units);
        return torch.tensor(values).to_type(like.dtype);
    }
}
