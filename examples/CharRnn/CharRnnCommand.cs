using System.CommandLine;
using TfRnn.Examples;

namespace TfRnn.Examples.CharRnn;

/// <summary>
/// The command line of the char-rnn practices (CharRnn, KorCharRnn): train (the default, then print a sample) and
/// sample, with char-rnn-tensorflow's option names and each example's slide defaults.
/// </summary>
public static class CharRnnCommand
{
    public static int Run(string[] args, CharRnnExample example)
    {
        var d = example.Defaults;
        var data = new Option<string?>("--data") { Description = example.DataHelp };
        var model = new Option<string>("--model") { Description = "Cell type: lstm, gru or rnn", DefaultValueFactory = _ => "lstm" };
        var rnnSize = new Option<int>("--rnn-size") { Description = "Units per layer", DefaultValueFactory = _ => d.RnnSize };
        var numLayers = new Option<int>("--num-layers") { Description = "Stacked RNN layers", DefaultValueFactory = _ => d.NumLayers };
        var batchSize = new Option<int>("--batch-size") { Description = "Sequences per batch", DefaultValueFactory = _ => d.BatchSize };
        var seqLength = new Option<int>("--seq-length") { Description = "Characters per sequence (time steps)", DefaultValueFactory = _ => d.SeqLength };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the corpus", DefaultValueFactory = _ => d.Epochs };
        var steps = new Option<int>("--steps") { Description = "Stop after this many batches (0: run every epoch)", DefaultValueFactory = _ => d.Steps };
        var learningRate = new Option<double>("--learning-rate") { Description = "Adam learning rate (decayed per epoch)", DefaultValueFactory = _ => d.LearningRate };
        var decayRate = new Option<double>("--decay-rate") { Description = "Learning rate × decay_rate^epoch", DefaultValueFactory = _ => d.DecayRate };
        var gradClip = new Option<double>("--grad-clip") { Description = "clip_by_global_norm threshold", DefaultValueFactory = _ => d.GradClip };
        var saveEvery = new Option<int>("--save-every") { Description = "Save a checkpoint every N steps", DefaultValueFactory = _ => d.SaveEvery };
        var saveDir = new Option<string?>("--save-dir") { Description = $"Where checkpoints go (default logs/{example.Name}/<timestamp>)" };
        var logDir = new Option<string?>("--log-dir") { Description = "Where the TensorBoard event file goes (default: the save dir)" };
        var initFrom = new Option<string?>("--init-from") { Description = "Resume from a save dir (its config and vocabulary must match)" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var printEvery = new Option<int>("--print-every") { Description = "Print progress every N steps", DefaultValueFactory = _ => 10 };
        var sampleChars = new Option<int>("-n") { Description = "Characters to sample", DefaultValueFactory = _ => 500 };
        var prime = new Option<string>("--prime") { Description = "Text to start from", DefaultValueFactory = _ => d.Prime };
        var mode = new Option<string>("--mode") { Description = "weighted (weighted_pick), choice (np.random.choice), argmax or temperature", DefaultValueFactory = _ => d.Mode };
        var temperature = new Option<double>("--temperature") { Description = "Softmax temperature for --mode temperature", DefaultValueFactory = _ => 0.8 };
        mode.AcceptOnlyFromAmong(Sampler.Modes);
        model.AcceptOnlyFromAmong("lstm", "gru", "rnn");
        OptionRules.AtLeast(1, rnnSize, numLayers, batchSize, seqLength, epochs, saveEvery, printEvery, sampleChars);
        OptionRules.AtLeast(0, steps);
        OptionRules.Positive(learningRate, decayRate, gradClip, temperature);
        OptionRules.NotEmpty(prime);

        int Train(ParseResult p)
        {
            var dataDir = example.ResolveData(p.GetValue(data));
            if (dataDir == null) return 2;
            var save = RunDirectory.For(example.Name, p.GetValue(saveDir));
            var fullRun = $"dotnet run -c Release --project examples/{example.Name} -- {example.FullRunOptions}";
            var options = new Training.Options(dataDir, p.GetValue(model)!, p.GetValue(rnnSize), p.GetValue(numLayers), p.GetValue(batchSize),
                p.GetValue(seqLength), p.GetValue(epochs), p.GetValue(steps), p.GetValue(learningRate), p.GetValue(decayRate), p.GetValue(gradClip),
                p.GetValue(saveEvery), save, p.GetValue(logDir) ?? save, p.GetValue(initFrom), p.GetValue(seed), p.GetValue(printEvery), fullRun);
            int code = Training.Run(options);
            if (code != 0) return code;
            Console.WriteLine("--- sample ---");
            return Sampling.Run(save, Sampling.PrimeFor(save, p.GetValue(prime)!, example.Codec), 300, p.GetValue(mode)!, 1.0, p.GetValue(seed), example.Codec);
        }

        var trainOptions = new Option[] { data, model, rnnSize, numLayers, batchSize, seqLength, epochs, steps, learningRate, decayRate, gradClip, saveEvery, saveDir, logDir, initFrom, seed, printEvery, prime, mode };
        var root = new RootCommand($"{example.Description} With no command: train, then print a sample.");
        var train = new Command("train", "Train (the default), then print a sample");
        foreach (var option in trainOptions) { root.Options.Add(option); train.Options.Add(option); }
        root.SetAction(Train);
        train.SetAction(Train);
        var sample = new Command("sample", "Sample from a save dir (ours, or a Python char-rnn-tensorflow run)")
        {
            initFrom, prime, sampleChars, mode, temperature, seed,
        };
        sample.SetAction(p => Sampling.Run(p.GetValue(initFrom) ?? throw new ArgumentException("sample needs --init-from DIR"), p.GetValue(prime)!,
            p.GetValue(sampleChars), p.GetValue(mode)!, p.GetValue(temperature), p.GetValue(seed), example.Codec));
        root.Subcommands.Add(train);
        root.Subcommands.Add(sample);

        return ExampleMain.Run(root, args);
    }
}
