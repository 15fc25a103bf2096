// The processes the fault-matrix tests start (tests/Examples.Tests/Reliability):
//   unclosed-writer DIR  queue five summaries in a FileWriter and exit without closing it
//   save-loop DIR        resume from DIR's latest checkpoint, then save a 1 MB model forever, one line per save
//   heap-refill          run a step that allocates and frees a 40 MB engine tensor; print the page faults per run once
//                        warmed up, and the tensor's pages (a fresh process: its main thread uses glibc's main heap)
using TfRnn;

if (args is ["heap-refill"]) return HeapRefill();
if (args is not [var mode, var dir]) return Usage();
switch (mode)
{
    case "unclosed-writer":
    {
        var x = tf.placeholder(tf.float32, Shape.scalar());
        var summary = tf.summary.scalar("loss", x);
        var sess = tf.Session();
        var writer = tf.summary.FileWriter(dir, max_queue: 1000, flush_secs: 3600);
        for (int step = 1; step <= 5; step++) writer.add_summary(sess.run(summary, (x, (float)step)), step);
        Console.WriteLine(writer.FilePath);
        return 0;   // no close(): the events must still reach the file
    }
    case "save-loop":
    {
        // Every element of "weights" equals the step it was saved at, so a torn checkpoint shows.
        var weights = tf.Variable(tf.zeros(new Shape(512, 512)), name: "weights");
        var step = tf.placeholder(tf.float32, Shape.scalar());
        var update = tf.assign(weights, tf.fill(new[] { 512, 512 }, step));
        using var sess = tf.Session();
        sess.run(tf.global_variables_initializer());
        var saver = tf.train.Saver(max_to_keep: 3);
        int start = 0;
        if (tf.train.latest_checkpoint(dir) is { } latest)
        {
            saver.restore(sess, latest);
            start = int.Parse(latest[(latest.LastIndexOf('-') + 1)..]);
        }
        for (int s = start + 1; ; s++)
        {
            sess.run(update, (step, (float)s));
            saver.save(sess, Path.Combine(dir, "model.ckpt"), global_step: s);
            Console.WriteLine($"saved {s}");
        }
    }
    default:
        return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: FaultHarness unclosed-writer|save-loop DIR, or FaultHarness heap-refill");
    return 2;
}

static int HeapRefill()
{
    const int Elements = 10_000_000;   // 40 MB: above glibc's largest mmap threshold (32 MB)
    var total = tf.reduce_sum(tf.fill(new[] { Elements }, 1f));
    using var sess = tf.Session();
    // The first runs map the pages; while the JIT and caches still allocate, a small block may split the freed one.
    for (int run = 0; run < 15; run++) sess.run(total);
    const int Measured = 10;
    long before = MinorFaults();
    float sum = 0;
    for (int run = 0; run < Measured; run++) sum = sess.run(total).item<float>();
    long faults = (MinorFaults() - before) / Measured;
    Console.WriteLine($"sum {sum} faults {faults} pages {(long)Elements * sizeof(float) / Environment.SystemPageSize}");
    return 0;
}

// Field 10 of /proc/self/stat (minflt), counted after the parenthesised command name.
static long MinorFaults()
{
    string stat = File.ReadAllText("/proc/self/stat");
    return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7]);
}
