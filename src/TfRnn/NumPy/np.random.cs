namespace TfRnn;

public static partial class np
{
    /// <summary>np.random: seeded sampling for initial weights and character sampling (its own generator, not NumPy's bit stream).</summary>
    public static class random
    {
        [ThreadStatic] static Random? _generator;
        static Random Generator => _generator ??= new Random();

        /// <summary>np.random.seed(seed): makes the following draws repeatable.</summary>
        public static void seed(int seed) => _generator = new Random(seed);

        /// <summary>np.random.randn(d0, d1, …): standard normal float64 values.</summary>
        public static NDArray randn(params int[] shape)
        {
            var values = new double[shape.Aggregate(1L, (a, b) => a * b)];
            for (int i = 0; i < values.Length; i++) values[i] = StandardNormal();
            return new NDArray(values, shape.Select(d => (long)d).ToArray());
        }

        /// <summary>np.random.rand(d0, d1, …): uniform float64 values in [0, 1).</summary>
        public static NDArray rand(params int[] shape)
        {
            var values = new double[shape.Aggregate(1L, (a, b) => a * b)];
            for (int i = 0; i < values.Length; i++) values[i] = Generator.NextDouble();
            return new NDArray(values, shape.Select(d => (long)d).ToArray());
        }

        /// <summary>np.random.randint(low, high, size): integers in [low, high).</summary>
        public static NDArray randint(int low, int high, params int[] size)
        {
            var values = new long[size.Aggregate(1L, (a, b) => a * b)];
            for (int i = 0; i < values.Length; i++) values[i] = Generator.NextInt64(low, high);
            return new NDArray(values, size.Select(d => (long)d).ToArray());
        }

        /// <summary>np.random.choice(a, p): one index in [0, a), drawn with probabilities <paramref name="p"/> (uniform when null).</summary>
        public static int choice(int a, NDArray? p = null)
        {
            if (p == null) return Generator.Next(a);
            var probabilities = p.ToArray<double>();
            if (probabilities.Length != a) throw new ValueError("'a' and 'p' must have same size");
            double total = probabilities.Sum();
            if (Math.Abs(total - 1.0) > 1e-6 * Math.Max(1, a)) throw new ValueError("probabilities do not sum to 1");
            double u = Generator.NextDouble() * total, cumulative = 0;
            for (int i = 0; i < probabilities.Length; i++)
            {
                cumulative += probabilities[i];
                if (u < cumulative) return i;
            }
            return Array.FindLastIndex(probabilities, v => v > 0);
        }

        /// <summary>np.random.choice(a, p) for a sequence: one of its elements (min-char-rnn's <c>choice(range(vocab_size), p=p.ravel())</c>).</summary>
        public static T choice<T>(IEnumerable<T> a, NDArray? p = null)
        {
            var items = a as IReadOnlyList<T> ?? a.ToList();
            if (items.Count == 0) throw new ValueError("'a' cannot be empty unless no samples are taken");
            return items[choice(items.Count, p)];
        }

        /// <summary>np.random.choice(a, size, p): <paramref name="size"/> independent draws.</summary>
        public static NDArray choice(int a, int size, NDArray? p = null) =>
            new(Enumerable.Range(0, size).Select(_ => (long)choice(a, p)).ToArray(), new long[] { size });

        /// <summary>np.random.shuffle(x): shuffles <paramref name="x"/> in place along its first axis (rows stay whole).</summary>
        public static void shuffle(NDArray x)
        {
            if (x.ndim == 0) throw new ValueError("shuffle needs an array with at least one dimension");
            var order = permutation(x.len).ToArray<long>();
            var source = x.copy();
            int row = (int)(x.size / Math.Max(1, x.len));
            for (int i = 0; i < order.Length; i++)
                Array.Copy(source.Storage, order[i] * row, x.WritableStorage, (long)i * row, row);
        }

        /// <summary>np.random.permutation(n): a random ordering of 0 … n−1 (int64).</summary>
        public static NDArray permutation(int n)
        {
            var values = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
            for (int i = n - 1; i > 0; i--)   // Fisher–Yates
            {
                int j = Generator.Next(i + 1);
                (values[i], values[j]) = (values[j], values[i]);
            }
            return new NDArray(values, new long[] { n });
        }

        /// <summary>np.random.permutation(x): a shuffled copy of <paramref name="x"/> (along its first axis).</summary>
        public static NDArray permutation(NDArray x)
        {
            var copy = x.copy();
            shuffle(copy);
            return copy;
        }

        static double StandardNormal()
        {
            // Box–Muller: two uniforms give one normal value (the second is discarded for simplicity).
            double u1 = 1.0 - Generator.NextDouble();
            double u2 = Generator.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
