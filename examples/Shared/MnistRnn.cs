// The RNN of practice 1, shared by RnnMnist and Monitoring: each 28x28 image is 28 time steps of 28
// pixels; an LSTM (static_rnn) or a bidirectional LSTM reads them, and the last output is classified.
using TfRnn;

namespace TfRnn.Examples;

/// <summary>The tensors of the practice-1 graph that the scripts feed, fetch and summarize.</summary>
public sealed record MnistRnn(Tensor X, Tensor Y, Tensor Loss, Tensor Accuracy, Operation TrainOp, Variable Weights, Variable Biases)
{
    public const int Steps = 28;     // rows per image: the time steps
    public const int Inputs = 28;    // pixels per row: the input at each step
    public const int Classes = 10;   // digits 0..9

    public static MnistRnn Build(string model, int nHidden, double learningRate)
    {
        var X = tf.placeholder(tf.float32, new Shape(-1, Steps, Inputs), name: "X");
        var Y = tf.placeholder(tf.float32, new Shape(-1, Classes), name: "Y");
        int width = model == "brnn" ? 2 * nHidden : nHidden;
        var weights = tf.Variable(tf.random_normal(new Shape(width, Classes)), name: "weights_out");
        var biases = tf.Variable(tf.random_normal(new Shape(Classes)), name: "biases_out");

        var x = tf.unstack(X, Steps, 1);   // 28 tensors of [batch, 28]
        List<Tensor> outputs;
        if (model == "brnn")
            (outputs, _, _) = tf.nn.static_bidirectional_rnn(tf.nn.rnn_cell.BasicLSTMCell(nHidden, forget_bias: 1.0),
                tf.nn.rnn_cell.BasicLSTMCell(nHidden, forget_bias: 1.0), x, dtype: tf.float32);
        else
            (outputs, _) = tf.nn.static_rnn(tf.nn.rnn_cell.BasicLSTMCell(nHidden, forget_bias: 1.0), x, dtype: tf.float32);

        var logits = tf.matmul(outputs[^1], weights) + biases;
        var prediction = tf.nn.softmax(logits);
        Tensor loss, accuracy;
        using (tf.name_scope("loss"))
            loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels: Y, logits: logits));
        var trainOp = tf.train.AdamOptimizer(learningRate).minimize(loss);
        using (tf.name_scope("accuracy"))
            accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(prediction, 1), tf.argmax(Y, 1)), tf.float32));
        return new MnistRnn(X, Y, loss, accuracy, trainOp, weights, biases);
    }
}
