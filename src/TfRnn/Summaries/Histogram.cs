using TfRnn.Protos;

namespace TfRnn;

/// <summary>TensorFlow's histogram (histogram.cc): fixed exponential buckets, empty runs collapsed on encoding.</summary>
internal static class Histogram
{
    /// <summary>−DBL_MAX … −1e-12, 0, 1e-12 … DBL_MAX, the positive limits growing by 1.1.</summary>
    static readonly double[] Limits = BuildLimits();

    static double[] BuildLimits()
    {
        var positive = new List<double>();
        for (double v = 1.0e-12; v < 1.0e20; v *= 1.1) positive.Add(v);
        positive.Add(double.MaxValue);
        var negative = positive.Select(v => -v).Reverse();
        return negative.Append(0.0).Concat(positive).ToArray();
    }

    public static HistogramProto Build(IReadOnlyList<double> values)
    {
        var counts = new double[Limits.Length];
        double min = double.MaxValue, max = -double.MaxValue, sum = 0, sumSquares = 0;
        foreach (var v in values)
        {
            int bucket = UpperBound(v);
            counts[bucket] += 1;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
            sumSquares += v * v;
        }
        var proto = new HistogramProto { Min = min, Max = max, Num = values.Count, Sum = sum, SumSquares = sumSquares };
        for (int i = 0; i < counts.Length;)
        {
            double end = Limits[i], count = counts[i];
            i++;
            if (count <= 0)
                while (i < counts.Length && counts[i] <= 0)
                {
                    end = Limits[i];
                    count = counts[i];
                    i++;
                }
            proto.BucketLimit.Add(end);
            proto.Bucket.Add(count);
        }
        if (proto.Bucket.Count == 0)
        {
            proto.BucketLimit.Add(double.MaxValue);
            proto.Bucket.Add(0);
        }
        return proto;
    }

    /// <summary>The first bucket whose limit is greater than <paramref name="value"/> (std::upper_bound).</summary>
    static int UpperBound(double value)
    {
        int lo = 0, hi = Limits.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Limits[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return Math.Min(lo, Limits.Length - 1);
    }
}
