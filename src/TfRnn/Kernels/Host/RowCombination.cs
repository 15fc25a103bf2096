using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfRnn;

/// <summary>
/// acc += Σₖ coefficients[k] · matrix[k, :] for a row-major matrix: the vector–matrix product of a batch-1 step.
/// Four rows go through each pass over the accumulator, so it is loaded and stored a quarter as often as row by
/// row, and the matrix streams through once.
/// </summary>
internal static class RowCombination
{
    public static void Accumulate(ReadOnlySpan<float> matrix, int width, ReadOnlySpan<float> coefficients, Span<float> acc)
    {
        int rows = coefficients.Length, vectorWidth = width - width % Vector<float>.Count;
        ref float a = ref MemoryMarshal.GetReference(acc);
        int k = 0;
        for (; k + 4 <= rows; k += 4)
        {
            float c0 = coefficients[k], c1 = coefficients[k + 1], c2 = coefficients[k + 2], c3 = coefficients[k + 3];
            ref float r0 = ref Unsafe.AsRef(in matrix[k * width]);
            ref float r1 = ref Unsafe.Add(ref r0, width);
            ref float r2 = ref Unsafe.Add(ref r1, width);
            ref float r3 = ref Unsafe.Add(ref r2, width);
            for (int col = 0; col < vectorWidth; col += Vector<float>.Count)
            {
                var sum = Vector.LoadUnsafe(ref a, (nuint)col)
                          + Vector.LoadUnsafe(ref r0, (nuint)col) * c0 + Vector.LoadUnsafe(ref r1, (nuint)col) * c1
                          + Vector.LoadUnsafe(ref r2, (nuint)col) * c2 + Vector.LoadUnsafe(ref r3, (nuint)col) * c3;
                sum.StoreUnsafe(ref a, (nuint)col);
            }
            for (int col = vectorWidth; col < width; col++)
                Unsafe.Add(ref a, col) += c0 * Unsafe.Add(ref r0, col) + c1 * Unsafe.Add(ref r1, col)
                                          + c2 * Unsafe.Add(ref r2, col) + c3 * Unsafe.Add(ref r3, col);
        }
        for (; k < rows; k++) TensorPrimitives.MultiplyAdd(matrix.Slice(k * width, width), coefficients[k], acc, acc);
    }
}
