using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Assessments;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Assessments;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using Col = OrgCom.Web.Infrastructure.Export.XlsxColumn<OrgCom.Web.Features.Reports.OrganizationsModel.Row>;

namespace OrgCom.Web.Features.Reports;

/// <summary>
/// Drill-down: the organizations behind one count of a report — the organizations of a kind standing at the date
/// (organizations by kind, <see cref="StatisticsQueries.StandingCtesAsync"/>, the statement the form counts with), or the
/// organizations of the assessment form's organization measures (<see cref="AssessmentReportQuery.OrganizationsSql"/>:
/// allowed past a rule, with each permission's reason and who gave it; not yet approved, with the assessment's state) —
/// within the report's organization: one row (<c>Row</c>), its own row (<c>Own</c>) or all (the totals). A page of 50 and
/// the whole list in Excel (audited). Organizations are read through the scope filter: one outside the user's scope
/// (a row that a reorganization took to another province) is counted, not shown.
/// </summary>
public sealed class OrganizationsModel(OrgComDbContext db, StatisticsQueries statistics, CurrentUser currentUser, AuditRecorder audit,
    IConfiguration configuration, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Whether a column of a form lists organizations (this page) rather than members.</summary>
    public static bool Lists(ReportForm form, string key) => form switch
    {
        ReportForm.OrganizationsByKind => key.StartsWith("k:", StringComparison.Ordinal),
        ReportForm.AssessmentResults => AssessmentReportQuery.OrganizationMeasures.Contains(key),
        _ => false,
    };

    /// <summary>The most rows one Excel file holds (as the member drill-down's).</summary>
    public int MaxExportRows => configuration.GetValue("OrgCom:ReportMembersMaxExportRows", Members.SearchModel.MaxExportRows);

    /// <param name="Members">Members counted in the organization itself at the date (not its subtree).</param>
    /// <param name="Assessment">The assessment's state (not approved) or the permissions given (overrides), in words.</param>
    public sealed record Row(long Id, string Code, string Name, OrganizationKind Kind, string? ParentName, DateOnly EstablishedOn,
        long Members, string? Assessment);

    public ReportRequest Report { get; private set; } = new();
    public ReportRoot? Organization { get; private set; }
    public string Measure { get; private set; } = "";
    public string MeasureName { get; private set; } = "";
    public string DateText { get; private set; } = "";
    public string? RowName { get; private set; }
    public bool Own { get; private set; }
    public DateOnly Date { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Visible { get; private set; }
    public int PageNumber { get; private set; } = 1;

    /// <summary>The assessment column's header, or null when the list has none (organizations by kind).</summary>
    public string? AssessmentHeader => Report.Form != ReportForm.AssessmentResults || AssessmentReportQuery.IsOrganizationRating(Measure) ? null
        : Measure == "Overrides" ? "Nội dung được cho phép vượt quy định (lý do, người cho phép)" : "Tình trạng đánh giá";

    // (organization, assessment): the pairs the report counted (an organization once, for organizations by kind).
    private List<(long Organization, long? Assessment)> _items = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] ReportRequest request, [FromQuery] string? measure, [FromQuery] bool own,
        [FromQuery] long? row, [FromQuery(Name = "p")] int page, CancellationToken ct)
    {
        if (!await PrepareAsync(request, measure, own, row, ct))
            return ModelState.IsValid ? NotFound() : Page();
        var visible = VisibleIds();
        Visible = _items.Count(i => visible.Contains(i.Organization));
        var ordered = Ordered(visible);
        PageNumber = Math.Clamp(page, 1, Math.Max(1, (ordered.Count + PageSize - 1) / PageSize));
        Rows = await RowsAsync(ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList(), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync([FromQuery] ReportRequest request, [FromQuery] string? measure, [FromQuery] bool own,
        [FromQuery] long? row, CancellationToken ct)
    {
        if (!await PrepareAsync(request, measure, own, row, ct))
            return ModelState.IsValid ? NotFound() : Page();
        if (Total > MaxExportRows)
        {
            ModelState.AddModelError("", $"Danh sách có {ReportRequest.Number(Total)} tổ chức, nhiều hơn {ReportRequest.Number(MaxExportRows)} "
                + "dòng một tệp Excel được phép. Hãy xem danh sách của từng đơn vị cấp dưới.");
            return Page();
        }
        var visible = VisibleIds();
        var rows = await RowsAsync(Ordered(visible), ct);
        // Like the member drill-down's export: taking a list out of the system is logged.
        var entry = audit.View(currentUser, "organizations", "export", Organization!.Id);
        entry.Reason = $"Xuất Excel danh sách tổ chức theo báo cáo: {MeasureName} — {Place}, {DateText.ToLowerInvariant()}";
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        var columns = new List<Col>
        {
            Col.RowNumber(),
            Col.Text("Mã", r => r.Code, width: 16),
            Col.Text("Tổ chức đảng", r => r.Name, width: 36),
            Col.Text("Loại hình", r => r.Kind.DisplayName(), width: 22),
            Col.Text("Trực thuộc", r => r.ParentName, width: 32),
            Col.Date("Ngày thành lập", r => r.EstablishedOn),
            Col.Integer("Số đảng viên", r => r.Members, width: 12),
        };
        if (AssessmentHeader is { } header)
            columns.Add(Col.Text(header, r => r.Assessment, width: 48));
        var report = new XlsxReport<Row>(columns)
        {
            SheetName = "Danh sách tổ chức",
            TitleLines =
            [
                "DANH SÁCH TỔ CHỨC ĐẢNG — " + MeasureName.ToUpperInvariant(),
                "Đơn vị: " + Place,
                DateText,
                XlsxReport<Row>.ExportedOnLine(VietnamTime.Today(clock)),
            ],
        };
        return XlsxResult.Create(report, rows.ToAsyncEnumerable(), $"Danh sách tổ chức {MeasureName}.xlsx");
    }

    /// <summary>The row (or organization) whose number is listed, in words.</summary>
    public string Place => RowName is { } name ? $"{name} (báo cáo của {Organization!.Name})" : Organization!.Name + (Own ? " (trực tiếp)" : "");

    // The organizations within the user's scope: those whose names were read (PrepareAsync).
    private HashSet<long> VisibleIds() => [.. _names.Keys];

    // The visible items in the list's order (by name), read once with their names.
    private List<(long Organization, long? Assessment)> Ordered(HashSet<long> visible) =>
        [.. _items.Where(i => visible.Contains(i.Organization)).OrderBy(i => _names.GetValueOrDefault(i.Organization), StringComparer.Ordinal)
            .ThenBy(i => i.Organization).ThenBy(i => i.Assessment)];

    private Dictionary<long, string> _names = [];

    private async Task<List<Row>> RowsAsync(List<(long Organization, long? Assessment)> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Organization).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.Name, o.Kind, o.EstablishedOn }).ToDictionaryAsync(o => o.Id, ct);
        // The parent on the date (the history), the members counted in each organization at the date (MembershipAtDate).
        var parents = new Dictionary<long, long>();
        var counts = new Dictionary<long, long>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand($"""
            with subtree as (select unnest(@ids) as id)
            select s.id, (select v.parent_id from organization_versions v where v.organization_id = s.id and v.valid_from <= @date
                          order by v.valid_from desc limit 1), 0::bigint
            from subtree s
            union all
            select x.organization_id, null, sum(x.n)::bigint from ({MembershipAtDate.CountsSql}) x group by 1
            """, connection))
        {
            cmd.Parameters.AddWithValue("ids", ids.ToArray());
            cmd.Parameters.AddWithValue("date", Date);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!reader.IsDBNull(1))
                    parents[reader.GetInt64(0)] = reader.GetInt64(1);
                counts[reader.GetInt64(0)] = counts.GetValueOrDefault(reader.GetInt64(0)) + reader.GetInt64(2);
            }
        }
        var parentIds = parents.Values.Distinct().ToList();
        // Names of the parents the user may read (a province's own parent, outside the scope, stays blank).
        var parentNames = await db.Organizations.Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var assessments = new Dictionary<long, string>();
        if (AssessmentHeader is not null)
        {
            var assessmentIds = items.Where(i => i.Assessment is not null).Select(i => i.Assessment!.Value).ToList();
            foreach (var a in await db.OrganizationAssessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id))
                         .Select(a => new { a.Id, a.Status, a.Overrides }).ToListAsync(ct))
            {
                assessments[a.Id] = Measure == "Overrides"
                    ? string.Join("; ", a.Overrides.Select(o => $"{o.Reason} ({o.By}, {VietnamTime.FormatDate(o.At)})"))
                    : StatusName(a.Status);
            }
        }
        return items.Where(i => orgs.ContainsKey(i.Organization)).Select(i =>
        {
            var o = orgs[i.Organization];
            var assessment = AssessmentHeader is null ? null
                : i.Assessment is { } aid ? assessments.GetValueOrDefault(aid) : "Chưa lập danh sách đánh giá";
            return new Row(o.Id, o.Code, o.Name, o.Kind, parents.TryGetValue(o.Id, out var p) ? parentNames.GetValueOrDefault(p) : null,
                o.EstablishedOn, counts.GetValueOrDefault(o.Id), assessment);
        }).ToList();
    }

    public static string StatusName(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Đang nhập",
        AssessmentStatus.Submitted => "Đã trình, chờ phê duyệt",
        _ => "Đã phê duyệt",
    };

    /// <summary>Reads the organizations behind the number into the items; false when the organization is outside
    /// scope or not a row of its report (404) or the input is wrong (model state).</summary>
    private async Task<bool> PrepareAsync(ReportRequest request, string? measure, bool own, long? row, CancellationToken ct)
    {
        Report = request;
        Own = own;
        Measure = measure ?? "";
        if (request.OrganizationId is not { } organizationId || (Organization = await statistics.RootAsync(organizationId, ct)) is null)
            return false;
        if (request.Dates(VietnamTime.Today(clock), ModelState) is not { } dates)
            return false;
        var parameters = new List<NpgsqlParameter> { new("root", Organization.Id) };
        string sql, rowsSql;
        if (request.Form == ReportForm.OrganizationsByKind && Measure.StartsWith("k:", StringComparison.Ordinal)
            && Enum.TryParse<OrganizationKind>(Measure[2..], out var kind) && Enum.IsDefined(kind) && !Measure[2..].Any(char.IsDigit))
        {
            Date = dates.To;
            parameters.Add(new("date", Date));
            parameters.Add(new("kind", kind.ToString()));
            MeasureName = kind.DisplayName();
            DateText = "Tại ngày " + Core.Common.DateText.Format(Date);
            var ctes = await statistics.StandingCtesAsync(Date, ct);
            sql = $"""with {ctes} select id, null::bigint, row_id from standing where kind = @kind""";
            rowsSql = $"""with {ctes} select distinct row_id from rows_at""";
        }
        else if (request.Form == ReportForm.AssessmentResults && AssessmentReportQuery.OrganizationMeasures.Contains(Measure))
        {
            var year = dates.To.Year;
            Date = dates.To;
            parameters.AddRange([new("path", Organization.Path), new("year", year), new("measure", Measure)]);
            MeasureName = AssessmentReportQuery.OrganizationMeasureName(Measure);
            DateText = Measure == "Overrides" ? $"Năm {year}, các tổ chức đã được phê duyệt kết quả"
                : AssessmentReportQuery.IsOrganizationRating(Measure) ? $"Năm {year}, các tổ chức được cấp trên xếp loại (kết quả đã được phê duyệt)"
                : $"Năm {year}, các tổ chức thuộc đợt đánh giá của năm";
            sql = AssessmentReportQuery.OrganizationsSql;
            rowsSql = "select o.id from organizations o where o.parent_id = @root";
        }
        else
        {
            ModelState.AddModelError("", "Không rõ số liệu cần xem danh sách.");
            return false;
        }
        // A row of this report: an organization it shows as a row (the subtree as it stood may place it elsewhere now).
        if (row is { } rowId && !own)
        {
            var ok = false;
            await ReadAsync($"select 1 from ({rowsSql}) r(id) where r.id = @row and r.id <> @root", parameters.Append(new("row", rowId)),
                _ => ok = true, ct);
            if (!ok)
                return false;
            RowName = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == rowId).Select(o => o.Name).SingleAsync(ct);
        }
        long? only = own ? Organization.Id : RowName is not null ? row : null;
        var items = new List<(long, long?)>();
        await ReadAsync(sql, parameters, r =>
        {
            if (only is null || r.GetInt64(2) == only)
                items.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1)));
        }, ct);
        _items = items;
        Total = items.Count;
        var ids = items.Select(i => i.Item1).Distinct().ToList();
        // Read through the scope filter: the names of the organizations the user may see (the others are counted only).
        _names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return true;
    }

    private async Task ReadAsync(string sql, IEnumerable<NpgsqlParameter> parameters, Action<System.Data.Common.DbDataReader> read, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            cmd.Parameters.Add(p.Clone());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            read(reader);
    }
}
