using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Assessments;

namespace OrgCom.Web.Features.Reports;

/// <summary>
/// The statistics form "Kết quả đánh giá, xếp loại chất lượng đảng viên" for a subtree and a year: the rollup of the
/// Assessments area (<see cref="AssessmentReportQuery"/>, the one source of these numbers) laid out as a report table —
/// required, rated, each level with its share of those rated, not rated with the reasons, the organizations whose
/// assessment a leader let pass a rule (overrides) or not yet approved, and the organizations as the levels above rated
/// them (required, rated, each level with its share, not rated by reason) — with the year before under the totals.
/// </summary>
public sealed class AssessmentResultsForm(OrgComDbContext db, AssessmentReportQuery query)
{
    private const string NotAssessedGroup = "Không đánh giá";

    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("Required", "Tổng số đảng viên phải đánh giá"),
        new("Rated", "Số đảng viên được xếp loại"),
        .. QualityLevels.All.SelectMany(l => new ReportColumn[]
        {
            new(l.ToString(), "Số lượng", l.DisplayName()),
            new("s:" + l, "Tỷ lệ (%)", l.DisplayName(), DrillDown: false, ShareOf: l.ToString(), ShareBase: "Rated"),
        }),
        new("NotAssessed", "Tổng số", NotAssessedGroup),
        .. NotAssessedReasons.All.Select(r => new ReportColumn("r:" + r, r.DisplayName(), NotAssessedGroup)),
        // Organizations, listed by /Reports/Organizations (AssessmentReportQuery.OrganizationsSql).
        new("Overrides", AssessmentReportQuery.OrganizationMeasureName("Overrides")),
        new("NotApproved", AssessmentReportQuery.OrganizationMeasureName("NotApproved")),
        // The organizations as the levels above rated them (OrganizationCounts): required, rated, each level with its
        // share, not rated by reason (e.g. newly formed).
        new("o:Required", "Tổ chức đảng phải xếp loại"),
        new("o:Rated", "Tổ chức đảng được xếp loại"),
        .. QualityLevels.All.SelectMany(l => new ReportColumn[]
        {
            new("o:" + l, "Số lượng", OrganizationGroup(l)),
            new("o:s:" + l, "Tỷ lệ (%)", OrganizationGroup(l), DrillDown: false, ShareOf: "o:" + l, ShareBase: "o:Rated"),
        }),
        new("o:NotRated", "Tổng số", NotRatedGroup),
        .. OrganizationNotRatedReasons.All.Select(r => new ReportColumn("o:r:" + r, r.DisplayName(), NotRatedGroup)),
    ];

    private const string NotRatedGroup = "Tổ chức đảng không xếp loại";

    private static string OrganizationGroup(QualityLevel level) => "Tổ chức đảng " + level.DisplayName().ToLowerInvariant();

    public async Task<ReportTable> RunAsync(ReportRoot root, int year, CancellationToken ct)
    {
        var rollup = await query.RunAsync(root.Id, root.Name, root.Path, year, ct);
        var ids = rollup.Units.Select(u => u.OrganizationId).ToList();
        var parents = (await db.Organizations.Where(o => o.ParentId != null && ids.Contains(o.ParentId.Value))
            .Select(o => o.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var table = new ReportTable
        {
            Form = ReportForm.AssessmentResults, Title = $"Báo cáo kết quả đánh giá, xếp loại chất lượng đảng viên năm {year}",
            OrganizationId = root.Id, OrganizationName = root.Name, From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31),
            PeriodCaption = $"Năm {year}", Columns = Columns,
            Rows = rollup.Units.Select(u => new ReportRow(u.OrganizationId, u.Name, u.OrganizationId != root.Id && parents.Contains(u.OrganizationId), Values(u))).ToList(),
            Comparison = new ReportComparison($"Năm {year - 1}", Values(rollup.PreviousTotal)),
            Footnote = "Số liệu của các tổ chức đã được cấp có thẩm quyền phê duyệt; tỷ lệ tính trên số đảng viên được xếp loại. "
                + "Xếp loại các tổ chức đảng trực thuộc (cấp trên xếp loại, đã phê duyệt): "
                + string.Join("; ", QualityLevels.All.Select(l => $"{l.DisplayName()} {ReportRequest.Number(rollup.OrganizationLevels.GetValueOrDefault(l))}"))
                + $". Số tổ chức được lãnh đạo cho phép vượt quy định khi đánh giá: {ReportRequest.Number(rollup.OrganizationOverrides)}.",
        };
        return table;
    }

    private static long[] Values(LevelCounts c)
    {
        var values = Columns.Select(col => col.Key switch
        {
            "Required" => c.Required,
            "Rated" => c.Rated,
            "NotAssessed" => c.NotAssessed,
            "Overrides" => c.Overrides,
            "NotApproved" => c.Organizations - c.Approved,
            "o:Required" => c.Orgs.Required,
            "o:Rated" => c.Orgs.Rated,
            "o:NotRated" => c.Orgs.NotRated,
            var k when k.StartsWith("o:r:", StringComparison.Ordinal) => c.Orgs.NotRatedFor(Enum.Parse<OrganizationNotRatedReason>(k[4..])),
            var k when k.StartsWith("o:", StringComparison.Ordinal) && Enum.TryParse<QualityLevel>(k[2..], out var orgLevel) => c.Orgs.Of(orgLevel),
            var k when k.StartsWith("r:", StringComparison.Ordinal) => c.NotAssessedFor(Enum.Parse<NotAssessedReason>(k[2..])),
            var k when Enum.TryParse<QualityLevel>(k, out var level) => c.Of(level),
            _ => 0,
        }).ToArray();
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] is { IsShare: true } s)
                values[i] = ReportTable.Share(values[Columns.ToList().FindIndex(x => x.Key == s.ShareOf)],
                    values[Columns.ToList().FindIndex(x => x.Key == s.ShareBase)]);
        }
        return values;
    }
}
