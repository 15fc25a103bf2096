namespace TfRnn.Tests.Reliability;

/// <summary>
/// Counts the outcomes of a fault-injection run by name ("DataLossError", "restored identical" …) and prints
/// them, so the figures in docs/RELIABILITY.md come from the test output. Unexpected outcomes fail the test.
/// </summary>
public sealed class FaultTally(string name)
{
    readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Cases => _counts.Values.Sum();

    public void Add(string outcome) => _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;

    /// <summary>Runs one case: its own outcome name, or the library error type it raised; any other exception fails.</summary>
    public void Run(Func<string> attempt)
    {
        try { Add(attempt()); }
        catch (Exception e) when (e is OpError or ValueError) { Add(e.GetType().Name); }
    }

    public int this[string outcome] => _counts.GetValueOrDefault(outcome);

    public void Print() => Console.WriteLine($"{name}: {Cases} cases — " + string.Join(", ", _counts.Select(p => $"{p.Key} {p.Value}")));

    /// <summary>A copy of <paramref name="original"/> with one byte XORed by a nonzero mask, both drawn from <paramref name="rng"/>.</summary>
    public static (byte[] bytes, int position) FlipOne(byte[] original, Random rng)
    {
        var bytes = (byte[])original.Clone();
        int position = rng.Next(bytes.Length);
        bytes[position] ^= (byte)rng.Next(1, 256);
        return (bytes, position);
    }
}
