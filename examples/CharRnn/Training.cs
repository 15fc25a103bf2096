using System.Diagnostics;
using TfRnn;
using TfRnn.Datasets;

namespace TfRnn.Examples.CharRnn;

/// <summary>The slides' 3_char_rnn_train loop, with TensorBoard scalars, checkpoints and resuming.</summary>
public static class Training
{
    /// <summary>The run's settings; <paramref name="DataDir"/> holds input.txt, <paramref name="FullRun"/> is the command line of the slides' full run.</summary>
    public sealed record Options(string DataDir, string Model, int RnnSize, int NumLayers, int BatchSize, int SeqLength, int Epochs, int Steps,
        double LearningRate, double DecayRate, double GradClip, int SaveEvery, string SaveDir, string LogDir, string? InitFrom, int Seed, int PrintEvery,
        string FullRun);

    public static int Run(Options o)
    {
        // ---- data -----------------------------------------------------------------------------------
        var loader = new TextLoader(o.DataDir, o.BatchSize, o.SeqLength);
        var config = new ModelConfig(o.Model, o.RnnSize, o.NumLayers, loader.vocab_size, o.BatchSize, o.SeqLength, o.GradClip, o.LearningRate, o.DecayRate);
        SavedRun? resumed = o.InitFrom == null ? null : SavedRun.Load(o.InitFrom);
        if (resumed != null)
        {
            if (config.Mismatch(resumed.Config) is string mismatch)
                throw new ArgumentException($"--init-from {o.InitFrom} was trained with a different model ({mismatch}); use the same --model, --rnn-size and --num-layers.");
            if (!resumed.Chars.SequenceEqual(loader.chars))
                throw new ArgumentException($"--init-from {o.InitFrom} has a different vocabulary ({resumed.Chars.Length} characters) from the corpus in {o.DataDir} ({loader.vocab_size}).");
        }
        Directory.CreateDirectory(o.SaveDir);
        SavedRun.Write(o.SaveDir, config, loader.chars);

        // ---- graph ----------------------------------------------------------------------------------
        tf.set_random_seed(o.Seed);
        var model = new CharRnnModel(config);
        tf.summary.scalar("train_loss", model.cost);
        tf.summary.scalar("learning_rate", model.lr!);
        var summaries = tf.summary.merge_all()!;

        // ---- train ----------------------------------------------------------------------------------
        using var sess = tf.Session();
        using var writer = tf.summary.FileWriter(o.LogDir, sess.graph);
        sess.run(tf.global_variables_initializer());
        var saver = tf.train.Saver(tf.global_variables());
        if (resumed != null) saver.restore(sess, resumed.Checkpoint);
        int totalSteps = o.Epochs * loader.num_batches;
        int lastStep = o.Steps > 0 ? Math.Min(o.Steps, totalSteps) : totalSteps;
        Console.WriteLine($"corpus {o.DataDir}: {loader.vocab_size} characters in the vocabulary, {loader.num_batches} batches per epoch");
        Console.WriteLine($"training {lastStep} of {totalSteps} steps ({o.NumLayers}×{o.RnnSize} {o.Model}, batch {o.BatchSize}×{o.SeqLength}); " +
            $"TensorBoard: tensorboard --logdir {o.LogDir}");
        var clock = Stopwatch.StartNew();
        string checkpoint = "";
        TrainingProgress.Run(lastStep, o.PrintEvery, progress =>
        {
            for (int e = 0, step = 0; e < o.Epochs && step < lastStep; e++)
            {
                sess.run(tf.assign(model.lr!, (float)(o.LearningRate * Math.Pow(o.DecayRate, e))));
                loader.reset_batch_pointer();
                var state = sess.run(model.initial_state);
                for (int b = 0; b < loader.num_batches && step < lastStep; b++)
                {
                    var (x, y) = loader.next_batch();
                    var started = clock.Elapsed;
                    var (summary, loss, next, _) = sess.run((summaries, model.cost, model.final_state, model.train_op!),
                        (model.input_data, x), (model.targets, y), (model.initial_state, state));
                    state = next;
                    step++;
                    writer.add_summary(summary, step);
                    progress.Report(step, e, (float)loss, (clock.Elapsed - started).TotalSeconds);
                    if (step % o.SaveEvery == 0 || step == lastStep)
                        checkpoint = saver.save(sess, Path.Combine(o.SaveDir, "model.ckpt"), global_step: step);
                }
            }
        });
        Console.WriteLine($"saved {checkpoint} after {clock.Elapsed.TotalSeconds:0} s");
        if (lastStep < totalSteps)
            Console.WriteLine($"This was a capped run. The full slide configuration: {o.FullRun}");
        return 0;
    }
}
