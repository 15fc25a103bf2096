using System.Numerics;
using System.Numerics.Tensors;

namespace TfRnn;

/// <summary>
/// The element-wise half of the fused LSTM, one batch row at a time on host SIMD. Gate columns are in the
/// kernel's reordered layout <c>[i | f | o | j]</c> (sigmoid over the first three blocks, tanh over the last),
/// so a row's activations are two vector calls.
/// </summary>
internal static class LstmSequenceMath<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Activates one row's gates in place and computes c' = f·c + i·j, tanh(c') and h' = o·tanh(c').</summary>
    public static void ForwardRow(Span<T> gates, ReadOnlySpan<T> c, Span<T> newC, Span<T> tanhC, Span<T> newH)
    {
        int n = c.Length;
        TensorPrimitives.Sigmoid(gates[..(3 * n)], gates[..(3 * n)]);
        TensorPrimitives.Tanh(gates[(3 * n)..], gates[(3 * n)..]);
        var i = gates[..n];
        var f = gates.Slice(n, n);
        var o = gates.Slice(2 * n, n);
        var j = gates.Slice(3 * n, n);
        TensorPrimitives.Multiply(f, c, newC);
        TensorPrimitives.FusedMultiplyAdd(i, j, newC, newC);
        TensorPrimitives.Tanh(newC, tanhC);
        TensorPrimitives.Multiply(o, tanhC, newH);
    }

    /// <summary>
    /// Back through one step of one row. <paramref name="dh"/> is the gradient reaching h' (from the output and
    /// from the next step), <paramref name="dc"/> the one reaching c' (overwritten with the gradient of c).
    /// Writes the pre-activation gate gradients; <paramref name="scratch"/> holds 2·units elements.
    /// </summary>
    public static void BackwardRow(ReadOnlySpan<T> gates, ReadOnlySpan<T> c, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> dh, Span<T> dc,
        Span<T> dGates, Span<T> scratch)
    {
        int n = c.Length;
        var i = gates[..n];
        var f = gates.Slice(n, n);
        var o = gates.Slice(2 * n, n);
        var j = gates.Slice(3 * n, n);
        var dI = dGates[..n];
        var dF = dGates.Slice(n, n);
        var dO = dGates.Slice(2 * n, n);
        var dJ = dGates.Slice(3 * n, n);
        var dcTotal = scratch[..n];
        var slope = scratch.Slice(n, n);

        // dc_total = dc + dh·o·(1 − tanh²(c'))
        TensorPrimitives.Multiply(tanhC, tanhC, slope);
        TensorPrimitives.Subtract(T.One, slope, slope);
        TensorPrimitives.Multiply(slope, o, slope);
        TensorPrimitives.FusedMultiplyAdd(dh, slope, dc, dcTotal);

        // Gradients after the activations: do = dh·tanh(c'), di = dc·j, dj = dc·i, df = dc·c.
        TensorPrimitives.Multiply(dh, tanhC, dO);
        TensorPrimitives.Multiply(dcTotal, j, dI);
        TensorPrimitives.Multiply(dcTotal, i, dJ);
        TensorPrimitives.Multiply(dcTotal, c, dF);
        TensorPrimitives.Multiply(dcTotal, f, dc);

        // Through the activations: σ' = s − s², tanh' = 1 − t².
        SigmoidSlope(i, dI, slope);
        SigmoidSlope(f, dF, slope);
        SigmoidSlope(o, dO, slope);
        TensorPrimitives.Multiply(j, j, slope);
        TensorPrimitives.Subtract(T.One, slope, slope);
        TensorPrimitives.Multiply(dJ, slope, dJ);
    }

    static void SigmoidSlope(ReadOnlySpan<T> s, Span<T> grad, Span<T> scratch)
    {
        TensorPrimitives.Multiply(s, s, scratch);
        TensorPrimitives.Subtract(s, scratch, scratch);
        TensorPrimitives.Multiply(grad, scratch, grad);
    }
}
