using OrgCom.Core.Rules;

namespace OrgCom.Core.Tests.Rules;

public class RuleBookTests
{
    private static readonly DateOnly Change = new(2025, 7, 1);

    private static RuleValue Version(string value, DateOnly from, DateOnly? to, string source = "Quy định 294-QĐ/TW ngày 26/5/2025", string key = "test.months") =>
        new(key, value, from, to, source, "Ghi chú", IsConfirmed: true);

    private static RuleBook ChangedOnFirstJuly() => new([
        Version("10", new DateOnly(2021, 7, 30), Change, "Quy định 24-QĐ/TW ngày 30/7/2021"),
        Version("12", Change, null),
    ]);

    [Theory]
    [InlineData(2021, 7, 30, "10")]
    [InlineData(2024, 1, 1, "10")]
    [InlineData(2025, 6, 30, "10")]
    [InlineData(2025, 7, 1, "12")]
    [InlineData(2030, 1, 1, "12")]
    public void Get_returns_the_version_in_force_on_the_date(int y, int m, int d, string expected)
    {
        var value = ChangedOnFirstJuly().Get("test.months", new DateOnly(y, m, d));

        Assert.Equal(expected, value.Value);
    }

    [Fact]
    public void A_change_is_cited_with_its_own_source_and_date()
    {
        var book = ChangedOnFirstJuly();

        Assert.Equal("Theo Quy định 24-QĐ/TW ngày 30/7/2021 (hiệu lực từ 30/07/2021)",
            book.Get("test.months", new DateOnly(2025, 6, 30)).Citation.ToString());
        Assert.Equal("Theo Quy định 294-QĐ/TW ngày 26/5/2025 (hiệu lực từ 01/07/2025)",
            book.Get("test.months", Change).Citation.ToString());
    }

    [Fact]
    public void An_unconfirmed_rule_says_so_in_its_citation()
    {
        var citation = new RuleValue("x", "1", Change, null, "Hướng dẫn 06-HD/TW ngày 09/6/2025", "", IsConfirmed: false).Citation;

        Assert.Equal("Theo Hướng dẫn 06-HD/TW ngày 09/6/2025 (hiệu lực từ 01/07/2025); nội dung chưa được xác nhận, cần đối chiếu văn bản",
            citation.ToString());
    }

    [Theory]
    [InlineData(2021, 7, 29)]
    [InlineData(2000, 1, 1)]
    public void Get_before_any_version_is_a_configuration_error(int y, int m, int d)
    {
        var date = new DateOnly(y, m, d);
        var book = ChangedOnFirstJuly();

        var e = Assert.Throws<RuleConfigurationException>(() => book.Get("test.months", date));
        Assert.Contains("test.months", e.Message);
        Assert.False(book.TryGet("test.months", date, out _));
    }

    [Fact]
    public void An_unknown_key_is_a_configuration_error()
    {
        Assert.Throws<RuleConfigurationException>(() => ChangedOnFirstJuly().Get("no.such.key", Change));
        Assert.False(ChangedOnFirstJuly().TryGet("no.such.key", Change, out _));
    }

    [Fact]
    public void A_closed_version_ends_the_day_before_its_EffectiveTo()
    {
        var book = new RuleBook([Version("10", new DateOnly(2021, 7, 30), Change)]);

        Assert.True(book.TryGet("test.months", new DateOnly(2025, 6, 30), out _));
        Assert.False(book.TryGet("test.months", Change, out _));
    }

    public static TheoryData<DateOnly, DateOnly?, DateOnly, DateOnly?> OverlappingVersions() => new()
    {
        // an open-ended old version and a new one
        { new DateOnly(2021, 7, 30), null, Change, null },
        // the old one ends a day after the new one starts
        { new DateOnly(2021, 7, 30), new DateOnly(2025, 7, 2), Change, null },
        // the same start date
        { Change, null, Change, new DateOnly(2026, 1, 1) },
        // one inside the other
        { new DateOnly(2021, 1, 1), new DateOnly(2030, 1, 1), Change, new DateOnly(2026, 1, 1) },
    };

    [Theory]
    [MemberData(nameof(OverlappingVersions))]
    public void Overlapping_versions_of_one_key_are_refused(DateOnly from1, DateOnly? to1, DateOnly from2, DateOnly? to2)
    {
        var e = Assert.Throws<RuleConfigurationException>(() => new RuleBook([Version("10", from1, to1), Version("12", from2, to2)]));
        Assert.Contains("chồng lấn", e.Message);
    }

    [Fact]
    public void Versions_of_different_keys_may_share_dates()
    {
        var book = new RuleBook([Version("1", Change, null, key: "a"), Version("2", Change, null, key: "b")]);

        Assert.Equal("1", book.Get("a", Change).Value);
        Assert.Equal("2", book.Get("b", Change).Value);
    }

    [Fact]
    public void Contiguous_versions_are_accepted_in_any_order()
    {
        var book = new RuleBook([Version("12", Change, null), Version("10", new DateOnly(2021, 7, 30), Change)]);

        Assert.Equal(["10", "12"], book.History("test.months").Select(v => v.Value));
    }

    [Fact]
    public void A_version_ending_before_it_starts_is_refused()
    {
        Assert.Throws<RuleConfigurationException>(() => new RuleBook([Version("10", Change, Change)]));
        Assert.Throws<RuleConfigurationException>(() => new RuleBook([Version("10", Change, Change.AddDays(-1))]));
    }

    [Fact]
    public void A_version_without_source_is_refused()
    {
        Assert.Throws<RuleConfigurationException>(() => new RuleBook([Version("10", Change, null, source: " ")]));
    }

    [Theory]
    [InlineData(RuleKey.ProbationMonths, "mười hai")]
    [InlineData(RuleKey.ProbationMonths, "12.5")]
    [InlineData(RuleKey.BadgeMilestonesYears, "30,bốn mươi")]
    [InlineData(RuleKey.BadgeMilestonesYears, " , ")]
    [InlineData(RuleKey.BadgePresentationDays, "02-03,19-05")]
    [InlineData(RuleKey.BadgePresentationDays, "3/2")]
    [InlineData(RuleKey.DisciplineProbationaryAllowed, "")]
    public void A_known_key_with_an_unreadable_value_is_refused(string key, string value)
    {
        Assert.Throws<RuleConfigurationException>(() => new RuleBook([Version(value, Change, null, key: key)]));
    }

    [Fact]
    public void Typed_accessors_read_ints_lists_and_month_days()
    {
        Assert.Equal(216, Version(" 216 ", Change, null).AsInt());
        Assert.Equal(["Reprimand", "Warning"], Version("Reprimand, Warning,", Change, null).AsList());
        Assert.Equal([30, 40, 45], Version("30,40,45", Change, null).AsIntList());
        Assert.Equal([(2, 3), (5, 19), (9, 2), (11, 7)], Version("02-03,05-19,09-02,11-07", Change, null).AsMonthDayList());
    }

    [Fact]
    public void MissingOn_lists_the_required_keys_without_a_version_on_the_date()
    {
        var book = ChangedOnFirstJuly();

        Assert.Equal(["other"], book.MissingOn(Change, ["test.months", "other"]));
        Assert.Equal(["test.months", "other"], book.MissingOn(new DateOnly(2020, 1, 1), ["test.months", "other"]));
    }
}
