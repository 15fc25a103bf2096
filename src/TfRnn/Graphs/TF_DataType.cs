namespace TfRnn;

/// <summary>TensorFlow's DataType enum, with TensorFlow's numbers (types.proto).</summary>
public enum TF_DataType
{
    /// <summary>No type: an unset or unknown dtype.</summary>
    DtInvalid = 0,
    /// <summary>32-bit float (<c>tf.float32</c>).</summary>
    TF_FLOAT = 1,
    /// <summary>64-bit float (<c>tf.float64</c>).</summary>
    TF_DOUBLE = 2,
    /// <summary>32-bit signed integer (<c>tf.int32</c>).</summary>
    TF_INT32 = 3,
    /// <summary>8-bit unsigned integer (<c>tf.uint8</c>).</summary>
    TF_UINT8 = 4,
    /// <summary>16-bit signed integer (<c>tf.int16</c>).</summary>
    TF_INT16 = 5,
    /// <summary>8-bit signed integer (<c>tf.int8</c>).</summary>
    TF_INT8 = 6,
    /// <summary>Variable-length byte string (<c>tf.string</c>).</summary>
    TF_STRING = 7,
    /// <summary>Complex of two 32-bit floats (<c>tf.complex64</c>; checkpoints only).</summary>
    TF_COMPLEX64 = 8,
    /// <summary>64-bit signed integer (<c>tf.int64</c>).</summary>
    TF_INT64 = 9,
    /// <summary>Boolean (<c>tf.bool</c>).</summary>
    TF_BOOL = 10,
    /// <summary>16-bit brain float (<c>tf.bfloat16</c>; checkpoints only).</summary>
    TF_BFLOAT16 = 14,
    /// <summary>16-bit unsigned integer (<c>tf.uint16</c>).</summary>
    TF_UINT16 = 17,
    /// <summary>Complex of two 64-bit floats (<c>tf.complex128</c>; checkpoints only).</summary>
    TF_COMPLEX128 = 18,
    /// <summary>16-bit IEEE float (<c>tf.float16</c>).</summary>
    TF_HALF = 19,
    /// <summary>32-bit unsigned integer (<c>tf.uint32</c>).</summary>
    TF_UINT32 = 22,
    /// <summary>64-bit unsigned integer (<c>tf.uint64</c>).</summary>
    TF_UINT64 = 23,
}

/// <summary>Names and engine mappings of <see cref="TF_DataType"/>.</summary>
public static class DataTypeExtensions
{
    /// <summary>The Python name, as in TF error messages (<c>float32</c>, <c>int64</c>).</summary>
    public static string as_numpy_name(this TF_DataType dtype) => dtype switch
    {
        TF_DataType.TF_FLOAT => "float32",
        TF_DataType.TF_DOUBLE => "float64",
        TF_DataType.TF_HALF => "float16",
        TF_DataType.TF_BFLOAT16 => "bfloat16",
        TF_DataType.TF_INT32 => "int32",
        TF_DataType.TF_INT64 => "int64",
        TF_DataType.TF_INT16 => "int16",
        TF_DataType.TF_INT8 => "int8",
        TF_DataType.TF_UINT8 => "uint8",
        TF_DataType.TF_UINT16 => "uint16",
        TF_DataType.TF_UINT32 => "uint32",
        TF_DataType.TF_UINT64 => "uint64",
        TF_DataType.TF_BOOL => "bool",
        TF_DataType.TF_STRING => "string",
        TF_DataType.TF_COMPLEX64 => "complex64",
        TF_DataType.TF_COMPLEX128 => "complex128",
        _ => dtype.ToString(),
    };

    /// <summary>The C++ DataTypeString name used by runtime errors (<c>float</c>, <c>double</c>, <c>int32</c>).</summary>
    internal static string KernelName(this TF_DataType dtype) => dtype switch
    {
        TF_DataType.TF_FLOAT => "float",
        TF_DataType.TF_DOUBLE => "double",
        TF_DataType.TF_HALF => "half",
        _ => dtype.as_numpy_name(),
    };

    /// <summary>TF's <c>tf.as_dtype(name)</c> for the names Python code passes: "float32", "int32", … and the aliases "float", "double", "half".</summary>
    internal static TF_DataType FromName(string name) => name switch
    {
        "float" => TF_DataType.TF_FLOAT,
        "double" => TF_DataType.TF_DOUBLE,
        "half" => TF_DataType.TF_HALF,
        _ => Enum.GetValues<TF_DataType>().FirstOrDefault(t => t != TF_DataType.DtInvalid && t.as_numpy_name() == name) is var found && found != TF_DataType.DtInvalid
            ? found
            : throw new TypeError($"Cannot convert value '{name}' to a TensorFlow DType."),
    };

    /// <summary>Whether the dtype is a float type (half, bfloat16, float32, float64), as <c>DType.is_floating</c>.</summary>
    public static bool is_floating(this TF_DataType dtype) =>
        dtype is TF_DataType.TF_FLOAT or TF_DataType.TF_DOUBLE or TF_DataType.TF_HALF or TF_DataType.TF_BFLOAT16;

    /// <summary>Whether the dtype is a signed or unsigned integer type, as <c>DType.is_integer</c>.</summary>
    public static bool is_integer(this TF_DataType dtype) =>
        dtype is TF_DataType.TF_INT32 or TF_DataType.TF_INT64 or TF_DataType.TF_INT16 or TF_DataType.TF_INT8
            or TF_DataType.TF_UINT8 or TF_DataType.TF_UINT16 or TF_DataType.TF_UINT32 or TF_DataType.TF_UINT64;

    /// <summary>The dtype TensorFlow infers for a C# value type (Python float → float32 in TF, as for constants).</summary>
    internal static TF_DataType FromClrType(Type type) => type switch
    {
        _ when type == typeof(float) => TF_DataType.TF_FLOAT,
        _ when type == typeof(double) => TF_DataType.TF_DOUBLE,
        _ when type == typeof(int) => TF_DataType.TF_INT32,
        _ when type == typeof(long) => TF_DataType.TF_INT64,
        _ when type == typeof(short) => TF_DataType.TF_INT16,
        _ when type == typeof(sbyte) => TF_DataType.TF_INT8,
        _ when type == typeof(byte) => TF_DataType.TF_UINT8,
        _ when type == typeof(bool) => TF_DataType.TF_BOOL,
        _ when type == typeof(string) || type == typeof(byte[]) => TF_DataType.TF_STRING,
        _ => throw new TypeError($"cannot convert a value of type {type.Name} to a tensor"),
    };

    internal static Type ToClrType(this TF_DataType dtype) => dtype switch
    {
        TF_DataType.TF_FLOAT => typeof(float),
        TF_DataType.TF_DOUBLE => typeof(double),
        TF_DataType.TF_INT32 => typeof(int),
        TF_DataType.TF_INT64 => typeof(long),
        TF_DataType.TF_INT16 => typeof(short),
        TF_DataType.TF_INT8 => typeof(sbyte),
        TF_DataType.TF_UINT8 => typeof(byte),
        TF_DataType.TF_BOOL => typeof(bool),
        TF_DataType.TF_STRING => typeof(string),
        _ => throw new TypeError($"dtype {dtype.as_numpy_name()} has no host array type"),
    };
}
