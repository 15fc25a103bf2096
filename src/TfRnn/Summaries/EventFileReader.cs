using TfRnn.Protos;

namespace TfRnn;

/// <summary>
/// Reads a TensorBoard event file and checks every record's CRCs. TensorBoard itself stops silently at the
/// first bad record; this reader raises a DataLossError naming it.
/// </summary>
public static class EventFileReader
{
    public static List<Event> Read(string path)
    {
        byte[] file;
        try { file = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotFoundError($"Cannot read event file '{path}': {e.Message}");
        }
        return RecordFraming.Read(file, path).Select((payload, i) =>
        {
            try { return Event.Parser.ParseFrom(payload); }
            catch (Google.Protobuf.InvalidProtocolBufferException e)
            {
                throw new DataLossError($"{path}: record {i} is not an Event: {e.Message}", e);
            }
        }).ToList();
    }
}
