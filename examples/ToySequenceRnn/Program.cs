// A line-by-line port of aymericdamien/TensorFlow-Examples, examples/3_NeuralNetworks/dynamic_rnn.py
// (TF1, MIT licence): an LSTM classifies variable-length toy sequences as linear or random, using
// static_rnn with sequence_length and gathering each row's last valid output.
using TfRnn;

tf.flags.DEFINE_integer("training_steps", 10000, "Training steps (the script's training_steps)");
tf.flags.DEFINE_integer("display_step", 200, "Print loss and accuracy every N steps");
tf.flags.DEFINE_integer("seed", 1, "Seed of the data and the initial weights");
dynamic FLAGS = tf.flags.FLAGS;
return tf.app.run(main);

void main(string[] argv)
{
    // ==========
    //   MODEL
    // ==========
    var random = new Random((int)FLAGS.seed);
    tf.set_random_seed((int)FLAGS.seed);

    // Parameters
    double learning_rate = 0.01;
    int training_steps = FLAGS.training_steps;
    int batch_size = 128;
    int display_step = FLAGS.display_step;

    // Network Parameters
    int seq_max_len = 20;   // Sequence max length
    int n_hidden = 64;      // hidden layer num of features
    int n_classes = 2;      // linear sequence or not

    var trainset = new ToySequenceData(random, n_samples: 1000, max_seq_len: seq_max_len);
    var testset = new ToySequenceData(random, n_samples: 500, max_seq_len: seq_max_len);

    // tf Graph input
    var x = tf.placeholder("float", [-1, seq_max_len, 1]);
    var y = tf.placeholder("float", [-1, n_classes]);
    // A placeholder for indicating each sequence length
    var seqlen = tf.placeholder(tf.int32, [-1]);

    // Define weights
    var weights = new Dictionary<string, Variable> { ["out"] = tf.Variable(tf.random_normal([n_hidden, n_classes])) };
    var biases = new Dictionary<string, Variable> { ["out"] = tf.Variable(tf.random_normal([n_classes])) };

    Tensor dynamicRNN(Tensor x, Tensor seqlen, Dictionary<string, Variable> weights, Dictionary<string, Variable> biases)
    {
        // Unstack to get a list of 'n_steps' tensors of shape (batch_size, n_input)
        var steps = tf.unstack(x, seq_max_len, 1);
        var lstm_cell = tf.contrib.rnn.BasicLSTMCell(n_hidden);
        // Get lstm cell output, providing 'sequence_length' will perform dynamic calculation.
        var (outputs, states) = tf.contrib.rnn.static_rnn(lstm_cell, steps, dtype: tf.float32, sequence_length: seqlen);

        // outputs is a list of 'n_steps' [batch_size, n_hidden]: stack and make it [batch_size, n_steps, n_hidden].
        var stacked = tf.stack(outputs);
        stacked = tf.transpose(stacked, [1, 0, 2]);
        // Hack to build the indexing and retrieve the right output.
        var batch_size = tf.shape(stacked)[0];
        // Start indices for each sample, plus each row's last valid step.
        var index = tf.range(0, batch_size) * seq_max_len + (seqlen - 1);
        // Indexing
        var last = tf.gather(tf.reshape(stacked, [-1, n_hidden]), index);
        // Linear activation, using outputs computed above
        return tf.matmul(last, weights["out"]) + biases["out"];
    }

    var pred = dynamicRNN(x, seqlen, weights, biases);

    // Define loss and optimizer
    var cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits: pred, labels: y));
    var optimizer = tf.train.GradientDescentOptimizer(learning_rate: learning_rate).minimize(cost);

    // Evaluate model
    var correct_pred = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1));
    var accuracy = tf.reduce_mean(tf.cast(correct_pred, tf.float32));

    // Initialize the variables (i.e. assign their default value)
    var init = tf.global_variables_initializer();

    // Start training
    using var sess = tf.Session();
    sess.run(init);
    for (int step = 1; step <= training_steps; step++)
    {
        var (batch_x, batch_y, batch_seqlen) = trainset.next(batch_size);
        // Run optimization op (backprop)
        var feed_dict = new Dictionary<Tensor, object> { [x] = batch_x, [y] = batch_y, [seqlen] = batch_seqlen };
        sess.run(optimizer, feed_dict);
        if (step % display_step == 0 || step == 1)
        {
            // Calculate batch accuracy & loss
            var (acc, loss) = sess.run((accuracy, cost), feed_dict);
            Console.WriteLine($"Step {step * batch_size}, Minibatch Loss= {(float)loss:F6}, Training Accuracy= {(float)acc:F5}");
        }
    }
    Console.WriteLine("Optimization Finished!");

    // Calculate accuracy
    var test_data = testset.data.ToArray();
    var test_label = testset.labels.ToArray();
    var test_seqlen = testset.seqlen.ToArray();
    Console.WriteLine($"Testing Accuracy: {(float)sess.run(accuracy, new Dictionary<Tensor, object> { [x] = test_data, [y] = test_label, [seqlen] = test_seqlen }):F5}");
}
