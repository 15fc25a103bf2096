namespace TfRnn;

/// <summary>
/// Device strings as TF writes them. Execution uses one torch device for the whole session: this build
/// references TorchSharp-cpu, so a GPU request runs on the CPU after one warning.
/// </summary>
internal static class DeviceSpec
{
    static bool _warned;

    /// <summary>"/cpu:0" → "/device:CPU:0"; "" stays "".</summary>
    public static string Canonical(string name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        string trimmed = name.Trim();
        var parts = trimmed.Trim('/').Split(':');
        if (parts.Length == 2 && int.TryParse(parts[1], out int index) && parts[0].ToLowerInvariant() is "cpu" or "gpu")
        {
            string kind = parts[0].ToUpperInvariant();
            if (kind == "GPU") WarnIfNoGpu(trimmed);
            return $"/device:{kind}:{index}";
        }
        if (trimmed.Contains("GPU", StringComparison.OrdinalIgnoreCase)) WarnIfNoGpu(trimmed);
        return trimmed;
    }

    static void WarnIfNoGpu(string requested)
    {
        if (_warned || EngineTypes.CudaAvailable) return;
        _warned = true;
        Console.Error.WriteLine($"TfRnn: device '{requested}' requested but this TorchSharp build has no CUDA; running on the CPU.");
    }
}
