namespace OrgCom.Web.Data.Generate;

/// <summary>
/// A small, fast, seedable generator (xoshiro256**): the generator draws a few dozen numbers per member, millions of
/// times, and the same seed must always give the same country.
/// </summary>
internal sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(int seed)
    {
        var x = (ulong)(uint)seed + 0x9E3779B97F4A7C15UL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 33) * (ulong)n >> 31);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A log-normal factor with median 1.</summary>
    public double LogNormal(double sigma)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp(sigma * normal);
    }
}

/// <summary>A weighted choice, drawn by binary search over the cumulative weights.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> items)
    {
        var list = items.Where(i => i.Weight > 0).ToArray();
        _items = list.Select(i => i.Item).ToArray();
        _cumulative = new double[list.Length];
        double sum = 0;
        for (var i = 0; i < list.Length; i++)
            _cumulative[i] = sum += list[i].Weight;
        for (var i = 0; i < list.Length; i++)
            _cumulative[i] /= sum;
    }

    public T Next(Rng rng)
    {
        var x = rng.NextDouble();
        var index = Array.BinarySearch(_cumulative, x);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}

internal static class Apportion
{
    /// <summary>Splits a whole number in proportion to the weights (largest remainder), so the parts sum exactly.</summary>
    public static int[] Split(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Count];
        if (sum <= 0 || total <= 0)
            return parts;
        var remainders = new (double Fraction, int Index)[weights.Count];
        long assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            assigned += parts[i];
            remainders[i] = (exact - parts[i], i);
        }
        Array.Sort(remainders, (a, b) => b.Fraction != a.Fraction ? b.Fraction.CompareTo(a.Fraction) : a.Index.CompareTo(b.Index));
        for (var k = 0; assigned < total; k = (k + 1) % remainders.Length, assigned++)
            parts[remainders[k].Index]++;
        return parts;
    }
}
