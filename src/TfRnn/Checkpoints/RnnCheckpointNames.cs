using System.Text.RegularExpressions;

namespace TfRnn;

/// <summary>
/// Maps RNN variable names of older TensorFlow checkpoints to today's, as TensorFlow's checkpoint converter
/// (tf.contrib.rnn checkpoint_convert) does: TF 0.12's <c>MultiRNNCell/Cell0/BasicLSTMCell/Linear/Matrix</c> and
/// TF 1.0–1.1's <c>basic_lstm_cell/weights</c> both become <c>multi_rnn_cell/cell_0/basic_lstm_cell/kernel</c>.
/// </summary>
public static class RnnCheckpointNames
{
    static readonly (string old, string current)[] Replacements =
    {
        ("LSTMCell/W_0", "lstm_cell/kernel"),
        ("LSTMCell/B", "lstm_cell/bias"),
        ("LSTMCell/W_F_diag", "lstm_cell/w_f_diag"),
        ("LSTMCell/W_I_diag", "lstm_cell/w_i_diag"),
        ("LSTMCell/W_O_diag", "lstm_cell/w_o_diag"),
        ("LSTMCell/W_P_0", "lstm_cell/projection/kernel"),
        ("BasicLSTMCell/Linear/Matrix", "basic_lstm_cell/kernel"),
        ("BasicLSTMCell/Linear/Bias", "basic_lstm_cell/bias"),
        ("BasicRNNCell/Linear/Matrix", "basic_rnn_cell/kernel"),
        ("BasicRNNCell/Linear/Bias", "basic_rnn_cell/bias"),
        ("GRUCell/Gates/Linear/Matrix", "gru_cell/gates/kernel"),
        ("GRUCell/Gates/Linear/Bias", "gru_cell/gates/bias"),
        ("GRUCell/Candidate/Linear/Matrix", "gru_cell/candidate/kernel"),
        ("GRUCell/Candidate/Linear/Bias", "gru_cell/candidate/bias"),
        ("basic_lstm_cell/weights", "basic_lstm_cell/kernel"),
        ("basic_lstm_cell/biases", "basic_lstm_cell/bias"),
        ("lstm_cell/weights", "lstm_cell/kernel"),
        ("lstm_cell/biases", "lstm_cell/bias"),
        ("basic_rnn_cell/weights", "basic_rnn_cell/kernel"),
        ("basic_rnn_cell/biases", "basic_rnn_cell/bias"),
        ("gru_cell/gates/weights", "gru_cell/gates/kernel"),
        ("gru_cell/gates/biases", "gru_cell/gates/bias"),
        ("gru_cell/candidate/weights", "gru_cell/candidate/kernel"),
        ("gru_cell/candidate/biases", "gru_cell/candidate/bias"),
        ("lstm_cell/projection/weights", "lstm_cell/projection/kernel"),
        ("RNN/", "rnn/"),
        ("BiRNN/FW/", "bidirectional_rnn/fw/"),
        ("BiRNN/BW/", "bidirectional_rnn/bw/"),
    };

    /// <summary>The name today's TensorFlow gives the variable stored as <paramref name="name"/>.</summary>
    public static string ToCurrent(string name)
    {
        var converted = Regex.Replace(name, @"MultiRNNCell/Cell(\d+)", "multi_rnn_cell/cell_$1");
        foreach (var (old, current) in Replacements) converted = converted.Replace(old, current, StringComparison.Ordinal);
        return converted;
    }

    /// <summary>For a checkpoint's keys: current name → stored key (for a Saver var_list map).</summary>
    public static Dictionary<string, string> CurrentToStored(IEnumerable<string> storedKeys)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in storedKeys) map.TryAdd(ToCurrent(key), key);
        return map;
    }
}
