using System.CommandLine;

namespace TfRnn.Examples;

/// <summary>
/// Range rules for the examples' options, checked by the parser: a bad value is a parse error naming the
/// option and its allowed range, before any work starts.
/// </summary>
public static class OptionRules
{
    /// <summary>Each option must be an integer ≥ <paramref name="min"/>.</summary>
    public static void AtLeast(int min, params Option<int>[] options)
    {
        foreach (var option in options)
            option.Validators.Add(result =>
            {
                if (!TryValue(result, out int value)) return;
                if (value < min) result.AddError($"{option.Name} must be an integer >= {min}, got {value}.");
            });
    }

    /// <summary>Each option must be a finite number &gt; 0 (NaN and infinities are refused).</summary>
    public static void Positive(params Option<double>[] options)
    {
        foreach (var option in options)
            option.Validators.Add(result =>
            {
                if (!TryValue(result, out double value)) return;
                if (!double.IsFinite(value) || value <= 0)
                    result.AddError($"{option.Name} must be a finite number > 0, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            });
    }

    /// <summary>Each option, when given, must not be empty.</summary>
    public static void NotEmpty(params Option<string>[] options)
    {
        foreach (var option in options)
            option.Validators.Add(result =>
            {
                if (TryValue(result, out string? value) && string.IsNullOrEmpty(value)) result.AddError($"{option.Name} must not be empty.");
            });
    }

    /// <summary>The option's value; false when its token does not parse (the parser reports that error itself).</summary>
    static bool TryValue<T>(System.CommandLine.Parsing.OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
