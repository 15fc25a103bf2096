using System.Buffers.Binary;

namespace TfRnn;

/// <summary>
/// Reads an SSTable (LevelDB's table format, as TensorFlow writes checkpoint indexes): footer, index block,
/// data blocks (raw or snappy), verifying every block's masked CRC32C.
/// </summary>
internal static class TableReader
{
    internal const ulong Magic = 0xdb4775248b80fb57UL;
    internal const int FooterLength = 48;

    public static List<(byte[] key, byte[] value)> ReadAll(byte[] file, string path)
    {
        if (file.Length < FooterLength)
            throw new DataLossError($"{path}: {file.Length} bytes is too short for an SSTable (footer is {FooterLength} bytes); the file is truncated or not a checkpoint index");
        var footer = file.AsSpan(file.Length - FooterLength);
        if (BinaryPrimitives.ReadUInt64LittleEndian(footer[40..]) != Magic)
            throw new DataLossError($"{path}: not an SSTable (bad magic number in the footer); the file is truncated or not a checkpoint index");
        int position = 0;
        var (_, _) = ReadHandle(footer, ref position, path);                 // metaindex: TF writes it empty
        var (indexOffset, indexSize) = ReadHandle(footer, ref position, path);
        var entries = new List<(byte[], byte[])>();
        foreach (var (_, handle) in ReadBlock(file, indexOffset, indexSize, path))
        {
            int p = 0;
            var (offset, size) = ReadHandle(handle, ref p, path);
            entries.AddRange(ReadBlock(file, offset, size, path));
        }
        return entries;
    }

    static (long offset, long size) ReadHandle(ReadOnlySpan<byte> data, ref int position, string path) =>
        ((long)Varint.Read(data, ref position, path), (long)Varint.Read(data, ref position, path));

    /// <summary>The entries of the block at <paramref name="offset"/>, after checking its trailer CRC.</summary>
    static List<(byte[] key, byte[] value)> ReadBlock(byte[] file, long offset, long size, string path)
    {
        if (offset < 0 || size < 0 || offset + size + 5 > file.Length)
            throw new DataLossError($"{path}: block at offset {offset} (size {size}) runs past the end of the file ({file.Length} bytes); the file is truncated");
        var stored = file.AsSpan((int)offset, (int)size);
        byte type = file[offset + size];
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)(offset + size + 1)));
        uint actual = Crc32C.Mask(Crc32C.Extend(Crc32C.Compute(stored), new[] { type }));
        if (actual != expected)
            throw new DataLossError($"{path}: block checksum mismatch at offset {offset}: stored 0x{expected:x8}, computed 0x{actual:x8}; the file is corrupted");
        byte[] contents = type switch
        {
            0 => stored.ToArray(),
            1 => Snappier.Snappy.DecompressToArray(stored),
            _ => throw new DataLossError($"{path}: block at offset {offset} has unknown compression type {type}"),
        };
        return ParseEntries(contents, path, offset);
    }

    static List<(byte[] key, byte[] value)> ParseEntries(byte[] block, string path, long blockOffset)
    {
        if (block.Length < 4) throw new DataLossError($"{path}: block at offset {blockOffset} is too short");
        int restarts = (int)BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(block.Length - 4));
        int limit = block.Length - 4 - 4 * restarts;
        if (limit < 0) throw new DataLossError($"{path}: block at offset {blockOffset} has a bad restart count {restarts}");
        var entries = new List<(byte[], byte[])>();
        var key = Array.Empty<byte>();
        int position = 0;
        while (position < limit)
        {
            int shared = (int)Varint.Read(block, ref position, path);
            int unshared = (int)Varint.Read(block, ref position, path);
            int valueLength = (int)Varint.Read(block, ref position, path);
            if (shared > key.Length || position + unshared + valueLength > limit)
                throw new DataLossError($"{path}: corrupted entry in block at offset {blockOffset}");
            key = key[..shared].Concat(block.AsSpan(position, unshared).ToArray()).ToArray();
            position += unshared;
            entries.Add((key, block.AsSpan(position, valueLength).ToArray()));
            position += valueLength;
        }
        return entries;
    }
}
