using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members.Transfers;

/// <summary>The sending side issues a transfer; the member stays counted here until the receiver confirms.</summary>
public sealed class IssueModel(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock, TransferQueries transfers)
    : MemberChangePage(db, currentUser, audit, rules, clock)
{
    [BindProperty]
    public TransferKind Kind { get; set; }

    [BindProperty]
    public string? ToCode { get; set; }

    [BindProperty]
    public string? IssuedOn { get; set; }

    [BindProperty]
    public string? TemporaryUntil { get; set; }

    [BindProperty, StoredIn<Transfer>(nameof(Transfer.LetterNumber), "Số giấy giới thiệu")]
    public string? LetterNumber { get; set; }

    [BindProperty, StoredIn<Transfer>(nameof(Transfer.Reason), "Lý do")]
    public string? Reason { get; set; }

    /// <summary>The day the member's work or residence changed (optional): the transfer must start within the rule's
    /// working days of it.</summary>
    [BindProperty]
    public string? ChangedOn { get; set; }

    public string DeadlineRule { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        IssuedOn = DateText.Format(Today);
        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        Describe();
        var issued = ReadDate(IssuedOn, nameof(IssuedOn), "ngày chuyển");
        DateOnly? until = null;
        if (Kind == TransferKind.Temporary)
        {
            var parsed = DateText.Parse(TemporaryUntil, "ngày kết thúc sinh hoạt tạm thời");
            if (parsed.IsSuccess)
                until = parsed.Value;
            else
                ModelState.AddModelError(nameof(TemporaryUntil), parsed.Error!.Message);
        }
        DateOnly? changed = null;
        if (!string.IsNullOrWhiteSpace(ChangedOn))
            changed = ReadDate(ChangedOn, nameof(ChangedOn), "ngày thay đổi nơi làm việc, cư trú");
        var receiver = await transfers.DirectoryAsync(ToCode, ct);
        if (receiver is null)
            ModelState.AddModelError(nameof(ToCode), $"Không có tổ chức đảng mang mã \"{ToCode}\".");
        else if (receiver.IsDissolved)
            ModelState.AddModelError(nameof(ToCode), $"{receiver.Name} đã giải thể.");
        else if (!receiver.Kind.HoldsMembers())
            ModelState.AddModelError(nameof(ToCode), TransferErrors.ReceiverNotCell.Message);
        if (await Db.Transfers.IgnoreQueryFilters().AnyAsync(t => t.MemberId == id && t.Status == TransferStatus.InTransit, ct))
            ModelState.AddModelError("", TransferErrors.AlreadyInTransit.Message);
        if (issued is null || receiver is null || !ModelState.IsValid)
            return Page();

        Transfer? issuedTransfer = null;
        if (!Check(() =>
            {
                var transfer = Member.IssueTransfer(Kind, receiver.Id, issued.Value, until, LetterNumber, Reason, Context, changed);
                issuedTransfer = transfer.Value;
                return transfer.IsSuccess ? Result.Ok() : Result.Fail(transfer.Error!);
            }))
            return Page();
        Db.Transfers.Add(issuedTransfer!);
        await SaveAsync($"Chuyển sinh hoạt đảng {Transfer.DisplayName(Kind).ToLowerInvariant()} đến {receiver.Name}", ct);
        TempData["Success"] = $"Đã chuyển sinh hoạt đảng của {Member.FullName} đến {receiver.Name}; " +
            $"hạn xuất trình giấy giới thiệu: {DateText.Format(issuedTransfer!.PresentBy)}. " +
            "Đảng viên vẫn thuộc chi bộ cũ cho đến khi nơi nhận xác nhận." + (Member.LastWarning is { } warning ? $" Lưu ý: {warning}" : "");
        return Redirect("/Members/Transfers");
    }

    private void Describe()
    {
        var rule = Context.Rules.Get(RuleKey.TransferPermanentPresentWithinWorkingDays, Today);
        DeadlineRule = $"Giấy giới thiệu phải được xuất trình cho nơi nhận trong {rule.AsInt()} ngày làm việc kể từ ngày chuyển. {rule.Citation}";
    }
}
