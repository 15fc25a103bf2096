using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace TfRnn;

/// <summary>The raw little-endian bytes of tensors as a V2 checkpoint stores them, strings included.</summary>
internal static class TensorBytes
{
    public static int ElementSize(TF_DataType dtype) => dtype switch
    {
        TF_DataType.TF_FLOAT or TF_DataType.TF_INT32 or TF_DataType.TF_UINT32 => 4,
        TF_DataType.TF_DOUBLE or TF_DataType.TF_INT64 or TF_DataType.TF_UINT64 or TF_DataType.TF_COMPLEX64 => 8,
        TF_DataType.TF_UINT8 or TF_DataType.TF_INT8 or TF_DataType.TF_BOOL => 1,
        TF_DataType.TF_INT16 or TF_DataType.TF_UINT16 or TF_DataType.TF_HALF or TF_DataType.TF_BFLOAT16 => 2,
        TF_DataType.TF_COMPLEX128 => 16,
        _ => throw new TypeError($"no fixed element size for dtype {dtype.as_numpy_name()}"),
    };

    /// <summary>Element bytes of a numeric array (row-major, little-endian).</summary>
    public static byte[] FromArray(NDArray array) => array.Storage switch
    {
        float[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        double[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        int[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        long[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        short[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        byte[] a => (byte[])a.Clone(),
        sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        bool[] a => a.Select(b => b ? (byte)1 : (byte)0).ToArray(),
        _ => throw new TypeError($"cannot store an array of dtype {array.dtype.as_numpy_name()} as numeric bytes"),
    };

    /// <summary>An NDArray of <paramref name="dtype"/> and <paramref name="dims"/> from element bytes.</summary>
    public static NDArray ToArray(ReadOnlySpan<byte> bytes, TF_DataType dtype, long[] dims)
    {
        Array data = dtype switch
        {
            TF_DataType.TF_FLOAT => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            TF_DataType.TF_DOUBLE => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            TF_DataType.TF_INT32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
            TF_DataType.TF_INT64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            TF_DataType.TF_INT16 => MemoryMarshal.Cast<byte, short>(bytes).ToArray(),
            TF_DataType.TF_INT8 => MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(),
            TF_DataType.TF_UINT8 => bytes.ToArray(),
            TF_DataType.TF_BOOL => bytes.ToArray().Select(b => b != 0).ToArray(),
            _ => throw new TypeError($"reading checkpoint tensors of dtype {dtype.as_numpy_name()} is not supported"),
        };
        return new NDArray(data, dims);
    }

    /// <summary>
    /// DT_STRING layout: varint64 lengths, the masked CRC of the lengths (as uint32/uint64 LE), then the bytes.
    /// Returns the stored bytes and the entry's CRC (lengths as fixed-width integers, the length CRC, the bytes).
    /// </summary>
    public static (byte[] stored, uint crc) EncodeStrings(byte[][] strings)
    {
        var stream = new MemoryStream();
        uint lengthCrc = 0, entryCrc = 0;
        foreach (var s in strings)
        {
            Varint.Write(stream, (ulong)s.Length);
            var fixedLength = FixedWidth((ulong)s.Length);
            lengthCrc = Crc32C.Extend(lengthCrc, fixedLength);
            entryCrc = Crc32C.Extend(entryCrc, fixedLength);
        }
        var maskedLengthCrc = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(maskedLengthCrc, Crc32C.Mask(lengthCrc));
        stream.Write(maskedLengthCrc);
        entryCrc = Crc32C.Extend(entryCrc, maskedLengthCrc);
        foreach (var s in strings)
        {
            stream.Write(s);
            entryCrc = Crc32C.Extend(entryCrc, s);
        }
        return (stream.ToArray(), entryCrc);
    }

    /// <summary>Decodes <paramref name="count"/> strings and returns them with the CRC computed over them as TF does.</summary>
    public static (byte[][] strings, uint crc) DecodeStrings(ReadOnlySpan<byte> stored, long count, string what)
    {
        int position = 0;
        var lengths = new ulong[count];
        uint entryCrc = 0;
        for (long i = 0; i < count; i++)
        {
            lengths[i] = Varint.Read(stored, ref position, what);
            entryCrc = Crc32C.Extend(entryCrc, FixedWidth(lengths[i]));
        }
        if (position + 4 > stored.Length) throw new DataLossError($"{what}: string tensor truncated");
        entryCrc = Crc32C.Extend(entryCrc, stored.Slice(position, 4));
        position += 4;
        var strings = new byte[count][];
        for (long i = 0; i < count; i++)
        {
            if (position + (long)lengths[i] > stored.Length) throw new DataLossError($"{what}: string tensor truncated");
            strings[i] = stored.Slice(position, (int)lengths[i]).ToArray();
            entryCrc = Crc32C.Extend(entryCrc, strings[i]);
            position += (int)lengths[i];
        }
        return (strings, entryCrc);
    }

    static byte[] FixedWidth(ulong length)
    {
        if (length <= uint.MaxValue)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)length);
            return b;
        }
        var wide = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(wide, length);
        return wide;
    }

    public static byte[][] StringsOf(NDArray array) => array.Storage switch
    {
        byte[][] b => b,
        string[] s => s.Select(Encoding.UTF8.GetBytes).ToArray(),
        _ => throw new TypeError($"expected a string array, got dtype {array.dtype.as_numpy_name()}"),
    };
}
