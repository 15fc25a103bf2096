using System.Buffers.Binary;

namespace TfRnn;

/// <summary>TFRecord framing: u64 length, masked CRC of the length, payload, masked CRC of the payload.</summary>
internal static class RecordFraming
{
    public static void Write(Stream stream, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        stream.Write(header);
        stream.Write(payload);
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(payload));
        stream.Write(footer);
    }

    /// <summary>
    /// Every complete record's payload, checking both CRCs. A record cut short by the end of the file (a writer
    /// still running, or killed) ends the sequence quietly, as TensorFlow's reader does; a CRC mismatch before
    /// that is corruption, a DataLossError naming the record by index and byte offset.
    /// </summary>
    public static IEnumerable<byte[]> Read(byte[] file, string path)
    {
        long offset = 0;
        for (int index = 0; file.Length - offset >= 12; index++)
        {
            var header = file.AsSpan((int)offset, 12);
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            uint lengthCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            if (Crc32C.Masked(header[..8]) != lengthCrc)
                throw new DataLossError($"{path}: record {index} at byte offset {offset}: length CRC mismatch (stored 0x{lengthCrc:x8}, computed 0x{Crc32C.Masked(header[..8]):x8}); the file is corrupted");
            if ((ulong)(file.Length - offset - 12) < length + 4) yield break;   // the last record is incomplete
            var payload = file.AsSpan((int)offset + 12, (int)length);
            uint payloadCrc = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)(offset + 12 + (long)length), 4));
            if (Crc32C.Masked(payload) != payloadCrc)
                throw new DataLossError($"{path}: record {index} at byte offset {offset}: payload CRC mismatch (stored 0x{payloadCrc:x8}, computed 0x{Crc32C.Masked(payload):x8}); the file is corrupted");
            yield return payload.ToArray();
            offset += 16 + (long)length;
        }
    }
}
