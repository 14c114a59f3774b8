using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Audit;

/// <summary>Search of the audit log (newest first, 50 a page) with the state of the hash chain.</summary>
[RequirePermission(Permission.Administer)]
public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    private readonly AuditQueries _queries = new(db, currentUser);

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "userId")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "org")]
    public string? OrganizationCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityType")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public List<AuditLine> Lines { get; private set; } = [];
    public AuditCursor? Next { get; private set; }
    public AuditChainStatus Chain { get; private set; } = new(0, 0, null);
    public TimeSpan? OldestUnsealedAge { get; private set; }
    public AuditVerification? Verification { get; private set; }
    public bool CanVerify => _queries.AdministersRoot;
    public List<string> EntityTypes { get; private set; } = [];
    public bool IsFiltered => new[] { UserName, UserId, OrganizationCode, ActionName, EntityType, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));

    public static IReadOnlyList<AuditAction> Actions { get; } = Enum.GetValues<AuditAction>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChainAsync(ct);
        if (await ReadFilterAsync(ct) is not { } filter)
            return;
        AuditCursor? after = null;
        if (!string.IsNullOrEmpty(After))
        {
            after = AuditCursor.Parse(After);
            if (after is null)
            {
                ModelState.AddModelError("after", "Liên kết trang không hợp lệ; hãy bắt đầu lại từ trang đầu.");
                return;
            }
        }
        var page = await _queries.SearchAsync(filter, after, ct);
        Lines = page.Lines;
        Next = page.Next;
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!CanVerify)
            return StatusCode(StatusCodes.Status403Forbidden);
        Verification = await _queries.VerifyAsync(ct);
        await OnGetAsync(ct);
        return Page();
    }

    public string PageUrl(AuditCursor? after, bool keepUserId = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["user"] = UserName, ["userId"] = keepUserId ? UserId : null, ["org"] = OrganizationCode, ["action"] = ActionName,
            ["entityType"] = EntityType, ["from"] = From, ["to"] = To, ["after"] = after?.ToString(),
        };
        return QueryHelpers.AddQueryString("/Audit", query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)age.TotalSeconds)} giây",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} phút",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} giờ {age.Minutes} phút",
        _ => $"{(int)age.TotalDays} ngày",
    };

    private async Task LoadChainAsync(CancellationToken ct)
    {
        Chain = await _queries.ChainStatusAsync(ct);
        OldestUnsealedAge = clock.GetUtcNow() - Chain.OldestUnsealedAt;
        EntityTypes = _queries.EntityTypes();
    }

    /// <summary>Turns the text of the filter form into a filter, or adds Vietnamese errors and returns null.</summary>
    private async Task<AuditFilter?> ReadFilterAsync(CancellationToken ct)
    {
        Guid? userId = null;
        if (!string.IsNullOrWhiteSpace(UserId))
        {
            if (Guid.TryParse(UserId, out var id))
                userId = id;
            else
                ModelState.AddModelError("userId", $"Mã tài khoản \"{UserId.Trim()}\" không hợp lệ.");
        }

        LTree? subtree = null;
        if (!string.IsNullOrWhiteSpace(OrganizationCode))
        {
            var found = await _queries.SubtreeAsync(OrganizationCode, ct);
            if (found.IsSuccess)
                subtree = found.Value;
            else
                ModelState.AddModelError("org", found.Error!.Message);
        }

        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(ActionName))
        {
            if (Enum.TryParse<AuditAction>(ActionName, ignoreCase: true, out var a) && Enum.IsDefined(a))
                action = a;
            else
                ModelState.AddModelError("action", $"Hành động \"{ActionName.Trim()}\" không có trong nhật ký; hãy chọn Thêm, Sửa, Xóa hoặc Xem.");
        }

        var from = ReadDate(From, "from", "ngày bắt đầu");
        var to = ReadDate(To, "to", "ngày kết thúc");
        if (from is { } f && to is { } t && f > t)
            ModelState.AddModelError("to", $"Ngày kết thúc {DateText.Format(t)} trước ngày bắt đầu {DateText.Format(f)}.");

        if (!ModelState.IsValid)
            return null;
        return new AuditFilter(
            UserName?.Trim(), userId, subtree, action, EntityType?.Trim(),
            from is { } start ? VietnamTime.StartOfDay(start) : null,
            to is { } end ? VietnamTime.StartOfDay(end.AddDays(1)) : null);
    }

    private DateOnly? ReadDate(string? text, string key, string fieldName)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var date = DateText.Parse(text, fieldName);
        if (date.IsSuccess)
            return date.Value;
        ModelState.AddModelError(key, date.Error!.Message);
        return null;
    }
}
