using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Rules;

/// <summary>
/// The versions of one rule and the changes a central administrator may make to them: add a version from today on
/// (the version it takes over from ends the day before), correct or withdraw a version not yet in force. The rules
/// of these changes are <see cref="RuleAmendments"/>; each change runs in a transaction that locks the rule's rows,
/// so two administrators cannot leave overlapping versions, is audited with its source as the reason, and is served
/// by <see cref="RuleBookProvider"/> at once.
/// </summary>
[RequirePermission(Permission.Administer, Central = true)]
public sealed class EditModel(OrgComDbContext db, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock) : PageModel
{
    public string Key { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public List<RuleRecord> Versions { get; private set; } = [];

    /// <summary>The version being corrected, when the form corrects rather than adds.</summary>
    public RuleRecord? Correcting { get; private set; }

    public string Title => Versions.Select(v => v.Note).LastOrDefault(n => n.Length > 0) ?? Key;

    [BindProperty]
    public VersionInput Input { get; set; } = new();

    public sealed class VersionInput
    {
        public string? Value { get; set; }
        public string? EffectiveFrom { get; set; }
        public string? Source { get; set; }
        public string? Note { get; set; }
        public bool IsConfirmed { get; set; } = true;
    }

    // Every change names its handler; a POST naming none finds nothing to do.
    public IActionResult OnPost() => NotFound();

    /// <param name="version">Id of a version not yet in force, to fill the form for its correction.</param>
    public async Task<IActionResult> OnGetAsync(string key, long? version, CancellationToken ct)
    {
        if (await LoadAsync(key, version, ct) is { } stop)
            return stop;
        if (Correcting is { } c)
            Input = new VersionInput
            {
                Value = c.Value, EffectiveFrom = DateText.Format(c.EffectiveFrom), Source = c.Source, Note = c.Note, IsConfirmed = c.IsConfirmed,
            };
        else
        {
            var latest = Versions.LastOrDefault();
            Input = new VersionInput { Value = latest?.Value, EffectiveFrom = DateText.Format(Today.AddDays(1)), Note = latest?.Note };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string key, CancellationToken ct)
    {
        if (await LoadAsync(key, null, ct) is { } stop)
            return stop;
        if (ReadDraft() is not { } draft)
            return Page();
        return await ChangeAsync(versions => RuleAmendments.Add(Key, versions, draft, Today), null, (draft.Source ?? "").Trim(),
            changed => $"Đã thêm phiên bản mới của quy định {Key}: giá trị {At(changed, draft.EffectiveFrom).Value}, "
                + $"có hiệu lực từ {DateText.Format(draft.EffectiveFrom)}.{Handover(changed, draft.EffectiveFrom)}", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(string key, long version, CancellationToken ct)
    {
        if (await LoadAsync(key, version, ct) is { } stop)
            return stop;
        if (Correcting is not { } corrected)
            return NotFound();
        if (ReadDraft() is not { } draft)
            return Page();
        var from = corrected.EffectiveFrom;
        return await ChangeAsync(versions => RuleAmendments.Correct(Key, versions, from, draft, Today), (from, draft.EffectiveFrom),
            $"Sửa phiên bản chưa có hiệu lực theo {(draft.Source ?? "").Trim()}",
            changed => $"Đã sửa phiên bản của quy định {Key}: giá trị {At(changed, draft.EffectiveFrom).Value}, "
                + $"có hiệu lực từ {DateText.Format(draft.EffectiveFrom)}.{Handover(changed, draft.EffectiveFrom)}", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string key, long version, CancellationToken ct)
    {
        if (await LoadAsync(key, null, ct) is { } stop)
            return stop;
        if (Versions.SingleOrDefault(v => v.Id == version) is not { } withdrawn)
            return NotFound();
        var from = withdrawn.EffectiveFrom;
        return await ChangeAsync(versions => RuleAmendments.Withdraw(Key, versions, from, Today), null,
            $"Rút phiên bản chưa có hiệu lực (từ {DateText.Format(from)})",
            _ => $"Đã rút phiên bản có hiệu lực từ {DateText.Format(from)} của quy định {Key}; phiên bản trước đó tiếp tục áp dụng.", ct);
    }

    /// <summary>"đến hết ngày 31/12/2026" for the version a new one takes over from.</summary>
    private static string Handover(IReadOnlyList<RuleValue> versions, DateOnly from) =>
        versions.FirstOrDefault(v => v.EffectiveTo == from) is { } previous
            ? $" Phiên bản từ {DateText.Format(previous.EffectiveFrom)} áp dụng đến hết ngày {DateText.Format(from.AddDays(-1))}."
            : "";

    private static RuleValue At(IReadOnlyList<RuleValue> versions, DateOnly from) => versions.Single(v => v.EffectiveFrom == from);

    private async Task<IActionResult?> LoadAsync(string key, long? version, CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        Versions = await db.RuleValues.AsNoTracking().Where(r => r.Key == key).OrderBy(r => r.EffectiveFrom).ToListAsync(ct);
        if (Versions.Count == 0)
            return NotFound();
        Key = key;
        if (version is { } id)
        {
            Correcting = Versions.SingleOrDefault(v => v.Id == id);
            if (Correcting is null)
                return NotFound();
        }
        return null;
    }

    private RuleVersionDraft? ReadDraft()
    {
        var from = DateText.Parse(Input.EffectiveFrom, "ngày có hiệu lực");
        if (!from.IsSuccess)
        {
            ModelState.AddModelError("Input.EffectiveFrom", from.Error!.Message);
            return null;
        }
        return new RuleVersionDraft(Input.Value, from.Value, Input.Source, Input.Note, Input.IsConfirmed);
    }

    /// <summary>
    /// Locks the rule's rows, applies the change to the versions as they are now, stores the result (updating only
    /// what changed, so the audit shows each field before and after), and makes it the rules in force.
    /// </summary>
    /// <param name="moved">The start date of a corrected version, before and after: its row keeps its identity.</param>
    private async Task<IActionResult> ChangeAsync(
        Func<IReadOnlyList<RuleValue>, Result<IReadOnlyList<RuleValue>>> change, (DateOnly From, DateOnly To)? moved,
        string reason, Func<IReadOnlyList<RuleValue>, string> success, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var records = await db.RuleValues.FromSql($"select * from rule_values where key = {Key} for update").ToListAsync(ct);
            var changed = change(records.Select(r => r.ToValue()).OrderBy(v => v.EffectiveFrom).ToList());
            if (!changed.IsSuccess)
            {
                ModelState.AddModelError(FieldOf(changed.Error!), changed.Error!.Message);
                return Page();
            }
            var target = changed.Value!;
            var kept = new HashSet<DateOnly>();
            foreach (var record in records)
            {
                var from = moved is { } m && record.EffectiveFrom == m.From ? m.To : record.EffectiveFrom;
                if (target.SingleOrDefault(v => v.EffectiveFrom == from) is { } version)
                {
                    record.CopiedFrom(version);
                    kept.Add(from);
                }
                else
                    db.RuleValues.Remove(record);
            }
            db.RuleValues.AddRange(target.Where(v => !kept.Contains(v.EffectiveFrom)).Select(RuleRecord.From));
            audit.Reason = reason;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            TempData["Success"] = success(target);
        }
        rules.Invalidate();
        return Redirect($"/Rules/Edit/{Uri.EscapeDataString(Key)}");
    }

    private static string FieldOf(Error error) => error.Code switch
    {
        var c when c.StartsWith("rule.value", StringComparison.Ordinal) => "Input.Value",
        var c when c.StartsWith("rule.source", StringComparison.Ordinal) => "Input.Source",
        var c when c.StartsWith("rule.note", StringComparison.Ordinal) => "Input.Note",
        "rule.past" or "rule.duplicate" => "Input.EffectiveFrom",
        _ => "",
    };
}
