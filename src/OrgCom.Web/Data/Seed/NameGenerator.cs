using OrgCom.Core.Members;

namespace OrgCom.Web.Data.Seed;

/// <summary>
/// Synthetic Vietnamese full names: a family name drawn by its frequency (re-weighted towards the national shares,
/// since the sample over-represents the south), then either "Văn"/"Thị" + a given name or a two-syllable tên.
/// </summary>
public sealed class NameGenerator
{
    private readonly Random _random;
    private readonly string[] _families;
    private readonly double[] _familyCumulative;
    private readonly (string Middle, string Given)[] _male;
    private readonly (string Middle, string Given)[] _female;

    private NameGenerator(Random random, string[] families, double[] cumulative,
        (string, string)[] male, (string, string)[] female)
    {
        _random = random;
        _families = families;
        _familyCumulative = cumulative;
        _male = male;
        _female = female;
    }

    public static NameGenerator Load(Random random)
    {
        // National estimates (see shared/data/README.md): Nguyễn ≈ 38%, Trần ≈ 11%, Lê ≈ 9.5%, Phạm ≈ 7%.
        var national = new Dictionary<string, double> { ["Nguyễn"] = 38, ["Trần"] = 11, ["Lê"] = 9.5, ["Phạm"] = 7 };
        var rows = ReferenceData.ReadCsv("family-names.csv")
            .Where(r => int.Parse(r["count"]) >= 3)
            .Select(r => (Name: r["family_name"], Weight: national.GetValueOrDefault(r["family_name"], double.Parse(r["share_pct"], System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();
        var cumulative = new double[rows.Length];
        double sum = 0;
        for (var i = 0; i < rows.Length; i++)
            cumulative[i] = sum += rows[i].Weight;
        for (var i = 0; i < rows.Length; i++)
            cumulative[i] /= sum;

        var pairs = ReferenceData.ReadCsv("given-name-pairs.csv").ToList();
        (string, string)[] Of(string gender) => pairs.Where(p => p["gender"] == gender)
            .Select(p => (p["middle_part"], p["given_name"])).ToArray();
        return new NameGenerator(random, rows.Select(r => r.Name).ToArray(), cumulative, Of("male"), Of("female"));
    }

    public (string FullName, Gender Gender) Next()
    {
        var gender = _random.NextDouble() < 0.62 ? Gender.Male : Gender.Female;
        var x = _random.NextDouble();
        var index = Array.BinarySearch(_familyCumulative, x);
        var family = _families[index < 0 ? Math.Min(~index, _families.Length - 1) : index];
        var pool = gender == Gender.Male ? _male : _female;
        var (middle, given) = pool[_random.Next(pool.Length)];
        if (_random.NextDouble() < 0.4)
            middle = gender == Gender.Male ? "Văn" : "Thị";
        return ($"{family} {middle} {given}", gender);
    }
}
