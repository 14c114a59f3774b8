using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;

namespace OrgCom.Web.Features.Reports;

/// <summary>A frozen report exactly as it was computed when frozen, with when and by whom; print and Excel.</summary>
public sealed class FrozenModel(OrgComDbContext db, TimeProvider clock) : PageModel
{
    public FrozenReport Report { get; private set; } = null!;
    public ReportTable Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.FrozenReports.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) is not { } report)
            return NotFound();
        Report = report;
        Table = report.Table;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(long id, CancellationToken ct)
    {
        if (await db.FrozenReports.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) is not { } report)
            return NotFound();
        return ReportExcel.Result(report.Table, VietnamTime.Today(clock));
    }
}
