// "Tensorflow Basics" of the tutorial, slide by slide: a graph is built first and only runs in a session;
// every placeholder it needs must be fed; the reshaping ops of practice 1; the build/train/test recipe.
using System.CommandLine;
using TfRnn;

var steps = new Option<int>("--steps") { Description = "Adam steps of the build/train/test recipe", DefaultValueFactory = _ => 200 };
var seed = new Option<int>("--seed") { Description = "Random seed of the data and the weights", DefaultValueFactory = _ => 1 };
var command = new RootCommand("The Tensorflow Basics slides: feeds, shapes, and training a classifier") { steps, seed };
command.SetAction(parsed => Run(parsed.GetValue(steps), parsed.GetValue(seed)));
return command.Parse(args).Invoke();

static int Run(int trainingSteps, int seed)
{
    tf.set_random_seed(seed);

    // ---- 1. Build a graph, then run it: loss = (y - (x ** 2 + bias)) ** 2 ---------------------------
    Console.WriteLine("== 1. graph and session ==");
    var x = tf.placeholder(tf.float32, Shape.scalar(), name: "x");
    var y = tf.placeholder(tf.float32, Shape.scalar(), name: "y");
    var bias = tf.Variable(1.0f, name: "bias");
    var y_pred = tf.pow(x, 2) + bias;
    var loss = tf.pow(y - y_pred, 2);
    using (var session = tf.Session())
    {
        session.run(tf.global_variables_initializer());
        try
        {
            session.run(loss, (x, 3.0f));   // y is needed by loss but not fed
            Console.WriteLine("unexpected: the run without y succeeded");
            return 1;
        }
        catch (InvalidArgumentError e)
        {
            Console.WriteLine($"session.run(loss, {{x: 3.0}}) -> {nameof(InvalidArgumentError)}: {e.Message}");
        }
        float value = (float)session.run(loss, (x, 3.0f), (y, 9.0f));
        Console.WriteLine($"Loss(x,y) = {value:0.000}   # (3**2 + 1 - 9)**2");
    }

    // ---- 2. The basic ops of practice 1: a batch of images as a list of time steps -------------------
    Console.WriteLine("== 2. transpose, reshape, split ==");
    const int batch = 4, nSteps = 28, nInput = 28;
    var images = tf.placeholder(tf.float32, new Shape(batch, nSteps, nInput), name: "images");
    var timeMajor = tf.transpose(images, new[] { 1, 0, 2 });   // [n_steps, batch, n_input]
    var rows = tf.reshape(timeMajor, new[] { -1, nInput });    // [n_steps * batch, n_input]
    var inputs = tf.split(rows, nSteps, axis: 0);             // n_steps tensors of [batch, n_input]
    Console.WriteLine($"x {images.shape} -> transpose [1, 0, 2] {timeMajor.shape} -> reshape [-1, {nInput}] {rows.shape} -> split {inputs.Length} x {inputs[0].shape}");
    using (var session = tf.Session())
    {
        var fed = np.random.randn(batch, nSteps, nInput).astype(np.float32);
        var step5 = session.run(inputs[5], (images, fed));
        bool same = Enumerable.Range(0, batch).All(b => step5[b].ToArray<float>().SequenceEqual(fed[b, 5].ToArray<float>()));
        Console.WriteLine($"split piece 5 holds row 5 of every image: {same}");
        if (!same) return 1;
    }

    // ---- 3. Build, train, test: softmax regression on three blobs of points ----------------------------
    Console.WriteLine("== 3. build / train / test ==");
    var rng = new Random(seed);
    var (trainX, trainY) = Blobs(rng, 600);
    var (testX, testY) = Blobs(rng, 300);
    var X = tf.placeholder(tf.float32, new Shape(-1, 2), name: "X");
    var Y = tf.placeholder(tf.float32, new Shape(-1, 3), name: "Y");
    var W = tf.Variable(tf.random_normal(new Shape(2, 3)), name: "W");
    var b = tf.Variable(tf.zeros(new Shape(3)), name: "b");
    var pred = tf.matmul(X, W) + b;
    var cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels: Y, logits: pred));
    var optimizer = tf.train.AdamOptimizer(learning_rate: 0.05).minimize(cost);
    var correct_pred = tf.equal(tf.argmax(pred, 1), tf.argmax(Y, 1));
    var accuracy = tf.reduce_mean(tf.cast(correct_pred, tf.float32));
    var init = tf.initialize_all_variables();
    using (var sess = tf.Session())
    {
        sess.run(init);
        for (int step = 1; step <= trainingSteps; step++)
        {
            var (_, c, acc) = sess.run((optimizer, cost, accuracy), (X, trainX), (Y, trainY));
            if (step == 1 || step % 50 == 0 || step == trainingSteps)
                Console.WriteLine($"step {step} cost {(float)c:0.0000} training accuracy {(float)acc:0.000}");
        }
        Console.WriteLine($"Testing Accuracy: {(float)sess.run(accuracy, (X, testX), (Y, testY)):0.000}");
    }
    return 0;
}

/// <summary>Points around three centres (one class each), with one-hot labels.</summary>
static (float[,] x, float[,] y) Blobs(Random rng, int count)
{
    var centres = new[] { (0.0, 2.0), (-2.0, -1.0), (2.0, -1.0) };
    var x = new float[count, 2];
    var y = new float[count, 3];
    for (int i = 0; i < count; i++)
    {
        int label = i % 3;
        x[i, 0] = (float)(centres[label].Item1 + Normal(rng));
        x[i, 1] = (float)(centres[label].Item2 + Normal(rng));
        y[i, label] = 1;
    }
    return (x, y);
}

static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
