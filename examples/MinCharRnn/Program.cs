// "RNN Basics" of the tutorial: Karpathy's min-char-rnn.py (a character-level vanilla RNN in numpy),
// ported line by line onto TfRnn's `np`. The model and its backward pass are in VanillaRnn.cs.
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TfRnn;
using TfRnn.Examples.MinCharRnn;

var dataOption = new Option<string>("--data") { Description = "A plain text file to learn", DefaultValueFactory = _ => "/usr/share/common-licenses/GPL-3" };
var iterationsOption = new Option<int>("--iterations") { Description = "Training iterations of 25 characters (0: forever, like the gist)", DefaultValueFactory = _ => 6000 };
var sampleEveryOption = new Option<int>("--sample-every") { Description = "Print a 200-character sample every N iterations (0: never)", DefaultValueFactory = _ => 100 };
var seedOption = new Option<int>("--seed") { Description = "Random seed of the weights and the samples", DefaultValueFactory = _ => 1 };
var command = new RootCommand("min-char-rnn: a vanilla RNN on characters in numpy style (RNN Basics)") { dataOption, iterationsOption, sampleEveryOption, seedOption };
command.SetAction(parsed => Run(parsed.GetValue(dataOption)!, parsed.GetValue(iterationsOption), parsed.GetValue(sampleEveryOption), parsed.GetValue(seedOption)));
return command.Parse(args).Invoke();

static int Run(string path, int iterations, int sampleEvery, int seed)
{
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    np.random.seed(seed);

    // data I/O
    if (!File.Exists(path)) return Fail($"--data {path}: the file does not exist");
    var data = File.ReadAllText(path);   // should be simple plain text file
    if (data.Length < 2 * 25 + 2) return Fail($"--data {path}: {data.Length} characters is too little text to train on");
    var chars = data.Distinct().Order().ToArray();   // sorted, unlike the gist's set order, so runs repeat
    int dataSize = data.Length, vocabSize = chars.Length;
    Console.WriteLine($"data has {dataSize} characters, {vocabSize} unique.");
    var charToIx = chars.Select((ch, i) => (ch, i)).ToDictionary(e => e.ch, e => e.i);
    var ixToChar = chars;

    // hyperparameters
    int hiddenSize = 100;         // size of hidden layer of neurons
    int seqLength = 25;           // number of steps to unroll the RNN for
    double learningRate = 1e-1;

    var rnn = new VanillaRnn(vocabSize, hiddenSize);

    int n = 0, p = 0;
    var (mWxh, mWhh, mWhy) = (np.zeros_like(rnn.Wxh), np.zeros_like(rnn.Whh), np.zeros_like(rnn.Why));
    var (mbh, mby) = (np.zeros_like(rnn.bh), np.zeros_like(rnn.by));   // memory variables for Adagrad
    var memories = new[] { mWxh, mWhh, mWhy, mbh, mby };
    double smoothLoss = -Math.Log(1.0 / vocabSize) * seqLength;         // loss at iteration 0
    var hprev = np.zeros((hiddenSize, 1));
    var watch = Stopwatch.StartNew();
    while (iterations == 0 || n < iterations)
    {
        // prepare inputs (we're sweeping from left to right in steps seqLength long)
        if (p + seqLength + 1 >= data.Length || n == 0)
        {
            hprev = np.zeros((hiddenSize, 1));   // reset RNN memory
            p = 0;                               // go from start of data
        }
        var inputs = data[p..(p + seqLength)].Select(ch => charToIx[ch]).ToArray();
        var targets = data[(p + 1)..(p + seqLength + 1)].Select(ch => charToIx[ch]).ToArray();

        // sample from the model now and then
        if (sampleEvery > 0 && n % sampleEvery == 0)
        {
            var sampleIx = rnn.Sample(hprev, inputs[0], 200);
            var txt = string.Concat(sampleIx.Select(ix => ixToChar[ix]));
            Console.WriteLine($"----\n {txt} \n----");
        }

        // forward seqLength characters through the net and fetch gradient
        var result = rnn.LossFun(inputs, targets, hprev);
        hprev = result.H;
        smoothLoss = smoothLoss * 0.999 + result.Loss * 0.001;
        if (n % 100 == 0) Console.WriteLine($"iter {n}, loss: {smoothLoss:F6}");   // print progress

        // perform parameter update with Adagrad
        foreach (var zipped in rnn.Parameters.Zip(result.Gradients, memories))
        {
            var (param, dparam, mem) = zipped;   // locals, not foreach variables, so += may update them
            mem += dparam * dparam;
            param += -learningRate * dparam / np.sqrt(mem + 1e-8);   // adagrad update
        }

        p += seqLength;   // move data pointer
        n += 1;           // iteration counter
    }
    double seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"done: {n} iterations, {n / seconds:F1} it/s, smooth loss {smoothLoss:F3}");
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    return 2;
}
