using System.Buffers.Binary;
using System.Numerics;

namespace TfRnn;

/// <summary>CRC-32C (Castagnoli) and TensorFlow's masking, as stored in checkpoints and event files.</summary>
public static class Crc32C
{
    const uint MaskDelta = 0xA282EAD8;

    /// <summary>crc32c of <paramref name="data"/>, continuing from <paramref name="crc"/> (0 to start).</summary>
    public static uint Extend(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        while (data.Length >= 8)
        {
            c = BitOperations.Crc32C(c, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (byte b in data) c = BitOperations.Crc32C(c, b);
        return ~c;
    }

    /// <summary>crc32c of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Extend(0, data);

    /// <summary>Rotates and offsets a CRC so that a CRC of data containing CRCs stays well distributed (TF's Mask).</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>Inverse of <see cref="Mask"/>: the CRC a stored masked value stands for.</summary>
    public static uint Unmask(uint masked)
    {
        uint rot = masked - MaskDelta;
        return (rot >> 17) | (rot << 15);
    }

    /// <summary>The masked crc32c of <paramref name="data"/>, as TFRecord framing and checkpoints store it.</summary>
    public static uint Masked(ReadOnlySpan<byte> data) => Mask(Compute(data));
}
