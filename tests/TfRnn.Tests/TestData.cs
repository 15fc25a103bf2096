using TfRnn.Testing;

namespace TfRnn.Tests;

/// <summary>TensorFlow-written reference files in ../shared/testdata, and per-test temporary folders.</summary>
public static class TestData
{
    public static string Root => RepositoryPaths.SharedTestData();

    public static string Path_(params string[] parts) => RepositoryPaths.SharedTestData(parts);

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tfrnn-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
