using System.Runtime.InteropServices;

namespace TfRnn;

/// <summary>
/// Keeps the memory libtorch frees inside the process on Linux (glibc). A training step allocates its large tensors
/// (gates, activations, oneDNN's workspace, their gradients) and frees them at the end; by default glibc serves blocks
/// above 128 KB–32 MB with their own mmap and unmaps them on free, and trims the heap top above twice that, so the
/// next step page-faults every page in again (MNIST's step: 1.6 M faults in 72 steps, more than half its time).
/// Serving every block from the heap and never trimming it keeps freed memory for reuse, as jemalloc or tcmalloc
/// would. The settings are process-wide: the price is that the process keeps its peak heap (and a little more where
/// small blocks split freed large ones), which matters in a long-lived host under a memory limit. On threads other
/// than the main one glibc allocates from per-thread arenas of at most 64 MB, whose larger blocks are still mapped
/// and unmapped each time. Set <c>TFRNN_GLIBC_HEAP=default</c> to leave glibc's settings alone.
/// </summary>
internal static partial class NativeHeap
{
    const int M_TRIM_THRESHOLD = -1, M_MMAP_MAX = -4;
    static int _configured;

    /// <summary>Whether the settings took effect (false off glibc, or when opted out).</summary>
    public static bool KeepsFreedMemory { get; private set; }

    /// <summary>Applies the settings once per process; later calls do nothing.</summary>
    public static void KeepFreedMemory()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("TFRNN_GLIBC_HEAP") == "default") return;
        try
        {
            // No mmap'd blocks (glibc caps the mmap threshold at 32 MB, below oneDNN's LSTM workspace), no trimming.
            KeepsFreedMemory = Mallopt(M_MMAP_MAX, 0) == 1 && Mallopt(M_TRIM_THRESHOLD, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): it has no such thresholds.
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
