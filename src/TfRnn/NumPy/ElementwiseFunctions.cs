using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace TfRnn;

/// <summary>The float functions of np's unary ufuncs (np.exp, np.log, np.tanh, np.sqrt, np.abs).</summary>
internal enum ElementwiseFunction { Exp, Log, Tanh, Sqrt, Abs }

internal static class ElementwiseFunctions
{
    /// <summary>result = f(x) elementwise; result may be x itself.</summary>
    public static void Apply<T>(ElementwiseFunction f, ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f)
        {
            case ElementwiseFunction.Exp: SimdLoops.Unary<T, ExpOperator<T>>(x, result); break;
            case ElementwiseFunction.Log: SimdLoops.Unary<T, LogOperator<T>>(x, result); break;
            case ElementwiseFunction.Sqrt: SimdLoops.Unary<T, SqrtOperator<T>>(x, result); break;
            case ElementwiseFunction.Abs: SimdLoops.Unary<T, AbsOperator<T>>(x, result); break;
            // float64 tanh has its own SIMD kernel (TensorPrimitives runs it element by element).
            case ElementwiseFunction.Tanh when typeof(T) == typeof(double):
                VectorTanh.Tanh(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(result));
                break;
            default: TensorPrimitives.Tanh(x, result); break;
        }
    }
}
