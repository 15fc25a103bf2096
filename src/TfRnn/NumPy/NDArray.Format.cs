using System.Globalization;
using System.Text;

namespace TfRnn;

public sealed partial class NDArray
{
    const int SummaryThreshold = 1000;
    const int SummaryEdgeItems = 3;

    /// <summary>numpy's <c>str(a)</c>: <c>[[1. 2.]\n [3. 4.]]</c>, floats aligned on the decimal point.</summary>
    public override string ToString()
    {
        var texts = FormatElements();
        if (_dims.Length == 0) return texts[0];
        var builder = new StringBuilder();
        bool summarize = Storage.Length > SummaryThreshold;
        AppendBlock(builder, texts, 0, 0, summarize);
        return builder.ToString();
    }

    void AppendBlock(StringBuilder builder, string[] texts, int axis, long offset, bool summarize)
    {
        long stride = _dims.Skip(axis + 1).Aggregate(1L, (a, b) => a * b);
        long length = _dims[axis];
        builder.Append('[');
        for (long i = 0; i < length; i++)
        {
            if (summarize && length > 2 * SummaryEdgeItems && i == SummaryEdgeItems)
            {
                builder.Append(axis == _dims.Length - 1 ? "... " : "...\n" + new string(' ', axis + 1));
                i = length - SummaryEdgeItems - 1;
                continue;
            }
            if (axis == _dims.Length - 1)
            {
                builder.Append(texts[offset + i]);
                if (i < length - 1) builder.Append(' ');
            }
            else
            {
                AppendBlock(builder, texts, axis + 1, offset + i * stride, summarize);
                if (i < length - 1) builder.Append(new string('\n', _dims.Length - axis - 1)).Append(' ', axis + 1);
            }
        }
        builder.Append(']');
    }

    string[] FormatElements()
    {
        switch (Storage)
        {
            case float[] f: return FormatFloats(f.Select(v => (double)v).ToArray(), 8, single: true);
            case double[] d: return FormatFloats(d, 8, single: false);
            case bool[] b: return Pad(b.Select(v => v ? " True" : "False").ToArray());
            case string[] s: return s.Select(v => $"'{v}'").ToArray();
            default:
                return Pad(Storage.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToArray());
        }
    }

    /// <summary>numpy's scientific form: the fewest mantissa digits that round-trip, shared by all, e.g. <c>1.5e+00</c>.</summary>
    static string[] FormatScientific(double[] values, int precision, bool single)
    {
        int RoundTripDigits(double v)
        {
            for (int p = 0; p < precision; p++)
            {
                double parsed = double.Parse(v.ToString("e" + p, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (single ? (float)parsed == (float)v : parsed == v) return p;
            }
            return precision;
        }
        int digits = values.Where(double.IsFinite).Select(RoundTripDigits).DefaultIfEmpty(0).Max();
        return Pad(values.Select(v =>
        {
            if (!double.IsFinite(v)) return double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
            string text = v.ToString("e" + digits, CultureInfo.InvariantCulture);   // 1.5e+000
            int e = text.IndexOf('e');
            string mantissa = digits == 0 ? text[..e] + "." : text[..e];
            int exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }).ToArray());
    }

    static string[] Pad(string[] texts)
    {
        int width = texts.Length == 0 ? 0 : texts.Max(t => t.Length);
        return texts.Select(t => t.PadLeft(width)).ToArray();
    }

    /// <summary>
    /// The shortest decimal that round-trips at the value's own precision (float32 0.48 is "0.48", not the
    /// float64 "0.47999998927"), rounded to <paramref name="precision"/> decimals when longer: numpy's unique repr.
    /// </summary>
    static string Decimals(double v, int precision, bool single)
    {
        string shortest = single ? ((float)v).ToString("R", CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);
        int dot = shortest.IndexOf('.');
        bool fits = !shortest.Contains('E') && (dot < 0 || shortest.Length - dot - 1 <= precision);
        if (fits) return shortest;
        double value = double.Parse(shortest, CultureInfo.InvariantCulture);
        return Math.Round(value, precision).ToString("0." + new string('#', precision), CultureInfo.InvariantCulture);
    }

    /// <summary>Up to <paramref name="precision"/> decimals, trailing zeros dropped, aligned as numpy does.</summary>
    static string[] FormatFloats(double[] values, int precision, bool single)
    {
        var finite = values.Where(double.IsFinite).Select(Math.Abs).Where(v => v > 0).ToArray();
        bool scientific = finite.Length > 0 && (finite.Max() >= 1e8 || finite.Min() < 1e-4 || finite.Max() / finite.Min() > 1e3);
        if (scientific) return FormatScientific(values, precision, single);
        var parts = values.Select(v =>
        {
            if (double.IsNaN(v)) return ("nan", "");
            if (double.IsInfinity(v)) return (v > 0 ? "inf" : "-inf", "");
            string text = Decimals(v, precision, single);
            if (text == "-0") text = "-0";
            int dot = text.IndexOf('.');
            return dot < 0 ? (text, ".") : (text[..dot], text[dot..]);
        }).ToArray();
        int intWidth = parts.Max(p => p.Item1.Length);
        int fracWidth = parts.Max(p => p.Item2.Length);
        return parts.Select(p => p.Item1.PadLeft(intWidth) + p.Item2.PadRight(fracWidth)).ToArray();
    }
}
