using System.Text.RegularExpressions;

namespace TfRnn;

/// <summary>TF's <c>summary_op_util.clean_tag</c>: summary names keep only <c>[-/\w.]</c>, others become '_'.</summary>
internal static partial class SummaryNames
{
    [GeneratedRegex(@"[^-/\w\.]")]
    private static partial Regex InvalidTagCharacters();

    /// <summary>The name with invalid characters replaced and leading slashes removed, logged at INFO when changed.</summary>
    public static string Clean(string name)
    {
        string cleaned = InvalidTagCharacters().Replace(name, "_").TrimStart('/');
        if (cleaned != name) tf.logging.info("Summary name %s is illegal; using %s instead.", name, cleaned);
        return cleaned;
    }
}
