using System.IO.Compression;

namespace TfRnn.Datasets;

/// <summary>
/// The IDX format of MNIST files: a big-endian magic (0x00 0x00 type rank), big-endian int32 dimensions,
/// then the data. Reads raw or gzip-compressed files (detected by content, not by name).
/// </summary>
public static class IdxFile
{
    const byte UnsignedByte = 0x08;

    /// <summary>The dimensions and unsigned-byte data of an IDX file; clear errors for anything else.</summary>
    public static (int[] dims, byte[] data) Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot read IDX file '{path}': {e.Message}", e);
        }
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b) bytes = Gunzip(bytes, path);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"'{path}' is not an IDX file (bad magic number).");
        if (bytes[2] != UnsignedByte)
            throw new InvalidDataException($"'{path}' holds IDX type 0x{bytes[2]:x2}; only unsigned bytes (0x08, as in MNIST) are supported.");
        int rank = bytes[3];
        if (bytes.Length < 4 + 4 * rank) throw new InvalidDataException($"'{path}' is truncated inside its header.");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = ReadBigEndian(bytes, 4 + 4 * i);
        long count = dims.Aggregate(1L, (a, b) => a * b);
        int offset = 4 + 4 * rank;
        if (bytes.Length - offset != count)
            throw new InvalidDataException($"'{path}' should hold {count} values after its header but holds {bytes.Length - offset}.");
        return (dims, bytes[offset..]);
    }

    /// <summary>Writes unsigned-byte data as an IDX file (used to make small test sets).</summary>
    public static void Write(string path, int[] dims, byte[] data)
    {
        using var stream = File.Create(path);
        stream.Write(new byte[] { 0, 0, UnsignedByte, (byte)dims.Length });
        foreach (var d in dims) stream.Write(new[] { (byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d });
        stream.Write(data);
    }

    static int ReadBigEndian(byte[] bytes, int offset) =>
        bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3];

    static byte[] Gunzip(byte[] compressed, string path)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' looks gzip-compressed but cannot be decompressed: {e.Message}", e);
        }
    }
}
