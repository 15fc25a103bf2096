namespace TfRnn;

/// <summary>
/// Lends host kernels a second core: <see cref="Split"/> runs part 1 of a job on a worker thread while the caller
/// runs part 0. A batch-1 LSTM step is memory-bound on its kernel (0.5 MB a layer); split by columns, each core
/// streams half of it, and each half stays in that core's own L2 cache from one character to the next. np's large
/// passes (a lazy expression over a weight matrix, queued outer products) split their halves the same way.
/// The worker spins briefly between jobs (a sampling loop posts one every few microseconds), then sleeps. When the
/// other core is busy with another process the worker may not get to a job in time; the caller then takes part 1
/// back and runs it itself, so a loaded machine costs at most one core's speed, never a wait for a descheduled thread.
/// </summary>
internal static class SecondCore
{
    static readonly bool Available = Environment.ProcessorCount >= 2;
    static readonly object Gate = new();
    static readonly SemaphoreSlim Wake = new(0);
    static Action<int>? _job;
    static Exception? _failure;
    const int Idle = 0, Posted = 1, Done = 2, Running = 3;
    static int _state;   // Idle → Posted → (Running → Done, by the worker) or (→ Idle, taken back by the caller)
    static Thread? _worker;
    static long _workerAllocated;

    /// <summary>Managed bytes the worker thread has allocated, as of its last finished job (tests check it stays flat).</summary>
    internal static long WorkerAllocatedBytes => Volatile.Read(ref _workerAllocated);

    /// <summary>Runs <paramref name="part"/>(0) here and <paramref name="part"/>(1) on the second core; returns when both are done.</summary>
    public static void Split(Action<int> part)
    {
        if (!Available || !Monitor.TryEnter(Gate))   // another thread holds the worker: do both parts here
        {
            part(0);
            part(1);
            return;
        }
        try
        {
            EnsureWorker();
            _job = part;
            _failure = null;
            Volatile.Write(ref _state, Posted);
            Wake.Release();
            part(0);
            if (Interlocked.CompareExchange(ref _state, Idle, Posted) == Posted)
            {
                part(1);   // the worker has not started it: do it here
                return;
            }
            var spin = new SpinWait();
            while (Volatile.Read(ref _state) != Done) spin.SpinOnce(-1);
            Volatile.Write(ref _state, Idle);
            if (_failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    static void EnsureWorker()
    {
        if (_worker != null) return;
        _worker = new Thread(Work) { IsBackground = true, Name = "TfRnn host second core" };
        _worker.Start();
    }

    static void Work()
    {
        while (true)
        {
            // Spin for a while before sleeping: the next character's step usually arrives within microseconds.
            if (!SpinUntilPosted()) Wake.Wait();
            while (Wake.CurrentCount > 0) Wake.Wait(0);
            if (Interlocked.CompareExchange(ref _state, Running, Posted) != Posted) continue;   // taken back, or nothing posted
            try { _job!(1); }
            catch (Exception e) { _failure = e; }
            Volatile.Write(ref _workerAllocated, GC.GetAllocatedBytesForCurrentThread());
            Volatile.Write(ref _state, Done);
        }
    }

    static bool SpinUntilPosted()
    {
        long deadline = Environment.TickCount64 + 2;
        var spin = new SpinWait();
        while (Volatile.Read(ref _state) != Posted)
        {
            if (Environment.TickCount64 > deadline) return false;
            spin.SpinOnce(-1);
        }
        return true;
    }
}
