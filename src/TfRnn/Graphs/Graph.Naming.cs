namespace TfRnn;

public sealed partial class Graph
{
    readonly Dictionary<string, int> _namesInUse = new();

    /// <summary>The current name scope without a trailing slash ("" at the root).</summary>
    internal string NameStack { get; private set; } = "";

    /// <summary>TF's <c>graph.get_name_scope()</c>.</summary>
    public string get_name_scope() => NameStack;

    /// <summary>
    /// TF's <c>Graph.unique_name</c>: prefixes the current name scope and appends <c>_N</c> when the
    /// name (compared case-insensitively) is taken.
    /// </summary>
    public string unique_name(string name, bool mark_as_used = true)
    {
        if (NameStack.Length > 0) name = NameStack + "/" + name;
        string key = name.ToLowerInvariant();
        _namesInUse.TryGetValue(key, out int i);
        if (mark_as_used) _namesInUse[key] = i + 1;
        if (i == 0) return name;
        string baseKey = key;
        while (_namesInUse.ContainsKey(key))
        {
            key = $"{baseKey}_{i}";
            i++;
        }
        if (mark_as_used) _namesInUse[key] = 1;
        return $"{name}_{i - 1}";
    }

    /// <summary>
    /// Enters a name scope as TF's <c>Graph.name_scope</c>: null or "" resets to the root, a name ending
    /// in '/' is used as-is, anything else is made unique. <paramref name="entered"/> is the scope with
    /// its trailing slash ("" for the root).
    /// </summary>
    internal IDisposable EnterNameScope(string? name, out string entered)
    {
        string old = NameStack;
        if (string.IsNullOrEmpty(name))
        {
            NameStack = "";
            entered = "";
        }
        else if (name.EndsWith('/'))
        {
            NameStack = name[..^1];
            entered = name;
        }
        else
        {
            ValidateScopeName(name);
            NameStack = unique_name(name);
            entered = NameStack + "/";
        }
        return new Restore(() => NameStack = old);
    }

    void ValidateScopeName(string name)
    {
        bool validFirst = NameStack.Length > 0
            ? char.IsLetterOrDigit(name[0]) || name[0] is '.' or '_' or '-' or '/' or '>'
            : char.IsLetterOrDigit(name[0]) || name[0] == '.';
        bool validRest = name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '>');
        if (!validFirst || !validRest) throw new ValueError($"'{name}' is not a valid scope name");
    }

    /// <summary>Runs an undo action when disposed (scopes are IDisposable, as TF's <c>with</c> blocks).</summary>
    internal sealed class Restore(Action undo) : IDisposable
    {
        bool _done;
        public void Dispose()
        {
            if (_done) return;
            _done = true;
            undo();
        }
    }
}
