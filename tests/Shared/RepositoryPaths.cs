namespace TfRnn.Testing;

/// <summary>The repository root (the folder holding TfRnnDotnet.sln) and the shared test data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TfRnnDotnet.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException($"Cannot find the repository root (TfRnnDotnet.sln) above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>../shared/testdata/&lt;parts&gt;, with a clear failure when the folder is missing (CI lays shared/ beside the clone).</summary>
    public static string SharedTestData(params string[] parts)
    {
        var root = Path.GetFullPath(Path.Combine(Root, "..", "shared", "testdata"));
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Test data folder {root} is missing: the tests read TensorFlow-written reference files from ../shared/testdata beside the repository.");
        return Path.Combine(new[] { root }.Concat(parts).ToArray());
    }
}
