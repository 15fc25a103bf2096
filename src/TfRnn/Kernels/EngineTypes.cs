using TorchSharp;

namespace TfRnn;

/// <summary>Graph-side dtypes and devices as the engine (TorchSharp) knows them.</summary>
internal static class EngineTypes
{
    /// <summary>The engine's element type for a TF dtype; TypeError for dtypes it lacks (strings, unsigned wider than 8 bits).</summary>
    public static torch.ScalarType ToTorch(this TF_DataType dtype) => dtype switch
    {
        TF_DataType.TF_FLOAT => torch.ScalarType.Float32,
        TF_DataType.TF_DOUBLE => torch.ScalarType.Float64,
        TF_DataType.TF_HALF => torch.ScalarType.Float16,
        TF_DataType.TF_BFLOAT16 => torch.ScalarType.BFloat16,
        TF_DataType.TF_INT32 => torch.ScalarType.Int32,
        TF_DataType.TF_INT64 => torch.ScalarType.Int64,
        TF_DataType.TF_INT16 => torch.ScalarType.Int16,
        TF_DataType.TF_INT8 => torch.ScalarType.Int8,
        TF_DataType.TF_UINT8 => torch.ScalarType.Byte,
        TF_DataType.TF_BOOL => torch.ScalarType.Bool,
        TF_DataType.TF_COMPLEX64 => torch.ScalarType.ComplexFloat32,
        TF_DataType.TF_COMPLEX128 => torch.ScalarType.ComplexFloat64,
        _ => throw new TypeError($"dtype {dtype.as_numpy_name()} has no tensor engine equivalent"),
    };

    /// <summary>The TF dtype of an engine element type.</summary>
    public static TF_DataType FromTorch(torch.ScalarType type) => type switch
    {
        torch.ScalarType.Float32 => TF_DataType.TF_FLOAT,
        torch.ScalarType.Float64 => TF_DataType.TF_DOUBLE,
        torch.ScalarType.Float16 => TF_DataType.TF_HALF,
        torch.ScalarType.BFloat16 => TF_DataType.TF_BFLOAT16,
        torch.ScalarType.Int32 => TF_DataType.TF_INT32,
        torch.ScalarType.Int64 => TF_DataType.TF_INT64,
        torch.ScalarType.Int16 => TF_DataType.TF_INT16,
        torch.ScalarType.Int8 => TF_DataType.TF_INT8,
        torch.ScalarType.Byte => TF_DataType.TF_UINT8,
        torch.ScalarType.Bool => TF_DataType.TF_BOOL,
        torch.ScalarType.ComplexFloat32 => TF_DataType.TF_COMPLEX64,
        torch.ScalarType.ComplexFloat64 => TF_DataType.TF_COMPLEX128,
        _ => throw new TypeError($"tensor engine type {type} has no TensorFlow dtype"),
    };

    /// <summary>Whether this TorchSharp build can run on a GPU.</summary>
    public static bool CudaAvailable => torch.cuda.is_available();
}
