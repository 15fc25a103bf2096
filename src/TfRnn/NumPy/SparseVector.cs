using System.Numerics;

namespace TfRnn;

/// <summary>
/// Finds the few nonzero entries of a mostly-zero vector (min-char-rnn's one-hot characters), so a product
/// with it touches only their columns. As reference BLAS's DGEMV and DGER do, zero entries are skipped, so a
/// zero times an infinite weight contributes nothing instead of NaN.
/// </summary>
internal static class SparseVector
{
    /// <summary>A vector counts as sparse when at most one entry in this many is nonzero.</summary>
    public const int Density = 8;

    /// <summary>Bounds the stack buffer of nonzero indices; denser vectors take the dense kernels.</summary>
    public const int MaxIndices = 64;

    /// <summary>Writes the indices of <paramref name="values"/>' nonzero entries into <paramref name="indices"/> and returns their count, or -1 as soon as there are more than fit.</summary>
    public static int NonZeros<T>(ReadOnlySpan<T> values, Span<int> indices) where T : unmanaged, INumber<T>
    {
        int count = 0, width = Vector<T>.Count;
        for (int chunk = 0; chunk < values.Length; chunk += width)
        {
            // A whole vector of zeros in one compare: a one-hot vector is checked in a few.
            int end = Math.Min(chunk + width, values.Length);
            if (end - chunk == width && Vector.EqualsAll(new Vector<T>(values[chunk..]), Vector<T>.Zero)) continue;
            for (int i = chunk; i < end; i++)
            {
                if (values[i] == T.Zero) continue;
                if (count == indices.Length) return -1;
                indices[count++] = i;
            }
        }
        return count;
    }

    /// <summary>The most nonzeros a vector of <paramref name="length"/> may have to be treated as sparse.</summary>
    public static int Limit(int length) => length / Density;
}
