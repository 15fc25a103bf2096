using System.Collections;
using System.Text.Json;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;

namespace TfRnn.Examples.CharRnn;

/// <summary>
/// A save directory: its latest checkpoint plus the model config and vocabulary. Reads our own files
/// (config.json, chars_vocab.json) or a Python char-rnn-tensorflow run (config.pkl, chars_vocab.pkl).
/// </summary>
public sealed record SavedRun(ModelConfig Config, string[] Chars, string Checkpoint)
{
    public const string ConfigFile = "config.json";
    public const string VocabFile = "chars_vocab.json";

    public static void Write(string saveDir, ModelConfig config, string[] chars)
    {
        WriteAtomically(Path.Combine(saveDir, ConfigFile), JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }));
        WriteAtomically(Path.Combine(saveDir, VocabFile), JsonSerializer.Serialize(chars));
    }

    public static SavedRun Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"--init-from folder '{dir}' does not exist.");
        var checkpoint = tf.train.latest_checkpoint(dir)
            ?? throw new FileNotFoundException($"'{dir}' has no checkpoint (no 'checkpoint' state file naming an existing model.ckpt-N).");
        if (File.Exists(Path.Combine(dir, ConfigFile)))
        {
            var config = ReadJson<ModelConfig>(Path.Combine(dir, ConfigFile));
            var chars = ReadJson<string[]>(Path.Combine(dir, VocabFile));
            return Validated(new SavedRun(config, chars, checkpoint), dir);
        }
        if (File.Exists(Path.Combine(dir, "config.pkl")))
            return Validated(new SavedRun(PythonConfig(Path.Combine(dir, "config.pkl")), PythonChars(Path.Combine(dir, "chars_vocab.pkl")), checkpoint), dir);
        throw new FileNotFoundException($"'{dir}' has neither {ConfigFile} (this example's runs) nor config.pkl (a Python char-rnn-tensorflow run).");
    }

    /// <summary>A save dir's JSON file, or a one-line error naming it (missing, truncated, not the expected shape).</summary>
    static T ReadJson<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Missing '{path}'.", path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' holds null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is damaged or truncated: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>The config's sizes are usable and the vocabulary is a list of distinct characters that matches it.</summary>
    static SavedRun Validated(SavedRun run, string dir)
    {
        var c = run.Config;
        if (c.model is not ("lstm" or "gru" or "rnn")) throw new InvalidDataException($"The config in '{dir}' names an unknown model '{c.model}'.");
        if (c.rnn_size <= 0 || c.num_layers <= 0)
            throw new InvalidDataException($"The config in '{dir}' is damaged: rnn_size {c.rnn_size} and num_layers {c.num_layers} must be positive.");
        if (run.Chars.Length == 0) throw new InvalidDataException($"The vocabulary in '{dir}' is empty.");
        if (run.Chars.FirstOrDefault(ch => !Datasets.CorpusText.IsOneCodePoint(ch)) is { } bad)
            throw new InvalidDataException($"The vocabulary in '{dir}' is damaged: the entry \"{bad}\" is not one character.");
        if (run.Chars.Distinct().Count() != run.Chars.Length)
            throw new InvalidDataException($"The vocabulary in '{dir}' is damaged: it lists a character twice.");
        if (c.vocab_size > 0 && c.vocab_size != run.Chars.Length)
            throw new InvalidDataException($"The save dir '{dir}' does not hold together: its config has vocab_size {c.vocab_size}, its vocabulary {run.Chars.Length} characters.");
        return run;
    }

    /// <summary>config.pkl: an argparse Namespace of the Python training run.</summary>
    static ModelConfig PythonConfig(string path)
    {
        var fields = (IDictionary)Unpickle(path);
        T Get<T>(string name, T fallback) => fields.Contains(name) && fields[name] is { } v ? (T)Convert.ChangeType(v, typeof(T)) : fallback;
        return new ModelConfig(Get("model", "lstm"), Get("rnn_size", 128), Get("num_layers", 2), Get("vocab_size", 0), Get("batch_size", 50),
            Get("seq_length", 50), Get("grad_clip", 5.0), Get("learning_rate", 0.002), Get("decay_rate", 0.97));
    }

    /// <summary>chars_vocab.pkl: a pickled (chars, vocab) pair; chars is the tuple of characters in id order.</summary>
    static string[] PythonChars(string path)
    {
        if (Unpickle(path) is not object[] { Length: 2 } pair || pair[0] is not object[] chars)
            throw new InvalidDataException($"'{path}' is not a pickled (chars, vocab) pair.");
        return chars.Select(c => c as string ?? throw new InvalidDataException($"'{path}' holds a non-string character")).ToArray();
    }

    static object Unpickle(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Missing '{path}'.", path);
        using var unpickler = new Unpickler();
        var value = unpickler.loads(File.ReadAllBytes(path));
        return value is ClassDictConstructor ? throw new InvalidDataException($"'{path}' could not be unpickled") : value;
    }

    static void WriteAtomically(string path, string text)
    {
        try
        {
            File.WriteAllText(path + ".tmp", text);
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write '{path}' in the save dir: {e.Message}", e);
        }
    }
}
