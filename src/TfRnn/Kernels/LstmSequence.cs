using System.Numerics;
using System.Numerics.Tensors;
using TorchSharp;
using static TorchSharp.torch.autograd;

namespace TfRnn;

/// <summary>What one fused layer needs besides its tensors: TF's forget_bias and the rows' lengths.</summary>
/// <param name="Lengths">Per batch row, how many steps are inside its sequence; null when every row runs all steps.</param>
/// <param name="Steps">Steps to compute (the longest length, at most the time dimension); later outputs are zero.</param>
internal sealed record LstmSequenceOptions(double ForgetBias, long[]? Lengths, long Steps);

/// <summary>
/// One TF-layout LSTM layer (kernel <c>[depth + units, 4·units]</c>, gate columns i, j, f, o, forget_bias added)
/// over a whole sequence with a hand-written backward pass, as cuDNN does it: all steps' input projections are
/// one matmul, each step is one recurrent matmul plus a host-SIMD pass over the gates, and the backward pass
/// accumulates the weight and input gradients over all steps in one matmul each. Past a row's length its
/// output is zero and its state is carried, exactly as TF's loops do.
/// </summary>
internal sealed class LstmSequence : MultiTensorFunction<LstmSequence>
{
    public override string Name => "FusedLstmLayer";

    /// <param name="x">[time, batch, depth] inputs.</param>
    /// <returns>[time, batch, units] outputs and the final (c, h).</returns>
    public static (torch.Tensor outputs, torch.Tensor c, torch.Tensor h) Run(torch.Tensor x, torch.Tensor c, torch.Tensor h,
        torch.Tensor kernel, torch.Tensor bias, LstmSequenceOptions options)
    {
        bool record = torch.is_grad_enabled() && (x.requires_grad || c.requires_grad || h.requires_grad || kernel.requires_grad || bias.requires_grad);
        if (!record)
        {
            var result = Forward(x, c, h, kernel, bias, options);
            return (result.Outputs, result.FinalC, result.FinalH);
        }
        var outputs = apply(x, c, h, kernel, bias, options);
        return (outputs[0], outputs[1], outputs[2]);
    }

    /// <summary>Supports the layer: float32 or float64 tensors on the CPU.</summary>
    public static bool Supports(torch.ScalarType dtype, DeviceType device) =>
        device == DeviceType.CPU && dtype is torch.ScalarType.Float32 or torch.ScalarType.Float64;

    public override List<torch.Tensor> forward(AutogradContext ctx, params object[] vars)
    {
        var (x, c, h, kernel, bias) = ((torch.Tensor)vars[0], (torch.Tensor)vars[1], (torch.Tensor)vars[2], (torch.Tensor)vars[3], (torch.Tensor)vars[4]);
        var options = (LstmSequenceOptions)vars[5];
        var result = Forward(x, c, h, kernel, bias, options);
        ctx.save_for_backward(new List<torch.Tensor> { x, result.Kernel, result.Gates, result.Cells, result.Hidden, result.TanhCells });
        ctx.save_data("options", options);
        ctx.save_data("input_needs_grad", x.requires_grad);   // a fed input (MNIST pixels) needs no dx matmul
        return new List<torch.Tensor> { result.Outputs, result.FinalC, result.FinalH };
    }

    public override List<torch.Tensor> backward(AutogradContext ctx, List<torch.Tensor> grads)
    {
        var saved = ctx.get_saved_variables();
        var options = (LstmSequenceOptions)ctx.get_data("options");
        var forward = new ForwardResult(saved[1], saved[2], saved[3], saved[4], saved[5], null!, null!, null!);
        bool inputNeedsGrad = (bool)ctx.get_data("input_needs_grad");
        var (dx, dc, dh, dKernel, dBias) = saved[0].dtype == torch.ScalarType.Float32
            ? Backward<float>(saved[0], forward, grads, options, inputNeedsGrad)
            : Backward<double>(saved[0], forward, grads, options, inputNeedsGrad);
        return new List<torch.Tensor> { dx, dc, dh, dKernel, dBias, null! };
    }

    /// <summary>The forward values the backward pass reads, in the reordered gate layout.</summary>
    /// <param name="Kernel">[depth + units, 4·units], columns i | f | o | j.</param>
    /// <param name="Gates">[time, batch, 4·units] activated gates.</param>
    /// <param name="Cells">[time + 1, batch, units]: c before each step, then the last.</param>
    /// <param name="Hidden">[time + 1, batch, units]: h likewise.</param>
    /// <param name="TanhCells">[time, batch, units]: tanh(c) after each step.</param>
    sealed record ForwardResult(torch.Tensor Kernel, torch.Tensor Gates, torch.Tensor Cells, torch.Tensor Hidden, torch.Tensor TanhCells,
        torch.Tensor Outputs, torch.Tensor FinalC, torch.Tensor FinalH);

    static ForwardResult Forward(torch.Tensor x, torch.Tensor c0, torch.Tensor h0, torch.Tensor kernel, torch.Tensor bias, LstmSequenceOptions options) =>
        x.dtype == torch.ScalarType.Float32
            ? Forward<float>(x, c0, h0, kernel, bias, options)
            : Forward<double>(x, c0, h0, kernel, bias, options);

    static ForwardResult Forward<T>(torch.Tensor x, torch.Tensor c0, torch.Tensor h0, torch.Tensor kernel, torch.Tensor bias, LstmSequenceOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long time = x.shape[0], batch = x.shape[1], depth = x.shape[2];
        int units = (int)c0.shape[1];
        var order = GateOrder(units).forward;
        var reordered = kernel.index_select(1, order).contiguous();                // [depth + units, 4·units], i | f | o | j
        var inputKernel = reordered.narrow(0, 0, depth);
        var recurrentKernel = reordered.narrow(0, depth, units);
        var shiftedBias = bias.index_select(0, order).contiguous();
        // TF adds forget_bias to the f pre-activation at run time; adding it to the bias once gives the same sums.
        var forget = TensorMemory.Span<T>(shiftedBias).Slice(units, units);
        TensorPrimitives.Add(forget, T.CreateChecked(options.ForgetBias), forget);

        // All steps' input projections plus bias in one matmul: [time, batch, 4·units].
        var gates = torch.addmm(shiftedBias, x.reshape(time * batch, depth), inputKernel, 1f, 1f).reshape(time, batch, 4 * units).contiguous();
        // Zeros, not empty: steps past the longest length are never written, yet the backward matmuls read them
        // (times a zero gradient, which turns leftover NaN bits into NaN weight gradients).
        var cells = torch.zeros(new[] { time + 1, batch, units }, x.dtype);
        var hidden = torch.zeros(new[] { time + 1, batch, units }, x.dtype);
        var tanhCells = torch.zeros(new[] { time, batch, units }, x.dtype);
        var outputs = torch.zeros(new[] { time, batch, units }, x.dtype);
        cells.select(0, 0).copy_(c0);
        hidden.select(0, 0).copy_(h0);

        var gateSteps = gates.unbind(0);
        var hiddenSteps = hidden.unbind(0);
        var g = TensorMemory.Span<T>(gates);
        var cs = TensorMemory.Span<T>(cells);
        var hs = TensorMemory.Span<T>(hidden);
        var tc = TensorMemory.Span<T>(tanhCells);
        var outs = TensorMemory.Span<T>(outputs);
        int rowGates = 4 * units;
        for (long t = 0; t < options.Steps; t++)
        {
            gateSteps[t].addmm_(hiddenSteps[t], recurrentKernel, 1f, 1f);
            for (long b = 0; b < batch; b++)
            {
                int row = (int)(t * batch + b), next = (int)((t + 1) * batch + b);
                var newC = cs.Slice(next * units, units);
                var newH = hs.Slice(next * units, units);
                if (options.Lengths is { } lengths && t >= lengths[b])
                {
                    cs.Slice(row * units, units).CopyTo(newC);   // past the row's length: state carried, output zero
                    hs.Slice(row * units, units).CopyTo(newH);
                    continue;
                }
                LstmSequenceMath<T>.ForwardRow(g.Slice(row * rowGates, rowGates), cs.Slice(row * units, units), newC, tc.Slice(row * units, units), newH);
                newH.CopyTo(outs.Slice(row * units, units));
            }
        }
        var finalC = cells.select(0, options.Steps).clone();
        var finalH = hidden.select(0, options.Steps).clone();
        return new ForwardResult(reordered, gates, cells, hidden, tanhCells, outputs, finalC, finalH);
    }

    static (torch.Tensor dx, torch.Tensor dc, torch.Tensor dh, torch.Tensor dKernel, torch.Tensor dBias) Backward<T>(torch.Tensor x,
        ForwardResult saved, List<torch.Tensor> grads, LstmSequenceOptions options, bool inputNeedsGrad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long time = x.shape[0], batch = x.shape[1], depth = x.shape[2];
        int units = (int)saved.Cells.shape[2], rowGates = 4 * units;
        var dOutputs = grads[0].contiguous();
        var dc = grads[1].clone().contiguous();
        var dh = grads[2].clone().contiguous();
        var dGates = torch.zeros(new[] { time, batch, 4L * units }, x.dtype);
        var recurrentTransposed = saved.Kernel.narrow(0, depth, units).t().contiguous();   // [4·units, units]
        var dhRecurrent = torch.empty(new[] { batch, (long)units }, x.dtype);

        var dGateSteps = dGates.unbind(0);
        var g = TensorMemory.Span<T>(saved.Gates);
        var cs = TensorMemory.Span<T>(saved.Cells);
        var tc = TensorMemory.Span<T>(saved.TanhCells);
        var dOut = TensorMemory.Span<T>(dOutputs);
        var dG = TensorMemory.Span<T>(dGates);
        var dcs = TensorMemory.Span<T>(dc);
        var dhs = TensorMemory.Span<T>(dh);
        var dhr = TensorMemory.Span<T>(dhRecurrent);
        var dhTotal = new T[units];
        var scratch = new T[2 * units];
        for (long t = options.Steps - 1; t >= 0; t--)
        {
            for (long b = 0; b < batch; b++)
            {
                if (options.Lengths is { } lengths && t >= lengths[b]) continue;   // carried: gradients pass through unchanged
                int row = (int)(t * batch + b);
                var rowDh = dhs.Slice((int)b * units, units);
                TensorPrimitives.Add(dOut.Slice(row * units, units), rowDh, dhTotal);
                LstmSequenceMath<T>.BackwardRow(g.Slice(row * rowGates, rowGates), cs.Slice(row * units, units), tc.Slice(row * units, units),
                    dhTotal, dcs.Slice((int)b * units, units), dG.Slice(row * rowGates, rowGates), scratch);
            }
            dhRecurrent.addmm_(dGateSteps[t], recurrentTransposed, 0f, 1f);   // beta 0: the buffer's old contents are ignored
            for (long b = 0; b < batch; b++)
            {
                if (options.Lengths is { } lengths && t >= lengths[b]) continue;
                dhr.Slice((int)b * units, units).CopyTo(dhs.Slice((int)b * units, units));
            }
        }

        // Weight, bias and input gradients over all steps at once.
        var dGateRows = dGates.reshape(time * batch, 4L * units);
        var dInputKernel = x.reshape(time * batch, depth).t().mm(dGateRows);
        var dRecurrentKernel = saved.Hidden.narrow(0, 0, time).reshape(time * batch, units).t().mm(dGateRows);
        var inverse = GateOrder(units).inverse;
        var dKernel = torch.cat(new[] { dInputKernel, dRecurrentKernel }, 0).index_select(1, inverse);
        var dBias = dGateRows.sum(0L).index_select(0, inverse);
        var dx = inputNeedsGrad ? dGateRows.mm(saved.Kernel.narrow(0, 0, depth).t()).reshape(time, batch, depth) : null!;
        return (dx, dc, dh, dKernel, dBias);
    }

    /// <summary>TF's gate columns i, j, f, o reordered to i, f, o, j (and back).</summary>
    static (torch.Tensor forward, torch.Tensor inverse) GateOrder(int units) => GatePermutation.Get((0, 2, 3, 1), units);
}
