using Google.Protobuf;
using TfRnn.Protos;

namespace TfRnn;

/// <summary>
/// TF1's tf.summary.FileWriter: an event file <c>events.out.tfevents.&lt;secs&gt;.&lt;host&gt;</c> in logdir that
/// TensorBoard reads. Starts with file_version "brain.Event:2"; writes the graph (GraphDef and MetaGraphDef
/// events) when given one; summaries are queued and flushed every max_queue events, every flush_secs, on
/// flush(), on close(), and when the process exits without closing it.
/// </summary>
public sealed class FileWriter : IDisposable
{
    readonly FileStream _stream;
    readonly List<Event> _queue = new();
    readonly HashSet<string> _seenTags = new();
    readonly int _maxQueue;
    readonly Timer? _timer;
    readonly object _lock = new();
    bool _closed;
    /// <summary>A failure of a background flush, reported by the next call on the user's thread.</summary>
    IOException? _backgroundError;

    /// <summary>tf.summary.FileWriter: an event file in <paramref name="logdir"/> (created when missing), with <paramref name="graph"/>'s GraphDef written first when given; events are flushed every <paramref name="flush_secs"/> seconds, on flush() and on close.</summary>
    public FileWriter(string logdir, Graph? graph = null, int max_queue = 10, double flush_secs = 120, string? filename_suffix = null)
    {
        try { Directory.CreateDirectory(logdir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the log directory '{logdir}': {e.Message}", e);
        }
        _logdir = logdir;
        _maxQueue = Math.Max(1, max_queue);
        long seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string name = $"events.out.tfevents.{seconds:D10}.{Environment.MachineName}{filename_suffix}";
        var path = Path.Combine(logdir, name);
        for (int n = 1; File.Exists(path); n++) path = Path.Combine(logdir, $"{name}.{n}");
        try { _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write event files in the log directory '{logdir}': {e.Message}", e);
        }
        FilePath = path;
        WriteNow(new Event { WallTime = seconds, FileVersion = "brain.Event:2" });
        if (graph != null) add_graph(graph);
        if (flush_secs > 0) _timer = new Timer(_ => BackgroundFlush(), null, TimeSpan.FromSeconds(flush_secs), TimeSpan.FromSeconds(flush_secs));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    readonly string _logdir;
    /// <summary>The directory the event file is written in.</summary>
    public string get_logdir() => _logdir;
    /// <summary>The event file being written.</summary>
    public string FilePath { get; }

    /// <summary>add_summary(summary, global_step): a summary op's value as <c>sess.run</c> fetches it (a string scalar holding a serialized Summary), at a step.</summary>
    public void add_summary(NDArray summary, long global_step = 0) => add_summary(summary.item<byte[]>(), global_step);

    /// <summary>add_summary(summary, global_step): a serialized Summary protocol buffer, at a step.</summary>
    public void add_summary(byte[] summary, long global_step = 0) => AddSummary(Summary.Parser.ParseFrom(summary), global_step);

    /// <summary>add_summary(summary, global_step): a Summary protocol buffer (written as a copy), at a step.</summary>
    public void add_summary(Summary summary, long global_step = 0) => AddSummary(summary.Clone(), global_step);

    /// <summary>Writes <paramref name="proto"/>, which the writer owns: repeated metadata is dropped from it.</summary>
    void AddSummary(Summary proto, long globalStep)
    {
        lock (_lock)
            foreach (var value in proto.Value)
                if (value.Metadata != null && !_seenTags.Add(value.Tag)) value.Metadata = null;   // TF keeps only the first metadata per tag
        add_event(new Event { Summary = proto, Step = globalStep });
    }

    /// <summary>add_graph(graph): the GraphDef (Graphs tab) and a MetaGraphDef event.</summary>
    public void add_graph(Graph graph, long global_step = 0)
    {
        add_event(new Event { GraphDef = GraphDefExporter.Export(graph).ToByteString(), Step = global_step });
        add_event(new Event { MetaGraphDef = ByteString.CopyFrom(GraphDefExporter.MetaGraph(graph)), Step = global_step });
    }

    /// <summary>add_session_log(status, step): e.g. SessionLog.START after a restart, so TensorBoard drops orphaned later events.</summary>
    public void add_session_log(SessionLog session_log, long global_step = 0) => add_event(new Event { SessionLog = session_log, Step = global_step });

    /// <summary>Writes one event record (wall time set to now when unset).</summary>
    public void add_event(Event e)
    {
        if (e.WallTime == 0) e.WallTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            ThrowBackgroundError();
            _queue.Add(e);
            if (_queue.Count >= _maxQueue) FlushLocked();
        }
    }

    /// <summary>Writes queued events to disk.</summary>
    public void flush()
    {
        lock (_lock)
        {
            ThrowBackgroundError();
            if (!_closed) FlushLocked();
        }
    }

    /// <summary>The flush_secs timer: an exception on a timer thread would end the process, so it waits for the user's next call.</summary>
    void BackgroundFlush()
    {
        lock (_lock)
        {
            if (_closed) return;
            try { FlushLocked(); }
            catch (IOException e) { _backgroundError ??= e; }
        }
    }

    void ThrowBackgroundError()
    {
        if (_backgroundError is not { } e) return;
        _backgroundError = null;
        throw new IOException($"Writing events to '{FilePath}' failed: {e.Message}", e);
    }

    /// <summary>A writer never closed still gets its queued events to disk (TF's writer thread does the same at exit).</summary>
    void OnProcessExit(object? sender, EventArgs e)
    {
        try { Dispose(); }
        catch (IOException) { }   // nothing can report it any more
    }

    void FlushLocked()
    {
        foreach (var e in _queue) RecordFraming.Write(_stream, e.ToByteArray());
        _queue.Clear();
        _stream.Flush(flushToDisk: true);
    }

    void WriteNow(Event e)
    {
        RecordFraming.Write(_stream, e.ToByteArray());
        _stream.Flush();
    }

    /// <summary>Flushes and closes the event file; later writes raise an error.</summary>
    public void close() => Dispose();

    /// <inheritdoc cref="close"/>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_closed) return;
            FlushLocked();
            _closed = true;
            _stream.Dispose();
        }
        _timer?.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }
}
