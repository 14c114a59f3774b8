using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using Col = OrgCom.Web.Infrastructure.Export.XlsxColumn<OrgCom.Web.Features.Reports.MembersModel.Row>;

namespace OrgCom.Web.Features.Reports;

/// <summary>
/// Drill-down: the members behind one number of a report — a count at a date (through <see cref="MembershipAtDate"/>),
/// a flow of the period (the flows stored on the events, <c>member_events.counted_flow</c>), a category of a breakdown — for a row's
/// subtree, or the chosen organization's own members. A page of 50 in the list order, and the whole list in Excel (up to
/// <see cref="MaxExportRows"/>, audited like the member search's export).
/// Members are read through the scope filter: one who has since moved outside the user's scope is counted, not shown.
/// </summary>
public sealed class MembersModel(OrgComDbContext db, StatisticsQueries statistics, CurrentUser currentUser, AuditRecorder audit,
    IConfiguration configuration, Infrastructure.Rules.RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The most rows one Excel file of a drill-down holds (as the member search's export); the setting
    /// <c>OrgCom:ReportMembersMaxExportRows</c> may lower it.</summary>
    public int MaxExportRows => configuration.GetValue("OrgCom:ReportMembersMaxExportRows", Members.SearchModel.MaxExportRows);

    public sealed record Row(long Id, string FullName, DateOnly BirthDate, bool BirthYearOnly, Gender Gender, string OrganizationName, MemberStatus Status);

    public ReportRequest Report { get; private set; } = new();
    public ReportRoot? Organization { get; private set; }
    public string Measure { get; private set; } = "";
    public string MeasureName { get; private set; } = "";
    public string DateText { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Visible { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public bool Own { get; private set; }

    /// <summary>The row of the organization's report whose number is listed (reorganization columns), or null.</summary>
    public string? RowName { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ReportRequest request, [FromQuery] string? measure, [FromQuery] bool own,
        [FromQuery] long? row, [FromQuery(Name = "p")] int page, CancellationToken ct)
    {
        if (await PrepareAsync(request, measure, own, row, ct) is not { } ids)
            return ModelState.IsValid ? NotFound() : Page();
        // The statement behind the number runs once; the count shown and the page read the scoped members by these ids.
        if (await RunAsync(ids, ct) is not { } all)
            return Page();
        Total = all.Count;
        var members = Query(all);
        Visible = await members.CountAsync(ct);
        // Any page number is brought within the pages there are (a huge one would overflow the offset).
        PageNumber = Math.Clamp(page, 1, Math.Max(1, (Visible + PageSize - 1) / PageSize));
        Rows = await members.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync([FromQuery] ReportRequest request, [FromQuery] string? measure, [FromQuery] bool own,
        [FromQuery] long? row, CancellationToken ct)
    {
        if (await PrepareAsync(request, measure, own, row, ct) is not { } ids)
            return ModelState.IsValid ? NotFound() : Page();
        if (await RunAsync(ids, ct) is not { } all)
            return Page();
        if (all.Count > MaxExportRows)
        {
            ModelState.AddModelError("", $"Danh sách có {ReportRequest.Number(all.Count)} đảng viên, nhiều hơn {ReportRequest.Number(MaxExportRows)} "
                + "dòng một tệp Excel được phép. Hãy xem danh sách của từng đơn vị cấp dưới.");
            return Page();
        }
        // An export takes personal data out of the system: it is logged like opening a dossier (as the member search's).
        var entry = audit.View(currentUser, "members", "export", Organization!.Id);
        entry.Reason = $"Xuất Excel danh sách đảng viên theo báo cáo: {MeasureName} — {RowName ?? Organization.Name}{(Own ? " (trực tiếp)" : "")}"
            + (RowName is null ? ", " : $" (báo cáo của {Organization.Name}), ")
            + DateText.ToLowerInvariant();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        var report = new XlsxReport<Row>(
        [
            Col.RowNumber(),
            Col.Text("Họ và tên", r => r.FullName, width: 28),
            Col.Date("Ngày sinh", r => r.BirthYearOnly ? null : r.BirthDate),
            Col.Integer("Năm sinh", r => r.BirthDate.Year, width: 9),
            Col.Text("Giới tính", r => r.Gender.DisplayName(), width: 9),
            Col.Text("Chi bộ", r => r.OrganizationName, width: 36),
            Col.Text("Trạng thái hiện nay", r => r.Status.DisplayName(), width: 16),
        ])
        {
            SheetName = "Danh sách đảng viên",
            TitleLines =
            [
                "DANH SÁCH ĐẢNG VIÊN — " + MeasureName.ToUpperInvariant(),
                "Đơn vị: " + (RowName ?? Organization!.Name) + (Own ? " (trực tiếp)" : "") + (RowName is null ? "" : $" (báo cáo của {Organization!.Name})"),
                DateText,
                XlsxReport<Row>.ExportedOnLine(VietnamTime.Today(clock)),
            ],
        };
        return XlsxResult.Create(report, Query(all).AsAsyncEnumerable(), $"Danh sách đảng viên {MeasureName}.xlsx");
    }

    /// <summary>Runs the statement behind the number with the reports' time limit (<see cref="StatisticsQueries.TimeoutSeconds"/>);
    /// null, with a Vietnamese message on the page, when it runs out of time.</summary>
    private async Task<List<long>?> RunAsync(IQueryable<long> ids, CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(statistics.TimeoutSeconds);
        try
        {
            return await ids.ToListAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && StatementTimeout.Is(e))
        {
            ModelState.AddModelError("", StatementTimeout.ReportMessage);
            return null;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private IQueryable<Row> Query(List<long> ids) =>
        db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.FullName, m.BirthDate, m.BirthYearOnly, m.Gender,
                db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Name).First(), m.Status));

    /// <summary>The ids of the members behind the number, as a query EF composes with the scoped member list; null
    /// when the organization is outside scope (404) or the input is wrong (model state). <paramref name="row"/>: a row
    /// of the organization's report (the reorganization columns are listed within the report that shows them, since a row
    /// that stands elsewhere now is not its own subtree then).</summary>
    private async Task<IQueryable<long>?> PrepareAsync(ReportRequest request, string? measure, bool own, long? row, CancellationToken ct)
    {
        Report = request;
        Own = own;
        Measure = measure ?? "";
        if (request.OrganizationId is not { } organizationId || (Organization = await statistics.RootAsync(organizationId, ct)) is null)
            return null;
        if (request.Dates(VietnamTime.Today(clock), ModelState) is not { } dates)
            return null;
        var (from, to) = dates;
        var parameters = new List<NpgsqlParameter> { new("root_path", Organization.Path), new("org", Organization.Id) };
        var place = own ? "at.organization_id = @org" : "true";
        string sql;
        if (request.Form == ReportForm.AssessmentResults)
        {
            // The ratings behind the assessment form's number (the same statement as its counts' source).
            if (!Assessments.AssessmentReportQuery.MemberMeasures.Contains(Measure))
            {
                ModelState.AddModelError("", "Không rõ số liệu cần xem danh sách.");
                return null;
            }
            parameters.Add(new("year", to.Year));
            parameters.Add(new("measure", Measure));
            parameters.Add(new("own", own));
            MeasureName = Assessments.AssessmentReportQuery.MeasureName(Measure);
            DateText = $"Năm {to.Year}, các tổ chức đã được phê duyệt kết quả";
            sql = Assessments.AssessmentReportQuery.MembersSql;
        }
        else if (StatisticsQueries.IsCountMeasure(Measure) && (Measure != "Opening" || from is not null))
        {
            var date = Measure == "Opening" ? from!.Value.AddDays(-1) : to;
            parameters.Add(new("date", date));
            MeasureName = Measure == "Opening" ? "Đầu kỳ" : Measure == "Closing" ? "Cuối kỳ" : "Tổng số đảng viên";
            DateText = "Tại ngày " + Core.Common.DateText.Format(date);
            sql = $"""select at.member_id as "Value" from ({MembershipAtDate.MembersSql}) at where {place}""";
        }
        else if (Measure.StartsWith("c:", StringComparison.Ordinal) && request.Form == ReportForm.MembersAtDate)
        {
            var category = Measure[2..];
            if (DimensionBands.At((await rules.GetAsync(ct)).Rules, to) is not { } bands)
            {
                ModelState.AddModelError("", DimensionBands.Missing(to));
                return null;
            }
            parameters.Add(new("date", to));
            parameters.Add(new("category", category));
            MeasureName = $"{request.Dimension.DisplayName()}: " + (request.Dimension.FixedCategories(bands)?.FirstOrDefault(c => c.Key == category)?.Header
                ?? ReportDimensions.CategoryHeader(category));
            DateText = "Tại ngày " + Core.Common.DateText.Format(to);
            sql = $"""
                select at.member_id as "Value" from ({MembershipAtDate.MembersSql}) at join members m on m.id = at.member_id
                where {place} and ({request.Dimension.Sql(bands)}) = @category
                """;
        }
        else if (request.Form == ReportForm.IncreaseDecrease && StatisticsQueries.ReorganizationColumns.FirstOrDefault(c => c.Key == Measure) is { } moved)
        {
            // The members the report's reorganization column counts (StatisticsQueries.ReorganizedCtes, the same
            // statement as the report's): in one row of the organization's report, its own row, or all its rows (the totals).
            var opening = from!.Value.AddDays(-1);
            parameters.AddRange([new("root", Organization.Id), new("from", from.Value), new("to", to), new("opening", opening)]);
            if (row is { } rowId && !own)
            {
                // A row of this report: an organization of the subtree as it stood at the opening or the closing.
                var rows = await db.Database.SqlQueryRaw<string>("""
                    select o.name as "Value" from organizations o
                    where o.id = @row and o.id <> @root
                      and (o.id in (select row_id from org_rows_as_of(@root, @opening)) or o.id in (select row_id from org_rows_as_of(@root, @to)))
                    """, new NpgsqlParameter("row", rowId), new NpgsqlParameter("root", Organization.Id), new NpgsqlParameter("opening", opening),
                    new NpgsqlParameter("to", to)).ToListAsync(ct);
                if (rows.Count == 0)
                    return null;
                RowName = rows[0];
                parameters.Add(new("row", rowId));
            }
            MeasureName = moved.Header;
            DateText = $"Từ ngày {Core.Common.DateText.Format(from.Value)} đến ngày {Core.Common.DateText.Format(to)}";
            sql = $"""
                with {StatisticsQueries.ReorganizedCtes}
                select distinct member_id as "Value" from reorganized
                where {(Measure == "ReorganizedIn" ? "n > 0" : "n < 0")}{(own ? " and row_id = @org" : RowName is not null ? " and row_id = @row" : "")}
                """;
        }
        else if (request.Form == ReportForm.IncreaseDecrease && StatisticsQueries.IncreaseDecreaseColumns.FirstOrDefault(c => c.Key == Measure) is { } column)
        {
            parameters.Add(new("flow", Measure));
            parameters.Add(new("from", from!.Value));
            parameters.Add(new("to", to));
            MeasureName = column.Header;
            DateText = $"Từ ngày {Core.Common.DateText.Format(from.Value)} đến ngày {Core.Common.DateText.Format(to)}";
            parameters.Add(new("opening", from.Value.AddDays(-1)));
            // The row's subtree as it stood in the period (MembershipAtDate); a move inside it is not counted there.
            sql = $"""
                with historic as ({MembershipAtDate.TreeChangedSinceSql("@opening")}),
                subtree as (
                    select o.id from organizations o where o.path <@ @root_path::ltree and not (select * from historic)
                    union select r.organization_id from org_rows_as_of(@org, @to) r where (select * from historic)
                    union select r.organization_id from org_rows_as_of(@org, @opening) r where (select * from historic))
                select distinct e.member_id as "Value"
                from member_events e
                cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                where x.flow = @flow and e.effective_on between @from and @to
                  and (e.organization_id in (select id from subtree) or e.other_organization_id in (select id from subtree))
                  and {(own ? "x.organization_id = @org" : """
                      x.organization_id in (select id from subtree)
                      and not (e.other_organization_id is not null
                               and e.organization_id in (select id from subtree) and e.other_organization_id in (select id from subtree))
                      """)}
                """;
        }
        else
        {
            ModelState.AddModelError("", "Không rõ số liệu cần xem danh sách.");
            return null;
        }
        return db.Database.SqlQueryRaw<long>(sql, parameters.Cast<object>().ToArray());
    }
}
