// Practice 3 of "Recurrent Neural Network using TensorFlow": a character-level RNN trained on Linux kernel
// source (3_char_rnn_train) and sampled one character at a time (3_char_rnn_inference).
using TfRnn.Examples.CharRnn;

var slides = new CharRnnDefaults(
    RnnSize: 128,            // units per LSTM layer
    NumLayers: 2,            // stacked layers
    BatchSize: 50,           // sequences per batch
    SeqLength: 200,          // time steps per sequence
    Epochs: 50,
    Steps: 900,              // the default run's cap (0: every epoch, the slides' full run)
    LearningRate: 0.002,     // Adam, × decay_rate^epoch
    DecayRate: 0.97,
    GradClip: 5.0,           // clip_by_global_norm
    SaveEvery: 1000,
    Prime: "#include <linux/",
    Mode: "weighted");       // char-rnn's weighted_pick

string? Corpus(string? requested)
{
    var dir = KernelCorpus.Resolve(requested);
    if (dir == null)
        Console.Error.WriteLine($"No corpus: {KernelCorpus.DefaultDirectory}/input.txt is missing and /usr/include/linux (linux-libc-dev) is not installed. " +
            "Pass --data DIR with an input.txt.");
    return dir;
}

return CharRnnCommand.Run(args, new CharRnnExample("CharRnn", "Char-RNN on Linux source (practice 3).",
    "Folder with input.txt (default: data/linux_kernel, built from /usr/include/linux)", slides, "--steps 0", Corpus, TextCodec.Identity));
