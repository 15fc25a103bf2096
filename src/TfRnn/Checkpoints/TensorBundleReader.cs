using TfRnn.Protos;

namespace TfRnn;

/// <summary>
/// Reads a V2 checkpoint written by TensorFlow or by us: index entries (raw or snappy blocks), then each
/// tensor's bytes from its data shard, checking size and CRC. Errors name the file and what is wrong.
/// </summary>
public sealed class TensorBundleReader
{
    readonly string _prefix;
    readonly Dictionary<string, BundleEntryProto> _entries = new(StringComparer.Ordinal);
    readonly Dictionary<int, byte[]> _shards = new();

    /// <summary>Opens the checkpoint <paramref name="prefix"/> and reads its index; <see cref="NotFoundError"/> when <c>prefix.index</c> is missing (or it is a V1 checkpoint), <see cref="DataLossError"/> for a bad header.</summary>
    public TensorBundleReader(string prefix)
    {
        _prefix = prefix;
        var indexPath = TensorBundleWriter.IndexPath(prefix);
        if (!File.Exists(indexPath))
        {
            if (File.Exists(prefix) && LooksLikeTable(prefix))
                throw new NotFoundError($"{prefix}: V1 checkpoint format is not supported (a V1 checkpoint is one file without '.index'); re-save it with TensorFlow ≥ 0.12 (tf.train.Saver(write_version=tf.train.SaverDef.V2)).");
            throw new NotFoundError($"Unsuccessful TensorSliceReader constructor: Failed to find any matching files for {prefix} (no {Path.GetFileName(indexPath)})");
        }
        var entries = TableReader.ReadAll(File.ReadAllBytes(indexPath), indexPath);
        if (entries.Count == 0 || entries[0].key.Length != 0)
            throw new DataLossError($"{indexPath}: the checkpoint index has no header entry");
        var header = BundleHeaderProto.Parser.ParseFrom(entries[0].value);
        if (header.Endianness != BundleHeaderProto.Types.Endianness.Little)
            throw new DataLossError($"{indexPath}: big-endian checkpoints are not supported");
        if (header.Version != null && header.Version.MinConsumer > 1)
            throw new DataLossError($"{indexPath}: checkpoint needs a reader of version ≥ {header.Version.MinConsumer}");
        NumShards = header.NumShards;
        foreach (var (key, value) in entries.Skip(1))
            _entries[System.Text.Encoding.UTF8.GetString(key)] = BundleEntryProto.Parser.ParseFrom(value);
    }

    /// <summary>The number of data shards (<c>.data-?????-of-NNNNN</c> files) the index names.</summary>
    public int NumShards { get; }
    /// <summary>The tensor names, in ordinal order.</summary>
    public IEnumerable<string> Keys => _entries.Keys.OrderBy(k => k, StringComparer.Ordinal);
    /// <summary>Whether the index has an entry named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>The dtype of tensor <paramref name="name"/>; <see cref="NotFoundError"/> when absent.</summary>
    public TF_DataType DTypeOf(string name) => (TF_DataType)Entry(name).Dtype;
    /// <summary>The dimensions of tensor <paramref name="name"/> (empty for a scalar); <see cref="NotFoundError"/> when absent.</summary>
    public long[] ShapeOf(string name) => Entry(name).Shape?.Dim.Select(d => d.Size).ToArray() ?? Array.Empty<long>();
    internal BundleEntryProto Entry(string name) =>
        _entries.TryGetValue(name, out var e) ? e : throw new NotFoundError($"Key {name} not found in checkpoint");

    /// <summary>The tensor's value, after checking that its bytes are all there and match the stored CRC.</summary>
    public NDArray Read(string name)
    {
        var entry = Entry(name);
        if (entry.Slices.Count > 0) throw new NotFoundError($"{name} in {_prefix} is a partitioned variable; reading slices is not supported");
        var shard = Shard(entry.ShardId);
        string where = $"{TensorBundleWriter.DataPath(_prefix).Replace("00000-of-00001", $"{entry.ShardId:D5}-of-{NumShards:D5}")} (tensor {name})";
        if (entry.Offset < 0 || entry.Offset + entry.Size > shard.Length)
            throw new DataLossError($"{where}: needs bytes {entry.Offset}..{entry.Offset + entry.Size} but the file has {shard.Length}; the data file is truncated");
        var bytes = shard.AsSpan((int)entry.Offset, (int)entry.Size);
        var dims = ShapeOf(name);
        long count = dims.Aggregate(1L, (a, b) => a * b);
        var dtype = (TF_DataType)entry.Dtype;
        uint crc;
        NDArray value;
        if (dtype == TF_DataType.TF_STRING)
        {
            var (strings, stringCrc) = TensorBytes.DecodeStrings(bytes, count, where);
            crc = stringCrc;
            value = new NDArray(strings, dims);
        }
        else
        {
            if (entry.Size != count * TensorBytes.ElementSize(dtype))
                throw new DataLossError($"{where}: {entry.Size} bytes stored for {count} elements of {dtype.as_numpy_name()}");
            crc = Crc32C.Compute(bytes);
            value = TensorBytes.ToArray(bytes, dtype, dims);
        }
        if (Crc32C.Mask(crc) != entry.Crc32C)
            throw new DataLossError($"{where}: Checksum does not match: stored 0x{entry.Crc32C:x8} vs. calculated on the restored bytes 0x{Crc32C.Mask(crc):x8}");
        return value;
    }

    byte[] Shard(int id)
    {
        if (_shards.TryGetValue(id, out var data)) return data;
        var path = $"{_prefix}.data-{id:D5}-of-{NumShards:D5}";
        if (!File.Exists(path)) throw new NotFoundError($"{path}: the checkpoint's data file is missing");
        return _shards[id] = File.ReadAllBytes(path);
    }

    static bool LooksLikeTable(string path)
    {
        var info = new FileInfo(path);
        if (info.Length < TableReader.FooterLength) return false;
        using var stream = File.OpenRead(path);
        stream.Seek(-8, SeekOrigin.End);
        var magic = new byte[8];
        stream.ReadExactly(magic);
        return BitConverter.ToUInt64(magic) == TableReader.Magic;
    }
}
