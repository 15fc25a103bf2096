using Google.Protobuf;
using TfRnn.Protos;

namespace TfRnn;

/// <summary>
/// Writes a V2 checkpoint ("tensor bundle"): <c>prefix.data-00000-of-00001</c> with the tensors' bytes in the
/// order added, and <c>prefix.index</c>, an uncompressed SSTable of the header and one entry per tensor.
/// Both files are written atomically (index last).
/// </summary>
internal sealed class TensorBundleWriter(string prefix)
{
    readonly MemoryStream _data = new();
    readonly SortedDictionary<string, BundleEntryProto> _entries = new(StringComparer.Ordinal);

    public static string DataPath(string prefix) => $"{prefix}.data-00000-of-00001";
    public static string IndexPath(string prefix) => $"{prefix}.index";

    public void Add(string name, NDArray value)
    {
        if (_entries.ContainsKey(name)) throw new ValueError($"Checkpoint key {name} is added twice");
        var entry = new BundleEntryProto { Dtype = (DataType)value.dtype, Shape = ShapeProto(value.Dims), Offset = _data.Position };
        if (value.dtype == TF_DataType.TF_STRING)
        {
            var (stored, crc) = TensorBytes.EncodeStrings(TensorBytes.StringsOf(value));
            _data.Write(stored);
            entry.Size = stored.Length;
            entry.Crc32C = Crc32C.Mask(crc);
        }
        else
        {
            var bytes = TensorBytes.FromArray(value);
            _data.Write(bytes);
            entry.Size = bytes.Length;
            entry.Crc32C = Crc32C.Masked(bytes);
        }
        _entries[name] = entry;
    }

    public void Finish()
    {
        var table = new TableWriter();
        var header = new BundleHeaderProto { NumShards = 1, Version = new VersionDef { Producer = 1 } };
        table.Add(Array.Empty<byte>(), header.ToByteArray());
        foreach (var (name, entry) in _entries)
            table.Add(System.Text.Encoding.UTF8.GetBytes(name), entry.ToByteArray());
        AtomicFile.Write(DataPath(prefix), _data.ToArray());
        AtomicFile.Write(IndexPath(prefix), table.Finish());
    }

    internal static TensorShapeProto ShapeProto(long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dim { Size = d });
        return shape;
    }
}
