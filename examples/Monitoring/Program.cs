// Practice 2 of "Recurrent Neural Network using TensorFlow": monitor the MNIST LSTM of practice 1 in
// TensorBoard — loss and accuracy scalars, weight histograms, merge_all, and the graph.
using System.CommandLine;
using Spectre.Console;
using TfRnn;
using TfRnn.Examples;

var data = new Option<string>("--data") { Description = "Folder with the MNIST (or Fashion-MNIST) IDX files, raw or .gz", DefaultValueFactory = _ => "data/mnist" };
var steps = new Option<int>("--steps") { Description = "Training steps (batches)", DefaultValueFactory = _ => 500 };
var batchSize = new Option<int>("--batch-size") { Description = "Images per batch", DefaultValueFactory = _ => 128 };
var hidden = new Option<int>("--hidden") { Description = "LSTM units", DefaultValueFactory = _ => 128 };
var logDir = new Option<string?>("--log-dir") { Description = "Where the event file goes (default logs/Monitoring/<timestamp>)" };
var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
var validationSize = new Option<int>("--validation-size") { Description = "Training images held out for validation", DefaultValueFactory = _ => 5000 };
OptionRules.AtLeast(1, steps, batchSize, hidden);
OptionRules.AtLeast(0, validationSize);
var command = new RootCommand("TensorBoard monitoring of the MNIST LSTM (practice 2)") { data, steps, batchSize, hidden, logDir, seed, validationSize };
command.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.GetValue(steps), parsed.GetValue(batchSize), parsed.GetValue(hidden),
    RunDirectory.For("Monitoring", parsed.GetValue(logDir)), parsed.GetValue(seed), parsed.GetValue(validationSize)));
return ExampleMain.Run(command, args);

static int Run(string dataDir, int trainingSteps, int batchSize, int nHidden, string logDir, int seed, int validationSize)
{
    var mnist = MnistSource.Load(dataDir, validationSize, seed);
    if (mnist == null) return 2;

    // ---- graph with summaries -------------------------------------------------------------------
    tf.set_random_seed(seed);
    var model = MnistRnn.Build("lstm", nHidden, learningRate: 0.001);
    using (tf.name_scope("loss/")) tf.summary.scalar("loss", model.Loss);              // tag loss/loss, as the slides
    using (tf.name_scope("accuracy/")) tf.summary.scalar("accuracy", model.Accuracy);  // re-entering the model's scopes
    tf.summary.histogram("weights", model.Weights);
    tf.summary.histogram("biases", model.Biases);
    foreach (var v in tf.trainable_variables().Where(v => v.op.name.StartsWith("rnn/")))
        tf.summary.histogram(v.op.name, v);
    var merged = tf.summary.merge_all()!;

    // ---- train, writing a summary every step ----------------------------------------------------
    using var sess = tf.Session();
    using var writer = tf.summary.FileWriter(logDir, sess.graph);
    sess.run(tf.global_variables_initializer());
    AnsiConsole.MarkupLineInterpolated($"Watch it live: [blue]tensorboard --logdir {Path.GetDirectoryName(Path.GetFullPath(logDir))}[/]");
    for (int step = 1; step <= trainingSteps; step++)
    {
        var (batchX, batchY) = mnist.train.next_batch(batchSize);
        var feeds = new FeedItem[] { (model.X, batchX.reshape(batchSize, MnistRnn.Steps, MnistRnn.Inputs)), (model.Y, batchY) };
        var (_, summary, loss, accuracy) = sess.run((model.TrainOp, merged, model.Loss, model.Accuracy), feeds);
        writer.add_summary(summary, step);
        if (step == 1 || step % 100 == 0 || step == trainingSteps)
            Console.WriteLine($"step {step}/{trainingSteps} loss {(float)loss:0.0000} accuracy {(float)accuracy:0.000}");
    }
    writer.flush();
    AnsiConsole.MarkupLineInterpolated($"Wrote {writer.FilePath}");
    AnsiConsole.MarkupLineInterpolated($"Open it with: [blue]tensorboard --logdir {Path.GetDirectoryName(Path.GetFullPath(logDir))}[/]");
    return 0;
}
