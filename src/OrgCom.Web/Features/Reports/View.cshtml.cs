using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Features.Reports;

/// <summary>
/// A report form for a chosen organization (within scope) and a period or date: the children's rows with their subtree
/// totals, a totals row, a chart; each row goes down a level, each number lists the members behind it; print, Excel,
/// and freezing at the reporting date.
/// </summary>
public sealed class ViewModel(OrgComDbContext db, StatisticsQueries statistics, CurrentUser currentUser, AuditRecorder audit,
    Infrastructure.Rules.RuleBookProvider rules, AssessmentResultsForm assessments, TimeProvider clock) : PageModel
{
    public ReportRequest Report { get; private set; } = new();
    public ReportTable? Table { get; private set; }
    public List<(long Id, string Name)> Breadcrumb { get; } = [];
    public List<FrozenReportListItem> Frozen { get; private set; } = [];
    public bool CanFreeze { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ReportRequest request, CancellationToken ct)
    {
        Report = request;
        if (await ComputeAsync(ct) is { } failure)
            return failure;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync([FromQuery] ReportRequest request, CancellationToken ct)
    {
        Report = request;
        if (await ComputeAsync(ct) is { } failure)
            return failure;
        if (Table is null)
            return Page();
        return ReportExcel.Result(Table, VietnamTime.Today(clock));
    }

    /// <summary>Freezes the report as computed now ("chốt số liệu"): stored with who and when, audited.</summary>
    public async Task<IActionResult> OnPostFreezeAsync([FromQuery] ReportRequest request, CancellationToken ct)
    {
        // What is frozen must be exactly what was shown: the organization and the dates come with the form, never by default.
        if (request.OrganizationId is null || (request.IsYear ? request.Year is null : string.IsNullOrWhiteSpace(request.To)))
            return BadRequest();
        Report = request;
        if (await ComputeAsync(ct) is { } failure)
            return failure;
        if (!ModelState.IsValid)
        {
            // A value that did not bind (Form=Bogus) must not freeze the default report in its place.
            Table = null;
            return Page();
        }
        if (Table is null)
            return Page();
        if (!CanFreeze)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (Note is { Length: > 500 })
        {
            ModelState.AddModelError(nameof(Note), $"Ghi chú dài tối đa 500 ký tự (đã nhập {Note.Length}).");
            return Page();
        }
        if (Table.Rows.Count == 0)
        {
            ModelState.AddModelError("", "Báo cáo chưa có số liệu nên không chốt được.");
            return Page();
        }
        // Numbers are frozen at a reporting date that has come (a year's assessment results once the year's rounds run).
        var today = VietnamTime.Today(clock);
        if (!Report.IsYear && Table.To > today)
        {
            ModelState.AddModelError(nameof(ReportRequest.To), $"Chưa chốt được số liệu tại ngày {Core.Common.DateText.Format(Table.To)}: "
                + $"ngày báo cáo chưa đến (hôm nay là {Core.Common.DateText.Format(today)}).");
            return Page();
        }
        var frozen = FrozenReport.Freeze(Table, Report.Parameters, clock.GetUtcNow(), currentUser.UserName, Note);
        db.FrozenReports.Add(frozen);
        audit.Reason = $"Chốt số liệu {Table.Title.ToLowerInvariant()} — {Table.OrganizationName}, {Table.PeriodText.ToLowerInvariant()}";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã chốt số liệu báo cáo ({Table.PeriodText.ToLowerInvariant()}).";
        return Redirect($"/Reports/Frozen/{frozen.Id}");
    }

    /// <summary>Loads the organization within scope (404 otherwise) and computes the table; null when the page should
    /// render (with errors in the model state when the input was wrong).</summary>
    private async Task<IActionResult?> ComputeAsync(CancellationToken ct)
    {
        var organizationId = Report.OrganizationId ?? currentUser.Grants.FirstOrDefault()?.OrganizationId;
        if (organizationId is null)
            return NotFound();
        Report.OrganizationId = organizationId;
        var root = await statistics.RootAsync(organizationId.Value, ct);
        if (root is null)
            return NotFound();
        CanFreeze = currentUser.Can(Permission.Write, new Microsoft.EntityFrameworkCore.LTree(root.Path));
        var ancestors = root.Path.Split('.').Select(long.Parse).ToArray();
        var names = await db.Organizations.Where(o => ancestors.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Breadcrumb.AddRange(ancestors.Where(names.ContainsKey).Select(id => (id, names[id])));
        Frozen = await db.FrozenReports.Where(f => f.OrganizationId == root.Id && f.FormKind == Report.Form)
            .OrderByDescending(f => f.FrozenAt).Take(20)
            .Select(f => new FrozenReportListItem(f.Id, f.OrganizationId, f.Form, f.PeriodFrom, f.ReportDate, f.FrozenAt, f.FrozenBy))
            .ToListAsync(ct);

        if (Report.Dates(VietnamTime.Today(clock), ModelState) is not { } dates)
            return null;
        DimensionBands? bands = null;
        if (Report.Form == ReportForm.MembersAtDate && (bands = DimensionBands.At((await rules.GetAsync(ct)).Rules, dates.To)) is null)
        {
            ModelState.AddModelError("", DimensionBands.Missing(dates.To));
            return null;
        }
        try
        {
            Table = Report.Form switch
            {
                ReportForm.IncreaseDecrease => await statistics.IncreaseDecreaseAsync(root, dates.From!.Value, dates.To, Report.Reconcile, ct),
                ReportForm.MembersAtDate => await statistics.MembersAtDateAsync(root, dates.To, Report.Dimension, bands!, ct),
                ReportForm.OrganizationsByKind => await statistics.OrganizationsByKindAsync(root, dates.To, ct),
                _ => await assessments.RunAsync(root, dates.To.Year, ct),
            };
        }
        catch (Exception e) when (!ct.IsCancellationRequested && StatementTimeout.Is(e))
        {
            // A report that runs out of time says so (and changes nothing) instead of an error page.
            Table = null;
            ModelState.AddModelError("", StatementTimeout.ReportMessage);
        }
        return null;
    }
}
