using System.Diagnostics;
using TfRnn;

namespace TfRnn.Bench;

/// <summary>Graph construction: static_rnn over 200 steps of a 2-layer LSTM (target: under 50 ms).</summary>
static class StaticRnnBuild
{
    public static double OursMs()
    {
        var rounds = new double[Timing.Rounds];
        for (int r = 0; r < rounds.Length; r++)
        {
            var graph = tf.Graph();
            using (graph.as_default())
            {
                var inputs = Enumerable.Range(0, 200).Select(_ => tf.placeholder(tf.float32, new Shape(50, 128))).ToArray();
                var watch = Stopwatch.StartNew();
                var cell = tf.nn.rnn_cell.MultiRNNCell(new[] { tf.nn.rnn_cell.BasicLSTMCell(128), tf.nn.rnn_cell.BasicLSTMCell(128) });
                tf.nn.static_rnn(cell, inputs, dtype: tf.float32);
                rounds[r] = watch.Elapsed.TotalMilliseconds;
            }
        }
        Array.Sort(rounds);
        return rounds[rounds.Length / 2];
    }
}
