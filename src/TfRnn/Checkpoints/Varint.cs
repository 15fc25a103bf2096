namespace TfRnn;

/// <summary>Protobuf/LevelDB base-128 varints.</summary>
internal static class Varint
{
    public static void Write(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }

    public static ulong Read(ReadOnlySpan<byte> data, ref int position, string what)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length) throw new DataLossError($"{what}: truncated varint; the file is corrupted");
            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw new DataLossError($"{what}: malformed varint; the file is corrupted");
    }
}
