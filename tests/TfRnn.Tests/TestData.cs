namespace TfRnn.Tests;

/// <summary>Locates ../shared/testdata beside the repository (CI lays shared/ next to the clone).</summary>
public static class TestData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TfRnnDotnet.sln"))) dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException($"Cannot find the repository root (TfRnnDotnet.sln) above {AppContext.BaseDirectory}");
            var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata"));
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"Test data folder {path} is missing: the tests read TensorFlow-written reference files from ../shared/testdata beside the repository.");
            return path;
        }
    }

    public static string Path_(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tfrnn-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
