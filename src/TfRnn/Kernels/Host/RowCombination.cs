using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TfRnn;

/// <summary>
/// acc += Σₖ coefficients[k] · matrix[k, columns] for a row-major matrix: the vector–matrix product of a batch-1
/// step, over a range of columns so two cores can share one product. Four rows go through each pass over the
/// accumulator, so it is loaded and stored a quarter as often as row by row, and the matrix streams through once.
/// </summary>
internal static class RowCombination
{
    /// <param name="matrix">Row-major, <paramref name="stride"/> elements per row.</param>
    /// <param name="acc">The accumulator for columns <paramref name="start"/> .. start + acc.Length.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // fully optimized from the first call: see HostLstmKernel
    public static void Accumulate(ReadOnlySpan<float> matrix, int stride, int start, ReadOnlySpan<float> coefficients, Span<float> acc)
    {
        int rows = coefficients.Length, width = acc.Length;
        int k = 0;
        for (; k + 4 <= rows; k += 4)
        {
            var c = (coefficients[k], coefficients[k + 1], coefficients[k + 2], coefficients[k + 3]);
            ref readonly float r0 = ref matrix[k * stride + start];
            int col = Vector512.IsHardwareAccelerated ? FourRows512(in r0, stride, c, acc) : FourRowsVector(in r0, stride, c, acc);
            for (int r = 0; r < 4 && col < width; r++)   // the columns past the last whole vector
                TensorPrimitives.MultiplyAdd(matrix.Slice((k + r) * stride + start + col, width - col), coefficients[k + r], acc[col..], acc[col..]);
        }
        for (; k < rows; k++) TensorPrimitives.MultiplyAdd(matrix.Slice(k * stride + start, width), coefficients[k], acc, acc);
    }

    /// <returns>The first column not yet done.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int FourRows512(in float r0, int stride, (float, float, float, float) c, Span<float> acc)
    {
        ref float a = ref acc[0];
        ref float row = ref Unsafe.AsRef(in r0);
        var (c0, c1, c2, c3) = (Vector512.Create(c.Item1), Vector512.Create(c.Item2), Vector512.Create(c.Item3), Vector512.Create(c.Item4));
        int col = 0;
        for (; col + Vector512<float>.Count <= acc.Length; col += Vector512<float>.Count)
        {
            var sum = Vector512.LoadUnsafe(ref a, (nuint)col);
            sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, (nuint)col), c0, sum);
            sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, (nuint)(stride + col)), c1, sum);
            sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, (nuint)(2 * stride + col)), c2, sum);
            sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref row, (nuint)(3 * stride + col)), c3, sum);
            sum.StoreUnsafe(ref a, (nuint)col);
        }
        return col;
    }

    /// <inheritdoc cref="FourRows512"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int FourRowsVector(in float r0, int stride, (float, float, float, float) c, Span<float> acc)
    {
        ref float a = ref acc[0];
        ref float row = ref Unsafe.AsRef(in r0);
        int col = 0;
        for (; col + Vector<float>.Count <= acc.Length; col += Vector<float>.Count)
        {
            var sum = Vector.LoadUnsafe(ref a, (nuint)col)
                      + Vector.LoadUnsafe(ref row, (nuint)col) * c.Item1 + Vector.LoadUnsafe(ref row, (nuint)(stride + col)) * c.Item2
                      + Vector.LoadUnsafe(ref row, (nuint)(2 * stride + col)) * c.Item3 + Vector.LoadUnsafe(ref row, (nuint)(3 * stride + col)) * c.Item4;
            sum.StoreUnsafe(ref a, (nuint)col);
        }
        return col;
    }
}
