// Practice 3 of "Recurrent Neural Network using TensorFlow": a character-level RNN trained on Linux kernel
// source (3_char_rnn_train) and sampled one character at a time (3_char_rnn_inference).
using System.CommandLine;
using TfRnn.Examples;
using TfRnn.Examples.CharRnn;

var data = new Option<string?>("--data") { Description = "Folder with input.txt (default: data/linux_kernel, built from /usr/include/linux)" };
var model = new Option<string>("--model") { Description = "Cell type: lstm, gru or rnn", DefaultValueFactory = _ => "lstm" };
var rnnSize = new Option<int>("--rnn-size") { Description = "Units per layer", DefaultValueFactory = _ => 128 };
var numLayers = new Option<int>("--num-layers") { Description = "Stacked RNN layers", DefaultValueFactory = _ => 2 };
var batchSize = new Option<int>("--batch-size") { Description = "Sequences per batch", DefaultValueFactory = _ => 50 };
var seqLength = new Option<int>("--seq-length") { Description = "Characters per sequence (time steps)", DefaultValueFactory = _ => 200 };
var epochs = new Option<int>("--epochs") { Description = "Passes over the corpus", DefaultValueFactory = _ => 50 };
var steps = new Option<int>("--steps") { Description = "Stop after this many batches (0: run every epoch)", DefaultValueFactory = _ => 150 };
var learningRate = new Option<double>("--learning-rate") { Description = "Adam learning rate (decayed per epoch)", DefaultValueFactory = _ => 0.002 };
var decayRate = new Option<double>("--decay-rate") { Description = "Learning rate × decay_rate^epoch", DefaultValueFactory = _ => 0.97 };
var gradClip = new Option<double>("--grad-clip") { Description = "clip_by_global_norm threshold", DefaultValueFactory = _ => 5.0 };
var saveEvery = new Option<int>("--save-every") { Description = "Save a checkpoint every N steps", DefaultValueFactory = _ => 1000 };
var saveDir = new Option<string?>("--save-dir") { Description = "Where checkpoints go (default logs/CharRnn/<timestamp>)" };
var logDir = new Option<string?>("--log-dir") { Description = "Where the TensorBoard event file goes (default: the save dir)" };
var initFrom = new Option<string?>("--init-from") { Description = "Resume from a save dir (its config and vocabulary must match)" };
var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
var printEvery = new Option<int>("--print-every") { Description = "Print progress every N steps", DefaultValueFactory = _ => 10 };
var sampleChars = new Option<int>("-n") { Description = "Characters to sample", DefaultValueFactory = _ => 500 };
var prime = new Option<string>("--prime") { Description = "Text to start from", DefaultValueFactory = _ => "#include <linux/" };
var mode = new Option<string>("--mode") { Description = "weighted, argmax or temperature", DefaultValueFactory = _ => "weighted" };
var temperature = new Option<double>("--temperature") { Description = "Softmax temperature for --mode temperature", DefaultValueFactory = _ => 0.8 };
mode.AcceptOnlyFromAmong("weighted", "argmax", "temperature");
model.AcceptOnlyFromAmong("lstm", "gru", "rnn");
OptionRules.AtLeast(1, rnnSize, numLayers, batchSize, seqLength, epochs, saveEvery, printEvery, sampleChars);
OptionRules.AtLeast(0, steps);
OptionRules.Positive(learningRate, decayRate, gradClip, temperature);
OptionRules.NotEmpty(prime);

int Train(ParseResult p)
{
    var save = RunDirectory.For("CharRnn", p.GetValue(saveDir));
    var options = new Training.Options(p.GetValue(data), p.GetValue(model)!, p.GetValue(rnnSize), p.GetValue(numLayers), p.GetValue(batchSize),
        p.GetValue(seqLength), p.GetValue(epochs), p.GetValue(steps), p.GetValue(learningRate), p.GetValue(decayRate), p.GetValue(gradClip),
        p.GetValue(saveEvery), save, p.GetValue(logDir) ?? save, p.GetValue(initFrom), p.GetValue(seed), p.GetValue(printEvery));
    int code = Training.Run(options);
    if (code != 0) return code;
    Console.WriteLine("--- sample ---");
    return Sampling.Run(save, Sampling.PrimeFor(save, p.GetValue(prime)!), 300, "weighted", 1.0, p.GetValue(seed));
}

var trainOptions = new Option[] { data, model, rnnSize, numLayers, batchSize, seqLength, epochs, steps, learningRate, decayRate, gradClip, saveEvery, saveDir, logDir, initFrom, seed, printEvery, prime };
var root = new RootCommand("Char-RNN on Linux source (practice 3). With no command: train, then print a sample.");
var train = new Command("train", "Train (the default), then print a sample");
foreach (var option in trainOptions) { root.Options.Add(option); train.Options.Add(option); }
root.SetAction(Train);
train.SetAction(Train);
var sample = new Command("sample", "Sample from a save dir (ours, or a Python char-rnn-tensorflow run)")
{
    initFrom, prime, sampleChars, mode, temperature, seed,
};
sample.SetAction(p => Sampling.Run(p.GetValue(initFrom) ?? throw new ArgumentException("sample needs --init-from DIR"), p.GetValue(prime)!,
    p.GetValue(sampleChars), p.GetValue(mode)!, p.GetValue(temperature), p.GetValue(seed)));
root.Subcommands.Add(train);
root.Subcommands.Add(sample);

return ExampleMain.Run(root, args);
