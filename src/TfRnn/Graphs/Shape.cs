namespace TfRnn;

/// <summary>
/// A static tensor shape as TensorFlow's TensorShape: unknown rank (<see cref="dims"/> null) or a list of
/// dimensions where -1 means unknown.
/// </summary>
[System.Runtime.CompilerServices.CollectionBuilder(typeof(Shape), nameof(Create))]
public sealed class Shape : IEquatable<Shape>, IEnumerable<long>
{
    /// <summary>A collection expression as a shape: <c>Shape s = [-1, 28, 28];</c>.</summary>
    public static Shape Create(ReadOnlySpan<long> dims) => new(dims.ToArray());

    /// <summary>The dimensions (an unknown rank has none).</summary>
    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)(_dims ?? Array.Empty<long>())).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    readonly long[]? _dims;

    /// <summary>The scalar shape <c>()</c>.</summary>
    public Shape() => _dims = Array.Empty<long>();
    /// <summary>A shape of the given dimensions (-1 unknown; copied); null gives an unknown rank.</summary>
    public Shape(params long[]? dims) => _dims = dims?.ToArray();
    /// <inheritdoc cref="Shape(long[])"/>
    public Shape(params int[] dims) => _dims = dims.Select(d => (long)d).ToArray();

    /// <summary>A shape whose rank is not known.</summary>
    public static Shape unknown() => new((long[]?)null);
    /// <summary>A shape of known rank whose dimensions are all unknown.</summary>
    public static Shape unknown(int rank) => new(Enumerable.Repeat(-1L, rank).ToArray());
    /// <summary>The rank-0 shape <c>()</c>, as <c>tf.TensorShape([])</c>.</summary>
    public static Shape scalar() => new(Array.Empty<long>());

    /// <summary>The dimensions with -1 for unknown ones, or null for an unknown rank (TensorShape.dims).</summary>
    public long[]? dims => _dims;
    /// <summary>The rank, or -1 when unknown.</summary>
    public int ndim => _dims?.Length ?? -1;
    /// <summary>Same as <see cref="ndim"/>: the rank, or -1 when unknown.</summary>
    public int rank => ndim;
    /// <summary>Whether the rank is known.</summary>
    public bool is_known_rank => _dims != null;
    /// <summary>Whether the rank and every dimension are known, as <c>TensorShape.is_fully_defined()</c>.</summary>
    public bool is_fully_defined => _dims != null && _dims.All(d => d >= 0);

    /// <summary>The size of dimension <paramref name="axis"/> (negative counts from the end); -1 when unknown.</summary>
    public long this[int axis] => _dims == null ? -1 : _dims[axis < 0 ? axis + _dims.Length : axis];

    /// <summary>The number of elements; -1 unless fully defined.</summary>
    public long size => is_fully_defined ? _dims!.Aggregate(1L, (a, b) => a * b) : -1;

    /// <summary>A copy of the dimensions (-1 for unknown ones); ValueError for an unknown rank, as in TF.</summary>
    public long[] as_list() => _dims?.ToArray() ?? throw new ValueError("as_list() is not defined on an unknown TensorShape.");
    /// <summary><see cref="as_list"/> as ints.</summary>
    public int[] as_int_list() => as_list().Select(d => (int)d).ToArray();

    /// <summary>Whether the shapes can describe the same tensor: an unknown rank or an unknown dimension matches anything.</summary>
    public bool is_compatible_with(Shape other)
    {
        if (_dims == null || other._dims == null) return true;
        if (_dims.Length != other._dims.Length) return false;
        for (int i = 0; i < _dims.Length; i++)
            if (_dims[i] >= 0 && other._dims[i] >= 0 && _dims[i] != other._dims[i]) return false;
        return true;
    }

    /// <summary>The most specific shape compatible with both; ValueError when they conflict.</summary>
    public Shape merge_with(Shape other)
    {
        if (_dims == null) return other;
        if (other._dims == null) return this;
        if (!is_compatible_with(other)) throw new ValueError($"Shapes {this} and {other} are not compatible");
        return new Shape(_dims.Zip(other._dims, (a, b) => a >= 0 ? a : b).ToArray());
    }

    /// <summary>The dimensions of this shape followed by <paramref name="other"/>'s (unknown if either rank is).</summary>
    public Shape concatenate(Shape other) =>
        _dims == null || other._dims == null ? unknown() : new Shape(_dims.Concat(other._dims).ToArray());

    /// <summary>Dimensions [start, end) as a new shape (unknown rank stays unknown).</summary>
    public Shape Slice(int start, int? end = null)
    {
        if (_dims == null) return unknown();
        int stop = end ?? _dims.Length;
        if (stop < 0) stop += _dims.Length;
        return new Shape(_dims[start..stop]);
    }

    /// <summary>This shape when its rank is <paramref name="rank"/> (an unknown rank becomes that many unknown dimensions); ValueError otherwise.</summary>
    public Shape with_rank(int rank)
    {
        if (_dims == null) return unknown(rank);
        if (_dims.Length != rank) throw new ValueError($"Shape {this} must have rank {rank}");
        return this;
    }

    /// <summary>TF's string form: <c>(2, ?)</c>, <c>()</c>, <c>&lt;unknown&gt;</c>.</summary>
    public override string ToString()
    {
        if (_dims == null) return "<unknown>";
        if (_dims.Length == 1) return $"({Dim(_dims[0])},)";
        return "(" + string.Join(", ", _dims.Select(Dim)) + ")";
    }

    /// <summary>The bracketed form TF's shape-function errors use: <c>[2,?]</c>.</summary>
    internal string ToShapeFunctionString() => _dims == null ? "?" : "[" + string.Join(",", _dims.Select(Dim)) + "]";

    static string Dim(long d) => d < 0 ? "?" : d.ToString();

    /// <summary>Same rank knowledge and the same dimensions (unknown dimensions compare equal to unknown ones).</summary>
    public bool Equals(Shape? other) =>
        other != null && (_dims == null ? other._dims == null : other._dims != null && _dims.SequenceEqual(other._dims));
    /// <inheritdoc cref="Equals(Shape)"/>
    public override bool Equals(object? obj) => obj is Shape s && Equals(s);
    /// <summary>A hash of the dimensions, consistent with <see cref="Equals(Shape)"/>.</summary>
    public override int GetHashCode() => _dims == null ? -1 : _dims.Aggregate(17, (h, d) => h * 31 + d.GetHashCode());

    /// <summary>A rank-1 shape <c>(dim,)</c>.</summary>
    public static implicit operator Shape(int dim) => new(new long[] { dim });
    /// <summary>The shape of these dimensions (-1 unknown).</summary>
    public static implicit operator Shape(int[] dims) => new(dims);
    /// <inheritdoc cref="op_Implicit(int[])"/>
    public static implicit operator Shape(long[] dims) => new(dims);
    /// <summary>A Python-style shape tuple: <c>(batch, steps)</c>.</summary>
    public static implicit operator Shape((int, int) d) => new(d.Item1, d.Item2);
    /// <inheritdoc cref="op_Implicit(ValueTuple{int, int})"/>
    public static implicit operator Shape((int, int, int) d) => new(d.Item1, d.Item2, d.Item3);
    /// <inheritdoc cref="op_Implicit(ValueTuple{int, int})"/>
    public static implicit operator Shape((int, int, int, int) d) => new(d.Item1, d.Item2, d.Item3, d.Item4);
}
