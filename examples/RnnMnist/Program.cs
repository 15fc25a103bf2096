// Practice 1 of "Recurrent Neural Network using TensorFlow": classify MNIST digits by reading each
// image as 28 time steps of 28 pixels, with an LSTM (static_rnn) or a bidirectional LSTM.
using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TfRnn;
using TfRnn.Examples;

var data = new Option<string>("--data") { Description = "Folder with the MNIST (or Fashion-MNIST) IDX files, raw or .gz", DefaultValueFactory = _ => "data/mnist" };
var model = new Option<string>("--model") { Description = "lstm (static_rnn) or brnn (static_bidirectional_rnn)", DefaultValueFactory = _ => "lstm" };
var steps = new Option<int>("--steps") { Description = "Training steps (batches)", DefaultValueFactory = _ => 2500 };
var batchSize = new Option<int>("--batch-size") { Description = "Images per batch", DefaultValueFactory = _ => 128 };
var learningRate = new Option<double>("--learning-rate") { Description = "Adam learning rate", DefaultValueFactory = _ => 0.001 };
var hidden = new Option<int>("--hidden") { Description = "LSTM units (n_hidden)", DefaultValueFactory = _ => 128 };
var displayStep = new Option<int>("--display-step") { Description = "Print loss and accuracy every N steps", DefaultValueFactory = _ => 100 };
var seed = new Option<int>("--seed") { Description = "Random seed for weights and batch order", DefaultValueFactory = _ => 1 };
var validationSize = new Option<int>("--validation-size") { Description = "Training images held out for validation (TF's default 5000)", DefaultValueFactory = _ => 5000 };
model.AcceptOnlyFromAmong("lstm", "brnn");

OptionRules.AtLeast(1, steps, batchSize, hidden, displayStep);
OptionRules.AtLeast(0, validationSize);
OptionRules.Positive(learningRate);
var command = new RootCommand("RNN on MNIST rows (practice 1): build, train, test") { data, model, steps, batchSize, learningRate, hidden, displayStep, seed, validationSize };
command.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.GetValue(model)!, parsed.GetValue(steps), parsed.GetValue(batchSize),
    parsed.GetValue(learningRate), parsed.GetValue(hidden), parsed.GetValue(displayStep), parsed.GetValue(seed), parsed.GetValue(validationSize)));
return ExampleMain.Run(command, args);

static int Run(string dataDir, string modelName, int trainingSteps, int batchSize, double learningRate, int nHidden, int displayStep, int seed,
    int validationSize)
{
    const int timesteps = MnistRnn.Steps, nInput = MnistRnn.Inputs;   // each image: 28 steps of 28 pixels

    // ---- data ---------------------------------------------------------------------------------
    var mnist = MnistSource.Load(dataDir, validationSize, seed);
    if (mnist == null) return 2;

    // ---- graph (see examples/Shared/MnistRnn.cs: static_rnn or static_bidirectional_rnn over the rows) --
    tf.set_random_seed(seed);
    var model = MnistRnn.Build(modelName, nHidden, learningRate);
    var (X, Y, lossOp, accuracy, trainOp) = (model.X, model.Y, model.Loss, model.Accuracy, model.TrainOp);

    // ---- train ----------------------------------------------------------------------------------
    using var sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    AnsiConsole.MarkupLineInterpolated($"[bold]{modelName}[/]: {trainingSteps} steps of {batchSize} images, Adam {learningRate}, {nHidden} units");
    var clock = Stopwatch.StartNew();
    for (int step = 1; step <= trainingSteps; step++)
    {
        var (batchX, batchY) = mnist.train.next_batch(batchSize);
        var feeds = new FeedItem[] { (X, batchX.reshape(batchSize, timesteps, nInput)), (Y, batchY) };
        sess.run(trainOp, feeds);
        if (step == 1 || step % displayStep == 0 || step == trainingSteps)
        {
            var (loss, acc) = sess.run((lossOp, accuracy), feeds);
            Console.WriteLine($"step {step}/{trainingSteps} epoch {mnist.train.epochs_completed} loss {(float)loss:0.0000} " +
                $"accuracy {(float)acc:0.000} {clock.Elapsed.TotalSeconds / step:0.000} s/batch");
        }
    }

    // ---- test -----------------------------------------------------------------------------------
    var testImages = mnist.test.images.reshape(-1, timesteps, nInput);
    var testAccuracy = (float)sess.run(accuracy, (X, testImages), (Y, mnist.test.labels));
    AnsiConsole.MarkupLineInterpolated($"Testing Accuracy: [bold]{testAccuracy:0.0000}[/] ({mnist.test.num_examples} images, trained in {clock.Elapsed.TotalSeconds:0} s)");
    return 0;
}
