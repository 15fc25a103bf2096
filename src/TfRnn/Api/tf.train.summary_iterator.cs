using TfRnn.Protos;

namespace TfRnn;

public static partial class tf
{
    public static partial class train
    {
        /// <summary>
        /// tf.train.summary_iterator(path): the Event protos of an event file, in order. Stops cleanly at a last
        /// record cut short (a run still writing, or killed); DataLossError for corruption before the end.
        /// </summary>
        public static IEnumerable<Event> summary_iterator(string path) => EventFileReader.Events(path);
    }
}
