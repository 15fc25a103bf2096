namespace TfRnn;

public static partial class tf
{
    public static partial class train
    {
        /// <inheritdoc cref="TfRnn.Saver(IEnumerable{Variable}, int, double, bool)"/>
        public static Saver Saver(IEnumerable<Variable>? var_list = null, int max_to_keep = 5, double keep_checkpoint_every_n_hours = 10000.0, bool pad_step_number = false) =>
            new(var_list, max_to_keep, keep_checkpoint_every_n_hours, pad_step_number);

        /// <inheritdoc cref="TfRnn.Saver(IDictionary{string, Variable}, int, double, bool)"/>
        public static Saver Saver(IDictionary<string, Variable> var_list, int max_to_keep = 5, double keep_checkpoint_every_n_hours = 10000.0, bool pad_step_number = false) =>
            new(var_list, max_to_keep, keep_checkpoint_every_n_hours, pad_step_number);

        /// <summary>tf.train.get_checkpoint_state(checkpoint_dir): the parsed state file (relative paths joined to the directory), or null.</summary>
        public static CheckpointState? get_checkpoint_state(string checkpoint_dir, string latest_filename = "checkpoint")
        {
            var path = Path.Combine(checkpoint_dir, latest_filename);
            if (!File.Exists(path)) return null;
            var state = CheckpointState.Parse(File.ReadAllText(path), path);
            string Resolve(string p) => Path.IsPathRooted(p) ? p : Path.Combine(checkpoint_dir, p);
            var resolved = new CheckpointState { model_checkpoint_path = Resolve(state.model_checkpoint_path), last_preserved_timestamp = state.last_preserved_timestamp };
            resolved.all_model_checkpoint_paths.AddRange(state.all_model_checkpoint_paths.Select(Resolve));
            resolved.all_model_checkpoint_timestamps.AddRange(state.all_model_checkpoint_timestamps);
            return resolved;
        }

        /// <summary>tf.train.latest_checkpoint(checkpoint_dir): the newest checkpoint prefix that exists, or null.</summary>
        public static string? latest_checkpoint(string checkpoint_dir, string latest_filename = "checkpoint")
        {
            var state = get_checkpoint_state(checkpoint_dir, latest_filename);
            return state != null && state.model_checkpoint_path.Length > 0 && CheckpointFiles.Exists(state.model_checkpoint_path)
                ? state.model_checkpoint_path : null;
        }

        /// <summary>tf.train.list_variables(ckpt_dir_or_file): (name, shape) of every tensor, sorted by name.</summary>
        public static List<(string name, long[] shape)> list_variables(string ckpt_dir_or_file)
        {
            var reader = NewCheckpointReader(ResolveCheckpoint(ckpt_dir_or_file));
            return reader.get_variable_to_shape_map().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        }

        /// <summary>tf.train.load_variable(ckpt_dir_or_file, name): one tensor's value.</summary>
        public static NDArray load_variable(string ckpt_dir_or_file, string name) =>
            NewCheckpointReader(ResolveCheckpoint(ckpt_dir_or_file)).get_tensor(name.EndsWith(":0") ? name[..^2] : name);

        /// <summary>tf.train.NewCheckpointReader(filepattern).</summary>
        public static CheckpointReader NewCheckpointReader(string filepattern) => new(filepattern);

        /// <summary>tf.train.checkpoint_exists(prefix).</summary>
        public static bool checkpoint_exists(string checkpoint_prefix) => CheckpointFiles.Exists(checkpoint_prefix);

        static string ResolveCheckpoint(string dirOrFile) => Directory.Exists(dirOrFile)
            ? latest_checkpoint(dirOrFile) ?? throw new ValueError($"Couldn't find 'checkpoint' file or checkpoints in given directory {dirOrFile}")
            : dirOrFile;
    }
}
