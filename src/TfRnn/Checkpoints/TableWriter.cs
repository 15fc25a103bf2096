using System.Buffers.Binary;

namespace TfRnn;

/// <summary>
/// Writes an SSTable exactly as LevelDB's TableBuilder does with TensorFlow's bundle options (256 KiB
/// blocks, restart interval 16, no compression), so the same entries give TensorFlow's bytes.
/// </summary>
internal sealed class TableWriter
{
    const int BlockSize = 262144;
    const int RestartInterval = 16;

    readonly MemoryStream _file = new();
    readonly BlockBuilder _data = new(RestartInterval);
    readonly BlockBuilder _index = new(1);
    byte[]? _lastKey;
    (long offset, long size)? _pendingHandle;

    /// <summary>Adds an entry; keys must arrive in strictly increasing bytewise order.</summary>
    public void Add(byte[] key, byte[] value)
    {
        if (_lastKey != null && Compare(key, _lastKey) <= 0)
            throw new ArgumentException("SSTable keys must be added in strictly increasing order");
        if (_pendingHandle is { } handle)
        {
            _index.Add(ShortestSeparator(_lastKey!, key), EncodeHandle(handle));
            _pendingHandle = null;
        }
        if (key.Length + value.Length >= 2 * BlockSize && !_data.IsEmpty) Flush();
        _data.Add(key, value);
        _lastKey = key;
        if (_data.SizeEstimate >= BlockSize) Flush();
    }

    /// <summary>Finishes the table (metaindex, index, footer) and returns its bytes.</summary>
    public byte[] Finish()
    {
        Flush();
        var metaindex = WriteBlock(new BlockBuilder(RestartInterval).Finish());
        if (_pendingHandle is { } handle)
        {
            _index.Add(ShortSuccessor(_lastKey!), EncodeHandle(handle));
            _pendingHandle = null;
        }
        var index = WriteBlock(_index.Finish());
        var footer = new MemoryStream();
        Varint.Write(footer, (ulong)metaindex.offset);
        Varint.Write(footer, (ulong)metaindex.size);
        Varint.Write(footer, (ulong)index.offset);
        Varint.Write(footer, (ulong)index.size);
        footer.SetLength(40);
        footer.Position = 40;
        var magic = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(magic, TableReader.Magic);
        footer.Write(magic);
        _file.Write(footer.ToArray());
        return _file.ToArray();
    }

    void Flush()
    {
        if (_data.IsEmpty) return;
        _pendingHandle = WriteBlock(_data.Finish());
        _data.Reset();
    }

    /// <summary>Block contents, then the trailer: type 0 and the masked CRC of contents + type.</summary>
    (long offset, long size) WriteBlock(byte[] contents)
    {
        long offset = _file.Position;
        _file.Write(contents);
        var trailer = new byte[5];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(1), Crc32C.Mask(Crc32C.Extend(Crc32C.Compute(contents), trailer.AsSpan(0, 1))));
        _file.Write(trailer);
        return (offset, contents.Length);
    }

    static byte[] EncodeHandle((long offset, long size) handle)
    {
        var stream = new MemoryStream();
        Varint.Write(stream, (ulong)handle.offset);
        Varint.Write(stream, (ulong)handle.size);
        return stream.ToArray();
    }

    /// <summary>LevelDB's FindShortestSeparator: a short key k with start ≤ k &lt; limit.</summary>
    internal static byte[] ShortestSeparator(byte[] start, byte[] limit)
    {
        int minLength = Math.Min(start.Length, limit.Length);
        int diff = 0;
        while (diff < minLength && start[diff] == limit[diff]) diff++;
        if (diff >= minLength) return start;
        byte b = start[diff];
        if (b < 0xFF && b + 1 < limit[diff])
        {
            var result = start[..(diff + 1)];
            result[diff]++;
            return result;
        }
        return start;
    }

    /// <summary>LevelDB's FindShortSuccessor: a short key ≥ <paramref name="key"/>.</summary>
    internal static byte[] ShortSuccessor(byte[] key)
    {
        for (int i = 0; i < key.Length; i++)
            if (key[i] != 0xFF)
            {
                var result = key[..(i + 1)];
                result[i]++;
                return result;
            }
        return key;
    }

    internal static int Compare(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);

    /// <summary>LevelDB's BlockBuilder: prefix-compressed entries with periodic restart points.</summary>
    sealed class BlockBuilder(int restartInterval)
    {
        readonly MemoryStream _buffer = new();
        readonly List<uint> _restarts = new() { 0 };
        byte[] _last = Array.Empty<byte>();
        int _counter;

        public bool IsEmpty => _buffer.Length == 0;
        public long SizeEstimate => _buffer.Length + 4L * _restarts.Count + 4;

        public void Add(byte[] key, byte[] value)
        {
            int shared = 0;
            if (_counter < restartInterval)
            {
                int min = Math.Min(_last.Length, key.Length);
                while (shared < min && _last[shared] == key[shared]) shared++;
            }
            else
            {
                _restarts.Add((uint)_buffer.Length);
                _counter = 0;
            }
            Varint.Write(_buffer, (ulong)shared);
            Varint.Write(_buffer, (ulong)(key.Length - shared));
            Varint.Write(_buffer, (ulong)value.Length);
            _buffer.Write(key, shared, key.Length - shared);
            _buffer.Write(value);
            _last = key;
            _counter++;
        }

        public byte[] Finish()
        {
            var bytes = new byte[4];
            foreach (var restart in _restarts)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, restart);
                _buffer.Write(bytes);
            }
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)_restarts.Count);
            _buffer.Write(bytes);
            return _buffer.ToArray();
        }

        public void Reset()
        {
            _buffer.SetLength(0);
            _restarts.Clear();
            _restarts.Add(0);
            _last = Array.Empty<byte>();
            _counter = 0;
        }
    }
}
