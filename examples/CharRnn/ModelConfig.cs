namespace TfRnn.Examples.CharRnn;

/// <summary>The hyperparameters that define a char-rnn model (saved as config.json; Python's config.pkl has the same fields).</summary>
public sealed record ModelConfig(string model, int rnn_size, int num_layers, int vocab_size, int batch_size, int seq_length,
    double grad_clip, double learning_rate, double decay_rate)
{
    /// <summary>The fields that must match to resume training or to load weights.</summary>
    public string? Mismatch(ModelConfig other) =>
        model != other.model ? $"model {model} vs {other.model}"
        : rnn_size != other.rnn_size ? $"rnn_size {rnn_size} vs {other.rnn_size}"
        : num_layers != other.num_layers ? $"num_layers {num_layers} vs {other.num_layers}"
        : null;
}
