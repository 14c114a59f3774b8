using OrgCom.Core.Assessments;

namespace OrgCom.Core.Tests.Assessments;

public class AssessmentRoundTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(RoundKind.Year, 2025, null, null, null, "2025-11-15", "2025-12-31", "2026-01-31", "2025-01-01", "2025-12-31", null)]
    [InlineData(RoundKind.Quarter, 2026, 2, null, null, "2026-06-20", "2026-07-05", "2026-07-15", "2026-04-01", "2026-06-30", null)]
    [InlineData(RoundKind.Quarter, 2026, null, null, null, "2026-06-20", "2026-07-05", "2026-07-15", null, null, "assessment.quarter")]
    [InlineData(RoundKind.Quarter, 2026, 5, null, null, "2026-06-20", "2026-07-05", "2026-07-15", null, null, "assessment.quarter")]
    [InlineData(RoundKind.Term, 2030, null, "2025-10-01", "2030-09-30", "2030-08-01", "2030-09-15", "2030-10-30", "2025-10-01", "2030-09-30", null)]
    [InlineData(RoundKind.AdHoc, 2026, null, null, null, "2026-03-01", "2026-03-10", "2026-03-20", null, null, "assessment.period")]
    [InlineData(RoundKind.AdHoc, 2026, null, "2026-02-01", "2026-01-01", "2026-03-01", "2026-03-10", "2026-03-20", null, null, "assessment.period.order")]
    [InlineData(RoundKind.Year, 2025, null, null, null, "2025-12-01", "2025-11-30", "2026-01-31", null, null, "assessment.schedule")]
    [InlineData(RoundKind.Year, 2025, null, null, null, "2025-11-01", "2025-11-30", "2025-12-15", null, null, "assessment.schedule.period")]
    [InlineData(RoundKind.Year, 2019, null, null, null, "2019-11-01", "2019-12-30", "2020-01-15", null, null, "assessment.year")]
    public void A_round_has_a_period_and_an_ordered_schedule(RoundKind kind, int year, int? quarter, string? from, string? to,
        string opens, string due, string closes, string? periodFrom, string? periodTo, string? error)
    {
        var result = AssessmentRound.Open(7, kind, year, quarter, null, from is null ? null : D(from), to is null ? null : D(to),
            D(opens), D(due), D(closes));
        Assert.Equal(error, result.Error?.Code);
        if (error is null)
        {
            Assert.Equal((D(periodFrom!), D(periodTo!)), (result.Value!.PeriodFrom, result.Value.PeriodTo));
            Assert.NotEmpty(result.Value.Title);
        }
    }

    [Theory]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.Centre, true)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.ProvincialCommittee, true)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.CentralBodyCommittee, true)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.ProvincialAffiliateCommittee, true)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.CommuneCommittee, true)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.DistrictCommittee, true)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.GrassrootsCommittee, false)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.SubCommittee, false)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.GrassrootsCell, false)]
    [InlineData(OrgCom.Core.Organizations.OrganizationKind.Cell, false)]
    public void Only_a_committee_with_a_commission_opens_rounds(OrgCom.Core.Organizations.OrganizationKind kind, bool may) =>
        Assert.Equal(may, AssessmentRound.MayBeOpenedBy(kind));
}
