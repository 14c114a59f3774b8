using OrgCom.Core.Members.Rules;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Members;

public class PartyBadgesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static BadgeEligibility At(string presentation, string admitted, params InactivityGap[] gaps)
    {
        var result = PartyBadges.At(D(presentation), D(admitted), gaps, ReferenceData.Rules);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value!;
    }

    [Theory]
    // 3/2: window (07/11/2025, 03/02/2026]
    [InlineData("2026-02-03", "1995-11-08", 30, "2025-11-08")]
    [InlineData("2026-02-03", "1996-02-03", 30, "2026-02-03")]
    [InlineData("2026-02-03", "1985-12-31", 40, "2025-12-31")]
    // 19/5: window (03/02/2026, 19/05/2026]
    [InlineData("2026-05-19", "1996-02-04", 30, "2026-02-04")]
    [InlineData("2026-05-19", "1996-05-19", 30, "2026-05-19")]
    [InlineData("2026-05-19", "1976-02-29", 50, "2026-02-28")]
    // 2/9: window (19/05/2026, 02/09/2026]
    [InlineData("2026-09-02", "1986-05-20", 40, "2026-05-20")]
    [InlineData("2026-09-02", "1971-09-02", 55, "2026-09-02")]
    // 7/11: window (02/09/2026, 07/11/2026]
    [InlineData("2026-11-07", "1981-09-03", 45, "2026-09-03")]
    [InlineData("2026-11-07", "1936-11-07", 90, "2026-11-07")]
    public void A_member_reaching_a_milestone_in_the_window_ending_at_a_presentation_day_is_listed(
        string presentation, string admitted, int milestone, string reachedOn)
    {
        var eligibility = At(presentation, admitted);

        Assert.True(eligibility.IsEligible);
        Assert.Equal(milestone, eligibility.MilestoneYears);
        Assert.Equal(D(reachedOn), eligibility.ReachedOn);
    }

    [Theory]
    [InlineData("2026-02-03", "1995-11-07")]  // reached 07/11/2025: listed at that presentation
    [InlineData("2026-05-19", "1996-05-20")]  // reaches 30 years the day after
    [InlineData("2026-05-19", "1991-05-19")]  // 35 years is not a milestone
    [InlineData("2026-09-02", "1936-01-01")]  // 90 years reached in January: listed on 3/2
    [InlineData("2026-09-02", "2000-01-01")]
    public void Others_are_not_listed(string presentation, string admitted)
    {
        var eligibility = At(presentation, admitted);

        Assert.False(eligibility.IsEligible);
        Assert.Null(eligibility.MilestoneYears);
    }

    [Theory]
    [InlineData("2026-02-03", "2025-11-07")]
    [InlineData("2026-05-19", "2026-02-03")]
    [InlineData("2026-09-02", "2026-05-19")]
    [InlineData("2026-11-07", "2026-09-02")]
    public void The_window_starts_after_the_previous_presentation_day(string presentation, string previous)
    {
        Assert.Equal(D(previous), At(presentation, "1990-01-01").PreviousPresentationDate);
    }

    [Fact]
    public void A_gap_spanning_the_milestone_delays_it_to_a_later_presentation_day()
    {
        // 30 years without the gap on 01/03/2026 (listed 19/5); with 182 days out, on 30/08/2026 (listed 2/9).
        var gap = new InactivityGap(D("2025-12-01"), D("2026-06-01"));

        Assert.Equal(30, At("2026-05-19", "1996-03-01").MilestoneYears);
        Assert.False(At("2026-05-19", "1996-03-01", gap).IsEligible);
        var later = At("2026-09-02", "1996-03-01", gap);
        Assert.Equal(30, later.MilestoneYears);
        Assert.Equal(D("2026-08-30"), later.ReachedOn);
    }

    [Fact]
    public void Readmitted_members_count_from_the_first_admission_minus_the_time_out()
    {
        // admitted 10/03/1980, out from 10/03/1990 to readmission on 10/03/1994: 40 years on 10/03/2024
        var outOfParty = new InactivityGap(D("1990-03-10"), D("1994-03-10"));

        Assert.Equal(40, At("2024-05-19", "1980-03-10", outOfParty).MilestoneYears);
        Assert.False(At("2024-05-19", "1980-03-10").IsEligible);  // 44 years without the gap: no milestone
    }

    [Fact]
    public void Every_member_is_listed_exactly_once_per_milestone()
    {
        var presentations = new[] { 2025, 2026, 2027 }
            .SelectMany(y => new[] { new DateOnly(y, 2, 3), new DateOnly(y, 5, 19), new DateOnly(y, 9, 2), new DateOnly(y, 11, 7) })
            .ToArray();
        for (var admitted = D("1995-11-08"); admitted <= D("1996-11-07"); admitted = admitted.AddDays(1))
        {
            var listed = presentations
                .Where(p => PartyBadges.At(p, admitted, [], ReferenceData.Rules).Value!.MilestoneYears == 30)
                .ToArray();
            var single = Assert.Single(listed);
            Assert.Equal(PartyBadges.PresentationFor(PartyAge.ReachesYears(admitted, [], 30), ReferenceData.Rules), single);
        }
    }

    [Theory]
    [InlineData("2026-02-03", "2026-02-03")]
    [InlineData("2026-02-04", "2026-05-19")]
    [InlineData("2026-05-20", "2026-09-02")]
    [InlineData("2026-11-08", "2027-02-03")]
    public void PresentationFor_is_the_first_presentation_day_on_or_after(string reachedOn, string expected)
    {
        Assert.Equal(D(expected), PartyBadges.PresentationFor(D(reachedOn), ReferenceData.Rules));
    }

    [Theory]
    [InlineData("2026-03-15")]
    [InlineData("2026-03-02")]  // 3 February written month-first by mistake
    [InlineData("2026-02-02")]
    public void A_date_that_is_not_a_presentation_day_is_refused_with_the_days_and_the_rule(string date)
    {
        var result = PartyBadges.At(D(date), D("1990-01-01"), [], ReferenceData.Rules);

        Assert.False(result.IsSuccess);
        Assert.Equal("badge.presentation_date", result.Error!.Code);
        Assert.Contains("không phải ngày trao tặng Huy hiệu Đảng", result.Error.Message);
        Assert.Contains("03/02, 19/05, 02/09, 07/11", result.Error.Message);
        Assert.Contains("Theo Hướng dẫn 06-HD/TW", result.Error.Message);
    }

    [Fact]
    public void The_listing_cites_the_milestones_and_the_presentation_days()
    {
        var eligibility = At("2026-05-19", "1996-05-19");

        Assert.Equal(["badge.milestones_years", "badge.presentation_days"], eligibility.Citations.Select(c => c.Key));
        Assert.All(eligibility.Citations, c => Assert.Contains("Hướng dẫn 06-HD/TW", c.Source));
    }

    // ---- Early award for serious illness (xét tặng sớm): presentation 02/09/2026.

    private static BadgeEligibility Ill(string presentation, string admitted, string? illSince, params InactivityGap[] gaps)
    {
        var result = PartyBadges.At(D(presentation), D(admitted), gaps, ReferenceData.Rules, illSince is null ? null : D(illSince));
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value!;
    }

    [Theory]
    // 30 to 65 years: at most 12 months early.
    [InlineData("1997-09-02", "2026-01-10", 30, "2027-09-02", 12)]   // exactly 12 months after the presentation day
    [InlineData("1997-09-03", "2026-01-10", null, null, null)]       // 12 months and 1 day
    [InlineData("1996-09-03", "2026-01-10", 30, "2026-09-03", 12)]   // the day after
    [InlineData("1962-09-02", "2026-01-10", 65, "2027-09-02", 12)]
    [InlineData("1962-10-02", "2026-01-10", null, null, null)]       // 65 years in 13 months
    // 70 to 90 years: at most 24 months early.
    [InlineData("1957-10-02", "2026-01-10", 70, "2027-10-02", 24)]   // 13 months: early for a 70-year badge
    [InlineData("1958-09-02", "2026-01-10", 70, "2028-09-02", 24)]   // exactly 24 months
    [InlineData("1958-09-03", "2026-01-10", null, null, null)]       // 24 months and 1 day
    [InlineData("1938-09-02", "2026-01-10", 90, "2028-09-02", 24)]
    // Ill on or before the presentation day only.
    [InlineData("1997-09-02", "2026-09-02", 30, "2027-09-02", 12)]
    [InlineData("1997-09-02", "2026-09-03", null, null, null)]
    [InlineData("1997-09-02", null, null, null, null)]
    // 35 years is not a milestone; the next, 40, is years away.
    [InlineData("1991-09-02", "2026-01-10", null, null, null)]
    public void A_seriously_ill_member_is_listed_early_within_the_rules_months_before_the_milestone(
        string admitted, string? illSince, int? milestone, string? reachedOn, int? maxMonths)
    {
        var eligibility = Ill("2026-09-02", admitted, illSince);

        Assert.Equal(milestone, eligibility.MilestoneYears);
        Assert.Equal(reachedOn is null ? null : D(reachedOn), eligibility.ReachedOn);
        Assert.Equal(milestone is not null, eligibility.IsEarly);
        Assert.Equal(maxMonths, eligibility.Early?.MaxMonthsEarly);
        if (eligibility.Early is { } early)
        {
            Assert.Equal(D(illSince!), early.SeriouslyIllSince);
            Assert.Equal(milestone <= 65 ? "badge.early_months_30_65" : "badge.early_months_70_90", early.Citation.Key);
            Assert.Contains("Hướng dẫn 06-HD/TW", early.Citation.Source);
        }
    }

    [Fact]
    public void A_seriously_ill_member_reaching_the_milestone_in_the_window_is_listed_as_usual_not_early()
    {
        var eligibility = Ill("2026-09-02", "1996-07-01", "2026-01-10");

        Assert.Equal(30, eligibility.MilestoneYears);
        Assert.False(eligibility.IsEarly);
    }

    [Fact]
    public void Gaps_in_party_age_move_the_milestone_into_or_out_of_the_early_months()
    {
        // 30 years on 01/06/2027 without the gap: early at 02/09/2026; 100 days out move it to 09/09/2027, too far.
        var hundredDays = new InactivityGap(D("2000-01-01"), D("2000-04-10"));
        Assert.True(Ill("2026-09-02", "1997-06-01", "2026-01-10").IsEarly);
        var delayed = Ill("2026-09-02", "1997-06-01", "2026-01-10", hundredDays);
        Assert.False(delayed.IsEligible);
        Assert.Equal(D("2027-09-09"), PartyAge.ReachesYears(D("1997-06-01"), [hundredDays], 30));

        // 30 years on 01/01/2026 without the gap (listed on 03/02/2026); 300 days out move it to 27/10/2026: early at
        // 02/09/2026 for a seriously ill member, otherwise listed on 07/11/2026.
        var threeHundredDays = new InactivityGap(D("2000-01-01"), D("2000-10-27"));
        var early = Ill("2026-09-02", "1996-01-01", "2026-01-10", threeHundredDays);
        Assert.Equal((30, D("2026-10-27"), true), (early.MilestoneYears, early.ReachedOn, early.IsEarly));
        Assert.False(Ill("2026-09-02", "1996-01-01", null, threeHundredDays).IsEligible);
        Assert.Equal(30, At("2026-11-07", "1996-01-01", threeHundredDays).MilestoneYears);
    }

    [Theory]
    [InlineData(30, "badge.early_months_30_65", 12)]
    [InlineData(65, "badge.early_months_30_65", 12)]
    [InlineData(70, "badge.early_months_70_90", 24)]
    [InlineData(90, "badge.early_months_70_90", 24)]
    [InlineData(25, null, null)]
    [InlineData(95, null, null)]
    public void The_early_award_rule_depends_on_the_badge(int milestone, string? key, int? months)
    {
        var rule = PartyBadges.EarlyAwardRule(milestone, D("2026-09-02"), ReferenceData.Rules);

        Assert.Equal(key, rule?.Key);
        Assert.Equal(months, rule?.AsInt());
    }
}
