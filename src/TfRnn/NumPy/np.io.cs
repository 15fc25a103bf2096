using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TfRnn;

public static partial class np
{
    static readonly byte[] NpyMagic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>np.save(file, arr): the array as a .npy file (format 1.0, little-endian, C order), written atomically.</summary>
    public static void save(string file, NDArray arr)
    {
        if (!file.EndsWith(".npy", StringComparison.Ordinal)) file += ".npy";
        string shape = arr.ndim == 1 ? $"({arr.Dims[0]},)" : "(" + string.Join(", ", arr.Dims) + ")";
        string header = $"{{'descr': '{Descr(arr.dtype)}', 'fortran_order': False, 'shape': {shape}, }}";
        int total = NpyMagic.Length + 4 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";   // NumPy aligns the data to 64 bytes
        var stream = new MemoryStream();
        stream.Write(NpyMagic);
        stream.Write(new byte[] { 1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8) });
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(TensorBytes.FromArray(arr));
        AtomicFile.Write(file, stream.ToArray());
    }

    /// <summary>np.load(file): a .npy array (format 1.x/2.x, little-endian numeric dtypes, C order).</summary>
    public static NDArray load(string file)
    {
        var bytes = File.ReadAllBytes(file);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(NpyMagic))
            throw new InvalidDataException($"'{file}' is not a .npy file (bad magic)");
        int major = bytes[6];
        int headerLength = major == 1 ? bytes[8] | bytes[9] << 8 : BitConverter.ToInt32(bytes, 8);
        int start = major == 1 ? 10 : 12;
        if (start + headerLength > bytes.Length) throw new InvalidDataException($"'{file}' is truncated inside its header");
        string header = Encoding.ASCII.GetString(bytes, start, headerLength);
        var descr = Regex.Match(header, @"'descr':\s*'([^']+)'").Groups[1].Value;
        if (Regex.IsMatch(header, @"'fortran_order':\s*True")) throw new InvalidDataException($"'{file}' is in Fortran order, which is not supported");
        var shapeText = Regex.Match(header, @"'shape':\s*\(([^)]*)\)").Groups[1].Value;
        var dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        var dtype = descr switch
        {
            "<f4" => float32, "<f8" => float64, "<i4" => int32, "<i8" => int64,
            "|u1" or "<u1" => TF_DataType.TF_UINT8, "|b1" => TF_DataType.TF_BOOL, "|i1" => TF_DataType.TF_INT8, "<i2" => TF_DataType.TF_INT16,
            _ => throw new InvalidDataException($"'{file}' holds dtype '{descr}', which is not supported"),
        };
        int dataStart = start + headerLength;
        long expected = dims.Aggregate(1L, (a, b) => a * b) * TensorBytes.ElementSize(dtype);
        if (bytes.Length - dataStart != expected)
            throw new InvalidDataException($"'{file}' should hold {expected} data bytes but holds {bytes.Length - dataStart}");
        return TensorBytes.ToArray(bytes.AsSpan(dataStart), dtype, dims);
    }

    static string Descr(TF_DataType dtype) => dtype switch
    {
        float32 => "<f4", float64 => "<f8", int32 => "<i4", int64 => "<i8",
        TF_DataType.TF_UINT8 => "|u1", TF_DataType.TF_BOOL => "|b1", TF_DataType.TF_INT8 => "|i1", TF_DataType.TF_INT16 => "<i2",
        _ => throw new TypeError($"np.save does not support dtype {dtype.as_numpy_name()}"),
    };
}
