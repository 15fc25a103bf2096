using TfRnn.Protos;

namespace TfRnn;

/// <summary>
/// Reads a TensorBoard event file, checking every record's CRCs: every complete record, in order, up to a
/// record the end of the file cuts short (a run still writing or killed); corruption before that is a
/// DataLossError naming the record, where TensorBoard would stop silently.
/// </summary>
public static class EventFileReader
{
    /// <summary>The events of <paramref name="path"/>, read lazily from a snapshot taken at the first step.</summary>
    public static IEnumerable<Event> Events(string path)
    {
        byte[] file;
        try
        {
            // A writer may hold the file open: share it for reading and writing.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            file = new byte[stream.Length];
            stream.ReadExactly(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotFoundError($"Cannot read event file '{path}': {e.Message}");
        }
        int index = 0;
        foreach (var payload in RecordFraming.Read(file, path))
        {
            Event e;
            try { e = Event.Parser.ParseFrom(payload); }
            catch (Google.Protobuf.InvalidProtocolBufferException error)
            {
                throw new DataLossError($"{path}: record {index} is not an Event: {error.Message}", error);
            }
            index++;
            yield return e;
        }
    }

    /// <summary>All events of <paramref name="path"/> as a list.</summary>
    public static List<Event> Read(string path) => Events(path).ToList();
}
