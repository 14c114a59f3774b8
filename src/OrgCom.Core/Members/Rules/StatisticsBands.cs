namespace OrgCom.Core.Members.Rules;

/// <summary>
/// One band of a statistics breakdown by years (age, party age): from <see cref="FromYears"/> inclusive to
/// <see cref="ToYears"/> exclusive (null: no upper end), in completed years.
/// </summary>
public sealed record YearBand(string Key, string Header, int FromYears, int? ToYears)
{
    public bool Contains(int years) => years >= FromYears && (ToYears is not { } to || years < to);
}

/// <summary>
/// The bands of the statistics forms, built from the limits in the rule data (<c>report.age_bands_years</c>,
/// <c>report.party_age_bands_years</c>), never fixed in code.
/// </summary>
public static class StatisticsBands
{
    /// <summary>Age bands from the last age of each band: <c>30,40</c> → "Đến 30 tuổi" (0–30), "31–40", "Trên 40".</summary>
    /// <exception cref="ArgumentException">The limits are empty, negative or not increasing.</exception>
    public static IReadOnlyList<YearBand> Age(IReadOnlyList<int> lastAges)
    {
        Check(lastAges);
        var bands = new List<YearBand> { new($"a0-{lastAges[0]}", $"Đến {lastAges[0]} tuổi", 0, lastAges[0] + 1) };
        for (var i = 1; i < lastAges.Count; i++)
            bands.Add(new($"a{lastAges[i - 1] + 1}-{lastAges[i]}", $"{lastAges[i - 1] + 1}–{lastAges[i]} tuổi", lastAges[i - 1] + 1, lastAges[i] + 1));
        bands.Add(new($"a{lastAges[^1] + 1}+", $"Trên {lastAges[^1]} tuổi", lastAges[^1] + 1, null));
        return bands;
    }

    /// <summary>Party-age bands from the first year of each band after the first: <c>10,20</c> → "Dưới 10 năm",
    /// "10 – dưới 20 năm", "Từ 20 năm".</summary>
    /// <exception cref="ArgumentException">The limits are empty, not positive or not increasing.</exception>
    public static IReadOnlyList<YearBand> PartyAge(IReadOnlyList<int> limits)
    {
        Check(limits);
        if (limits[0] <= 0)
            throw new ArgumentException("Mốc tuổi đảng đầu tiên phải lớn hơn 0.", nameof(limits));
        var bands = new List<YearBand> { new($"p0-{limits[0] - 1}", $"Dưới {limits[0]} năm", 0, limits[0]) };
        for (var i = 1; i < limits.Count; i++)
            bands.Add(new($"p{limits[i - 1]}-{limits[i] - 1}", $"{limits[i - 1]} – dưới {limits[i]} năm", limits[i - 1], limits[i]));
        bands.Add(new($"p{limits[^1]}+", $"Từ {limits[^1]} năm", limits[^1], null));
        return bands;
    }

    /// <summary>The band holding <paramref name="years"/> (a negative number counts as 0).</summary>
    public static YearBand Of(IReadOnlyList<YearBand> bands, int years) =>
        bands.First(b => b.Contains(Math.Max(0, years)));

    /// <summary>
    /// The party-age band of a member at <paramref name="at"/>: party age counts from the admission decision minus the
    /// time out of the party (from leaving, removal or expulsion to readmission — <see cref="Rules.PartyAge"/>), so a
    /// readmitted member is not credited with the years outside it.
    /// </summary>
    public static YearBand PartyAgeBandOf(IReadOnlyList<YearBand> bands, DateOnly admittedOn, IEnumerable<InactivityGap> gaps, DateOnly at) =>
        Of(bands, Rules.PartyAge.At(admittedOn, gaps, at).Years);

    private static void Check(IReadOnlyList<int> limits)
    {
        if (limits.Count == 0)
            throw new ArgumentException("Chưa có mốc nào để chia nhóm.", nameof(limits));
        for (var i = 0; i < limits.Count; i++)
        {
            if (limits[i] < 0 || (i > 0 && limits[i] <= limits[i - 1]))
                throw new ArgumentException($"Các mốc chia nhóm phải là số không âm, tăng dần: {string.Join(", ", limits)}.", nameof(limits));
        }
    }
}
