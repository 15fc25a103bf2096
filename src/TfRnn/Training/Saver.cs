namespace TfRnn;

/// <summary>
/// TF1's tf.train.Saver: saves variables to V2 checkpoints (keys are variable names without ":0", or the names
/// of a name→variable map), keeps the newest <c>max_to_keep</c>, maintains the <c>checkpoint</c> state file
/// (written last, atomically), and restores with TensorFlow's errors.
/// </summary>
public sealed class Saver
{
    readonly SortedDictionary<string, Variable> _variables = new(StringComparer.Ordinal);
    readonly List<(string prefix, DateTime time)> _kept = new();
    readonly int _maxToKeep;
    readonly double _keepEveryHours;
    readonly bool _padStepNumber;
    DateTime _nextKeepTime;
    /// <summary>Temp files older than this Saver were left by an interrupted save, not by a save in progress.</summary>
    readonly DateTime _created = DateTime.UtcNow;

    /// <summary>tf.train.Saver(var_list, max_to_keep, keep_checkpoint_every_n_hours, pad_step_number) over a list of variables.</summary>
    /// <param name="var_list">Variables, each saved under its name without ":0"; null for all global variables.</param>
    /// <param name="max_to_keep">How many recent checkpoints to keep (older ones are deleted).</param>
    /// <param name="keep_checkpoint_every_n_hours">Also keep one checkpoint per this many hours.</param>
    /// <param name="pad_step_number">Write the step of <c>save_path-step</c> with 8 digits.</param>
    public Saver(IEnumerable<Variable>? var_list = null, int max_to_keep = 5, double keep_checkpoint_every_n_hours = 10000.0, bool pad_step_number = false)
        : this((var_list ?? tf.global_variables()).Select(v => (v.op.name, v)), max_to_keep, keep_checkpoint_every_n_hours, pad_step_number) { }

    /// <summary>tf.train.Saver over a name → variable map: each variable is saved and restored under its key (a checkpoint's old names).</summary>
    /// <inheritdoc cref="Saver(IEnumerable{Variable}, int, double, bool)"/>
    public Saver(IDictionary<string, Variable> var_list, int max_to_keep = 5, double keep_checkpoint_every_n_hours = 10000.0, bool pad_step_number = false)
        : this(var_list.Select(e => (e.Key, e.Value ?? throw new TypeError($"Saver var_list value for {e.Key} is not a Variable"))),
            max_to_keep, keep_checkpoint_every_n_hours, pad_step_number) { }

    Saver(IEnumerable<(string name, Variable variable)> variables, int max_to_keep, double keep_checkpoint_every_n_hours, bool pad_step_number)
    {
        foreach (var (name, variable) in variables) AddVariable(name, variable);
        if (_variables.Count == 0) throw new ValueError("No variables to save");
        _maxToKeep = max_to_keep;
        _keepEveryHours = keep_checkpoint_every_n_hours;
        _padStepNumber = pad_step_number;
        _nextKeepTime = DateTime.UtcNow.AddHours(keep_checkpoint_every_n_hours);
    }

    void AddVariable(string name, Variable variable)
    {
        if (!_variables.TryAdd(name, variable))
            throw new ValueError($"At least two variables have the same name: {name}");
    }

    /// <summary>The prefixes of the kept checkpoints, oldest first.</summary>
    public List<string> last_checkpoints => _kept.Select(k => k.prefix).ToList();

    /// <summary>
    /// save(sess, save_path, global_step): writes <c>save_path-&lt;step&gt;</c> (.index, .data, and .meta unless
    /// write_meta_graph is false), prunes to max_to_keep, updates the state file; returns the prefix.
    /// </summary>
    public string save(Session sess, string save_path, TensorLike? global_step = null, string latest_filename = "checkpoint",
        bool write_meta_graph = true, bool write_state = true)
    {
        sess.ThrowIfClosed();
        var step = TensorLike.ValueOrNone(global_step);
        string prefix = step == null ? save_path : $"{save_path}-{StepOf(sess, step).ToString(_padStepNumber ? "D8" : "D")}";
        var directory = Path.GetDirectoryName(Path.GetFullPath(prefix))!;
        if (!Directory.Exists(directory))
            throw new ValueError($"Parent directory of {save_path} doesn't exist, can't save.");

        CheckpointFiles.RemoveStaleTemps(directory, Path.GetFileName(save_path), latest_filename, _created);
        var writer = new TensorBundleWriter(prefix);
        foreach (var (name, variable) in _variables)
            writer.Add(name, sess.Resources.ReadVariable(variable));
        writer.Finish();
        if (write_meta_graph) AtomicFile.Write($"{prefix}.meta", GraphDefExporter.MetaGraph(sess.graph));

        _kept.RemoveAll(k => k.prefix == prefix);
        _kept.Add((prefix, DateTime.UtcNow));
        var dropped = Prune();
        if (write_state) WriteState(Path.GetDirectoryName(save_path) is { Length: > 0 } d ? d : ".", prefix, latest_filename);
        // Deleted only once the state file no longer lists them, as TF does: a kill in between loses nothing listed.
        foreach (var old in dropped) CheckpointFiles.Delete(old);
        return prefix;
    }

    /// <summary>restore(sess, save_path): loads every variable of this saver from the checkpoint at save_path.</summary>
    public void restore(Session sess, string save_path)
    {
        sess.ThrowIfClosed();
        if (!CheckpointFiles.Exists(save_path))
            throw new ValueError($"The passed save_path is not a valid checkpoint: {save_path}");
        var reader = new TensorBundleReader(save_path);
        foreach (var (name, variable) in _variables)
        {
            if (!reader.Contains(name))
                throw new NotFoundError($"Key {name} not found in checkpoint {save_path} (restoring variable {variable.name}); " +
                    "the checkpoint was written by a different model, or the variable was renamed (map old names with Saver(var_list: {{old name: variable}})).");
            var dtype = reader.DTypeOf(name);
            if (dtype != variable.dtype)
                throw new InvalidArgumentError($"Restoring {variable.name} from {save_path}: the checkpoint holds {name} as {dtype.as_numpy_name()}, the variable is {variable.dtype.as_numpy_name()}.");
            var shape = new Shape(reader.ShapeOf(name));
            if (!variable.shape.is_compatible_with(shape))
                throw new InvalidArgumentError($"Restoring {variable.name} from {save_path}: Assign requires shapes of both tensors to match. lhs shape= {variable.shape.ToShapeFunctionString()} rhs shape= {shape.ToShapeFunctionString()}");
        }
        foreach (var (name, variable) in _variables)
            sess.Resources.WriteVariable(variable, reader.Read(name));
    }

    /// <summary>recover_last_checkpoints(paths): resumes pruning from an earlier run's kept checkpoints.</summary>
    public void recover_last_checkpoints(IEnumerable<string> checkpoint_paths)
    {
        _kept.Clear();
        foreach (var p in checkpoint_paths.Where(CheckpointFiles.Exists)) _kept.Add((p, DateTime.UtcNow));
    }

    static long StepOf(Session sess, object step) => step switch
    {
        int i => i,
        long l => l,
        Variable v => Convert.ToInt64(sess.run(v).item<double>()),
        Tensor t => Convert.ToInt64(sess.run(t).item<double>()),
        _ => throw new TypeError($"global_step must be an integer, a variable or a tensor, not {step.GetType().Name}"),
    };

    /// <summary>Drops the checkpoints beyond max_to_keep from the kept list; returns those to delete.</summary>
    List<string> Prune()
    {
        var dropped = new List<string>();
        while (_kept.Count > _maxToKeep && _maxToKeep > 0)
        {
            var (oldest, time) = _kept[0];
            _kept.RemoveAt(0);
            if (time >= _nextKeepTime)
            {
                _nextKeepTime = _nextKeepTime.AddHours(_keepEveryHours);   // kept on disk, no longer tracked
                continue;
            }
            dropped.Add(oldest);
        }
        return dropped;
    }

    void WriteState(string saveDirectory, string latest, string latestFilename)
    {
        var state = new CheckpointState { model_checkpoint_path = StatePath(saveDirectory, latest) };
        state.all_model_checkpoint_paths.AddRange(_kept.Select(k => StatePath(saveDirectory, k.prefix)));
        AtomicFile.WriteText(Path.Combine(saveDirectory, latestFilename), state.ToText());
    }

    /// <summary>TF writes paths relative to a relative save directory, absolute ones otherwise.</summary>
    static string StatePath(string saveDirectory, string prefix) =>
        Path.IsPathRooted(saveDirectory) || Path.IsPathRooted(prefix) ? prefix : Path.GetRelativePath(saveDirectory, prefix);
}
