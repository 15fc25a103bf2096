using System.Globalization;
using System.Text;

namespace TfRnn;

/// <summary>
/// TF's CheckpointState, kept in the text file <c>checkpoint</c> of a save directory: the latest checkpoint
/// prefix and all that are kept, oldest first (protobuf text format, as TensorFlow writes it).
/// </summary>
public sealed class CheckpointState
{
    /// <summary>The prefix of the latest checkpoint.</summary>
    public string model_checkpoint_path { get; set; } = "";
    /// <summary>The prefixes of all checkpoints kept, oldest first.</summary>
    public List<string> all_model_checkpoint_paths { get; } = new();
    /// <summary>The save times of <see cref="all_model_checkpoint_paths"/>, in seconds since the Unix epoch.</summary>
    public List<double> all_model_checkpoint_timestamps { get; } = new();
    /// <summary>The Unix time of the last checkpoint kept for good by <c>keep_checkpoint_every_n_hours</c>; 0 when unset (then not written).</summary>
    public double last_preserved_timestamp { get; set; }

    /// <summary>TF's text layout: one <c>field: "value"</c> line each, in field order.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("model_checkpoint_path: \"").Append(Escape(model_checkpoint_path)).Append("\"\n");
        foreach (var path in all_model_checkpoint_paths) text.Append("all_model_checkpoint_paths: \"").Append(Escape(path)).Append("\"\n");
        foreach (var t in all_model_checkpoint_timestamps) text.Append("all_model_checkpoint_timestamps: ").Append(Number(t)).Append('\n');
        if (last_preserved_timestamp != 0) text.Append("last_preserved_timestamp: ").Append(Number(last_preserved_timestamp)).Append('\n');
        return text.ToString();
    }

    /// <summary>Reads the text format of a <c>checkpoint</c> file; <see cref="DataLossError"/> naming <paramref name="path"/> and the line for a malformed line or an unknown field.</summary>
    public static CheckpointState Parse(string text, string path)
    {
        var state = new CheckpointState();
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            if (colon < 0) throw new DataLossError($"{path}:{lineNumber}: expected 'field: value', got '{line}'");
            var field = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (field)
            {
                case "model_checkpoint_path": state.model_checkpoint_path = Unquote(value, path, lineNumber); break;
                case "all_model_checkpoint_paths": state.all_model_checkpoint_paths.Add(Unquote(value, path, lineNumber)); break;
                case "all_model_checkpoint_timestamps": state.all_model_checkpoint_timestamps.Add(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "last_preserved_timestamp": state.last_preserved_timestamp = double.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new DataLossError($"{path}:{lineNumber}: unknown field '{field}' in a checkpoint state file");
            }
        }
        return state;
    }

    static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Protobuf text-format escaping (C escapes; bytes outside printable ASCII as octal).</summary>
    static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            text.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\'' => "\\'",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                < 0x20 or >= 0x7F => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
                _ => ((char)b).ToString(),
            });
        }
        return text.ToString();
    }

    static string Unquote(string value, string path, int line)
    {
        if (value.Length < 2 || value[0] != value[^1] || value[0] is not ('"' or '\''))
            throw new DataLossError($"{path}:{line}: expected a quoted string, got {value}");
        var bytes = new List<byte>();
        var body = value[1..^1];
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\') { bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString())); continue; }
            char next = body[++i];
            if (next is >= '0' and <= '7')
            {
                int end = i;
                while (end < body.Length && end < i + 3 && body[end] is >= '0' and <= '7') end++;
                bytes.Add(Convert.ToByte(body[i..end], 8));
                i = end - 1;
                continue;
            }
            bytes.Add(next switch { 'n' => (byte)'\n', 'r' => (byte)'\r', 't' => (byte)'\t', _ => (byte)next });
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
