using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members.Transfers;

/// <summary>
/// The transfer worklist of the user's subtrees: outgoing (the member is in transit, still counted here) and incoming
/// (waiting for this side to confirm), with overdue ones flagged against the rule's time limit. The receiver confirms
/// here; the sender may cancel a transfer not yet received.
/// </summary>
public sealed class IndexModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock, TransferQueries queries)
    : PageModel
{
    public List<TransferRow> Outgoing { get; private set; } = [];
    public List<TransferRow> Incoming { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string DeadlineRule { get; private set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty, StoredIn<MemberEvent>(nameof(MemberEvent.Detail), "Lý do hủy")]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnPostReceiveAsync(long transferId, CancellationToken ct)
    {
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == transferId, ct);
        if (transfer is null)
            return NotFound();
        if (!await queries.CanWriteAtAsync(transfer.ToOrganizationId, ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        var date = DateText.Parse(Date, "ngày tiếp nhận");
        if (!date.IsSuccess || date.Value > VietnamTime.Today(clock))
            return await FailAsync(date.IsSuccess ? $"Ngày tiếp nhận {DateText.Format(date.Value)} sau ngày hôm nay." : date.Error!.Message, ct);

        // The receiver acts on a member it cannot see yet: the transfer it was sent is the authority, and the save
        // guard accepts the move only together with this transfer's receipt.
        var member = await db.Members.IgnoreQueryFilters().Include(m => m.Events).SingleAsync(m => m.Id == transfer.MemberId, ct);
        var context = await rules.ContextAsync(currentUser.UserName, ct);
        var received = member.ReceiveTransfer(transfer, date.Value, context);
        if (!received.IsSuccess)
            return await FailAsync(received.Error!.Message, ct);
        audit.Reason = $"Tiếp nhận sinh hoạt đảng{(transfer.LetterNumber is null ? "" : $" theo giấy giới thiệu {transfer.LetterNumber}")}";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã tiếp nhận sinh hoạt đảng của {transfer.MemberName}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(long transferId, CancellationToken ct)
    {
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == transferId, ct);
        if (transfer is null)
            return NotFound();
        if (!await queries.CanWriteAtAsync(transfer.FromOrganizationId, ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        var member = await db.Members.Include(m => m.Events).SingleOrDefaultAsync(m => m.Id == transfer.MemberId, ct);
        if (member is null)
            return NotFound();
        if (!FormLengths.Check(this, ModelState, db.Model))
        {
            await LoadAsync(ct);
            return Page();
        }
        var context = await rules.ContextAsync(currentUser.UserName, ct);
        var cancelled = member.CancelTransfer(transfer, VietnamTime.Today(clock), Reason ?? "", context);
        if (!cancelled.IsSuccess)
            return await FailAsync(cancelled.Error!.Message, ct);
        audit.Reason = $"Hủy chuyển sinh hoạt đảng: {Reason}";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã hủy giấy chuyển sinh hoạt của {transfer.MemberName}.";
        return RedirectToPage();
    }

    /// <summary>Ends a received temporary transfer: the sender, who counted the member throughout, records the return.</summary>
    public async Task<IActionResult> OnPostEndAsync(long transferId, CancellationToken ct)
    {
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == transferId, ct);
        if (transfer is null)
            return NotFound();
        if (!await queries.CanWriteAtAsync(transfer.FromOrganizationId, ct))
            return StatusCode(StatusCodes.Status403Forbidden);
        var date = DateText.Parse(Date, "ngày kết thúc");
        if (!date.IsSuccess || date.Value > VietnamTime.Today(clock))
            return await FailAsync(date.IsSuccess ? $"Ngày kết thúc {DateText.Format(date.Value)} sau ngày hôm nay." : date.Error!.Message, ct);
        var member = await db.Members.Include(m => m.Events).SingleOrDefaultAsync(m => m.Id == transfer.MemberId, ct);
        if (member is null)
            return NotFound();
        var context = await rules.ContextAsync(currentUser.UserName, ct);
        var ended = member.EndTemporaryTransfer(transfer, date.Value, context);
        if (!ended.IsSuccess)
            return await FailAsync(ended.Error!.Message, ct);
        audit.Reason = "Kết thúc sinh hoạt đảng tạm thời";
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Đã kết thúc sinh hoạt tạm thời của {transfer.MemberName}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        Date ??= DateText.Format(Today);
        var status = All ? (TransferStatus?)null : TransferStatus.InTransit;
        Outgoing = await queries.ListAsync(outgoing: true, status, ct);
        Incoming = await queries.ListAsync(outgoing: false, status, ct);
        var (book, _) = await rules.GetAsync(ct);
        var rule = book.Get(RuleKey.TransferPermanentPresentWithinWorkingDays, Today);
        DeadlineRule = $"Hạn xuất trình giấy giới thiệu: {rule.AsInt()} ngày làm việc kể từ ngày chuyển. {rule.Citation}";
    }
}
