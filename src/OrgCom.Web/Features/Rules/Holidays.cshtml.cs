using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Calendar;
using OrgCom.Core.Common;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Rules;

/// <summary>
/// The public-sector holiday calendar by year, and the changes a central administrator may make to it: add a day off
/// (or a weekend day worked by swap) not yet passed, remove one not yet passed (<see cref="CalendarAmendments"/>).
/// Each change is audited with its source as the reason and counted in working-day deadlines at once.
/// </summary>
[RequirePermission(Permission.Administer, Central = true)]
public sealed class HolidaysModel(OrgComDbContext db, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public WorkingCalendar Calendar { get; private set; } = new([]);
    public List<IGrouping<int, PublicHoliday>> Years { get; private set; } = [];

    [BindProperty]
    public DayInput Input { get; set; } = new();

    public sealed class DayInput
    {
        public string? Date { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; } = nameof(PublicHolidayKind.Holiday);
        public string? Source { get; set; }
        public bool IsProvisional { get; set; }
    }

    // Every change names its handler; a POST naming none finds nothing to do.
    public IActionResult OnPost() => NotFound();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var date = DateText.Parse(Input.Date, "ngày nghỉ");
        if (!date.IsSuccess)
            return Refuse("Input.Date", date.Error!.Message);
        if (!Enum.TryParse<PublicHolidayKind>(Input.Kind, out var kind) || !Enum.IsDefined(kind))
            return Refuse("Input.Kind", "Chưa chọn loại ngày.");
        var added = CalendarAmendments.Add(Calendar, new PublicHolidayDraft(date.Value, Input.Name, kind, Input.Source, Input.IsProvisional), Today);
        if (!added.IsSuccess)
            return Refuse(FieldOf(added.Error!), added.Error!.Message);

        var day = added.Value!;
        db.PublicHolidays.Add(HolidayRecord.From(day));
        audit.Reason = day.Source;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Added by another administrator between the check and the save.
            db.ChangeTracker.Clear();
            var existing = await db.PublicHolidays.AsNoTracking().SingleAsync(h => h.Date == day.Date, ct);
            return Refuse("Input.Date", CalendarAmendments.Duplicate(existing.ToHoliday()).Message);
        }
        rules.Invalidate();
        TempData["Success"] = $"Đã thêm ngày {DateText.Format(day.Date)} ({day.Name}, {day.Kind.DisplayName().ToLowerInvariant()}) vào lịch nghỉ; "
            + "các thời hạn theo ngày làm việc được tính theo lịch mới.";
        return Redirect("/Rules/Holidays");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? date, CancellationToken ct)
    {
        await LoadAsync(ct);
        var day = DateText.Parse(date, "ngày cần xóa");
        if (!day.IsSuccess)
            return Refuse("", day.Error!.Message);
        var removed = CalendarAmendments.Remove(Calendar, day.Value, Today);
        if (!removed.IsSuccess)
            return Refuse("", removed.Error!.Message);

        var record = await db.PublicHolidays.SingleOrDefaultAsync(h => h.Date == day.Value, ct);
        if (record is null)
            return Refuse("", $"Ngày {DateText.Format(day.Value)} không có trong lịch nghỉ.");
        db.PublicHolidays.Remove(record);
        audit.Reason = $"Xóa khỏi lịch nghỉ ngày chưa đến ({record.Name})";
        await db.SaveChangesAsync(ct);
        rules.Invalidate();
        TempData["Success"] = $"Đã xóa ngày {DateText.Format(day.Value)} ({record.Name}) khỏi lịch nghỉ.";
        return Redirect("/Rules/Holidays");
    }

    /// <summary>Reads the calendar from the database, not the cache, so the page shows what the last change left.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        var records = await db.PublicHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);
        Calendar = new WorkingCalendar(records.Select(r => r.ToHoliday()));
        Years = Calendar.Holidays.GroupBy(h => h.Date.Year).OrderByDescending(g => g.Key).ToList();
    }

    private PageResult Refuse(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return Page();
    }

    private static string FieldOf(Error error) => error.Code switch
    {
        var c when c.StartsWith("holiday.name", StringComparison.Ordinal) => "Input.Name",
        var c when c.StartsWith("holiday.source", StringComparison.Ordinal) => "Input.Source",
        var c when c.StartsWith("holiday.kind", StringComparison.Ordinal) => "Input.Kind",
        _ => "Input.Date",
    };
}
