using OrgCom.Core.Rules;

namespace OrgCom.Core.Tests.Rules;

public class RuleBookJsonTests
{
    [Fact]
    public void Parse_reads_every_field()
    {
        var book = RuleBookJson.Parse("""
            [
              { "key": "probation.months", "value": "12", "effectiveFrom": "2021-07-30", "effectiveTo": "2025-07-01",
                "source": "Quy định 24-QĐ/TW ngày 30/7/2021", "note": "Cũ", "confirmed": true },
              { "key": "probation.months", "value": 12, "effectiveFrom": "2025-07-01", "effectiveTo": null,
                "source": "Quy định 294-QĐ/TW ngày 26/5/2025", "note": "Mới", "confirmed": false },
            ]
            """);

        Assert.Equal(
            [
                new RuleValue("probation.months", "12", new DateOnly(2021, 7, 30), new DateOnly(2025, 7, 1), "Quy định 24-QĐ/TW ngày 30/7/2021", "Cũ", true),
                new RuleValue("probation.months", "12", new DateOnly(2025, 7, 1), null, "Quy định 294-QĐ/TW ngày 26/5/2025", "Mới", false),
            ],
            book.History("probation.months"));
    }

    [Fact]
    public void EffectiveTo_and_note_may_be_left_out()
    {
        var book = RuleBookJson.Parse("""[{ "key": "k", "value": "1", "effectiveFrom": "2025-07-01", "source": "S", "confirmed": true }]""");

        var value = book.Get("k", new DateOnly(2099, 1, 1));
        Assert.Null(value.EffectiveTo);
        Assert.Equal("", value.Note);
    }

    [Theory]
    [InlineData("not json", "JSON")]
    [InlineData("""{ "key": "k" }""", "mảng")]
    [InlineData("""[ 1 ]""", "mục thứ 1")]
    [InlineData("""[{ "value": "1", "effectiveFrom": "2025-07-01", "source": "S", "confirmed": true }]""", "\"key\"")]
    [InlineData("""[{ "key": "k", "effectiveFrom": "2025-07-01", "source": "S", "confirmed": true }]""", "\"value\"")]
    [InlineData("""[{ "key": "k", "value": "1", "source": "S", "confirmed": true }]""", "\"effectiveFrom\"")]
    [InlineData("""[{ "key": "k", "value": "1", "effectiveFrom": "01/07/2025", "source": "S", "confirmed": true }]""", "yyyy-MM-dd")]
    [InlineData("""[{ "key": "k", "value": "1", "effectiveFrom": "2025-07-01", "effectiveTo": "2025-13-01", "source": "S", "confirmed": true }]""", "\"effectiveTo\"")]
    [InlineData("""[{ "key": "k", "value": "1", "effectiveFrom": "2025-07-01", "confirmed": true }]""", "\"source\"")]
    [InlineData("""[{ "key": "k", "value": "1", "effectiveFrom": "2025-07-01", "source": "S" }]""", "\"confirmed\"")]
    [InlineData("""[{ "key": "k", "value": "1", "effectiveFrom": "2025-07-01", "source": "S", "confirmed": "yes" }]""", "\"confirmed\"")]
    [InlineData("""[{ "key": "k", "value": "1", "effectiveFrom": "2025-07-01", "source": "S", "confirmed": true }, { "key": "k", "value": "2", "effectiveFrom": "2026-01-01", "source": "S", "confirmed": true }]""", "chồng lấn")]
    public void Parse_refuses_bad_data_saying_what_is_wrong(string json, string expectedInMessage)
    {
        var e = Assert.Throws<RuleConfigurationException>(() => RuleBookJson.Parse(json));
        Assert.Contains(expectedInMessage, e.Message);
    }
}

/// <summary>The shipped rules.json.</summary>
public class RulesDataTests
{
    public static TheoryData<string> AllKeys() => new(RuleKey.All);

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_rule_key_has_a_version_in_force_before_and_after_the_2025_change(string key)
    {
        var from = IntroducedLater.GetValueOrDefault(key, DateOnly.MinValue);
        foreach (var date in new[] { new DateOnly(2021, 7, 30), new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 1), new DateOnly(2026, 11, 21) })
            Assert.Equal(date >= from, ReferenceData.Rules.TryGet(key, date, out _));
    }

    /// <summary>Rules a regulation introduced after 2021, from the day it took effect: before it they do not apply.</summary>
    private static readonly Dictionary<string, DateOnly> IntroducedLater = new()
    {
        [RuleKey.PlanningHigherThanHeld] = new DateOnly(2025, 10, 8),
    };

    [Fact]
    public void No_required_key_is_missing_today_or_far_ahead()
    {
        Assert.Empty(ReferenceData.Rules.MissingOn(new DateOnly(2040, 1, 1), RuleKey.All));
    }

    [Theory]
    [InlineData(RuleKey.AdmissionMinAgeMonths, "216")]
    [InlineData(RuleKey.AdmissionMaxAgeMonths, "720")]
    [InlineData(RuleKey.AdmissionCeremonyWithinWorkingDays, "30")]
    [InlineData(RuleKey.ProbationMonths, "12")]
    [InlineData(RuleKey.ProbationRecognitionDueWorkingDays, "30")]
    [InlineData(RuleKey.TransferPermanentStartWithinWorkingDays, "60")]
    [InlineData(RuleKey.TransferPermanentPresentWithinWorkingDays, "30")]
    [InlineData(RuleKey.TransferTemporaryMinMonths, "3")]
    [InlineData(RuleKey.TransferTemporaryMaxMonthsExclusive, "12")]
    [InlineData(RuleKey.TransferStudyMaxMonths, "24")]
    [InlineData(RuleKey.ReadmissionMinMonthsAfterLeaving, "36")]
    [InlineData(RuleKey.ReadmissionMaxTimes, "1")]
    [InlineData(RuleKey.BadgeMilestonesYears, "30,40,45,50,55,60,65,70,75,80,85,90")]
    [InlineData(RuleKey.BadgePresentationDays, "02-03,05-19,09-02,11-07")]
    [InlineData(RuleKey.BadgeEarlyMonths30To65, "12")]
    [InlineData(RuleKey.BadgeEarlyMonths70To90, "24")]
    [InlineData(RuleKey.DisciplineProbationaryAllowed, "Reprimand,Warning")]
    [InlineData(RuleKey.RemovalMonthsWithoutActivity, "3")]
    public void Current_values_are_those_of_the_regulations(string key, string expected)
    {
        Assert.Equal(expected, ReferenceData.Rules.Get(key, new DateOnly(2026, 11, 21)).Value);
    }

    [Theory]
    [InlineData(RuleKey.AdmissionMinAgeMonths)]
    [InlineData(RuleKey.AdmissionMaxAgeMonths)]
    [InlineData(RuleKey.AdmissionCeremonyWithinWorkingDays)]
    [InlineData(RuleKey.ProbationMonths)]
    [InlineData(RuleKey.ProbationRecognitionDueWorkingDays)]
    [InlineData(RuleKey.TransferPermanentStartWithinWorkingDays)]
    [InlineData(RuleKey.TransferPermanentPresentWithinWorkingDays)]
    [InlineData(RuleKey.TransferTemporaryMinMonths)]
    [InlineData(RuleKey.TransferTemporaryMaxMonthsExclusive)]
    [InlineData(RuleKey.TransferStudyMaxMonths)]
    [InlineData(RuleKey.ReadmissionMinMonthsAfterLeaving)]
    [InlineData(RuleKey.ReadmissionMaxTimes)]
    [InlineData(RuleKey.RemovalMonthsWithoutActivity)]
    public void Party_rules_cite_regulation_294_from_July_2025_and_regulation_24_before(string key)
    {
        var before = ReferenceData.Rules.Get(key, new DateOnly(2025, 6, 30));
        var after = ReferenceData.Rules.Get(key, new DateOnly(2025, 7, 1));

        Assert.Contains("Quy định 24-QĐ/TW", before.Source);
        Assert.Contains("Hướng dẫn 01-HD/TW", before.Source);
        Assert.Contains("Quy định 294-QĐ/TW ngày 26/5/2025", after.Source);
        Assert.Contains("Hướng dẫn 06-HD/TW ngày 09/6/2025", after.Source);
        Assert.Equal(new DateOnly(2025, 7, 1), after.EffectiveFrom);
        Assert.Equal(before.Value, after.Value);
    }

    [Fact]
    public void Early_badge_awards_are_marked_unconfirmed_since_2025()
    {
        foreach (var key in new[] { RuleKey.BadgeEarlyMonths30To65, RuleKey.BadgeEarlyMonths70To90 })
        {
            var current = ReferenceData.Rules.Get(key, new DateOnly(2026, 11, 21));
            Assert.False(current.IsConfirmed);
            Assert.Contains("chưa xác nhận", current.Note);
            Assert.Contains("chưa được xác nhận", current.Citation.ToString());
        }
    }

    [Fact]
    public void Every_unconfirmed_version_says_so_in_its_note_and_every_version_explains_itself()
    {
        Assert.All(ReferenceData.Rules.Values, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Note), v.Key);
            if (!v.IsConfirmed)
                Assert.Contains("chưa xác nhận", v.Note);
        });
    }
}
