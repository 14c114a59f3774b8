using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;

namespace OrgCom.Web.Features.Members;

/// <summary>
/// What the section forms of the dossier share: load the member within scope (404 outside it), require write
/// permission at the member's organization (403), and save through the aggregate with the section as the audit
/// reason. Each form carries a <see cref="Version"/> — a hash of the section as it was when the form was opened — and
/// a save is refused when the section has changed since, so a second editor never silently overwrites the first.
/// </summary>
public abstract class DossierEditPage(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog) : PageModel
{
    public const string StaleMessage = "Lý lịch vừa được người khác sửa; hãy tải lại trang.";
    /// <summary>Defence in depth: the forms measure their fields (<see cref="FormLengths"/>) and the aggregate the parts
    /// of the name, so only a value written by neither could still be refused by a column.</summary>
    public const string TooLongMessage = "Có nội dung dài quá mức cho phép; hãy rút gọn rồi lưu lại.";

    protected OrgComDbContext Db => db;

    public Member Member { get; private set; } = null!;

    /// <summary>The name as loaded, for headings even after a refused change of the identity.</summary>
    public string MemberName { get; private set; } = "";

    /// <summary>The section as the user saw it when opening the form.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The section's name, e.g. "Trình độ"; the audit reason says which section was changed.</summary>
    public abstract string SectionTitle { get; }

    public string DossierUrl => $"/Members/Details/{Member.Id}";

    /// <summary>The section's values, from which <see cref="Version"/> is computed.</summary>
    protected abstract object SectionValues(Member member);

    /// <summary>Opens the form: the section is personal data shown to the user, so the opening is logged as a view.</summary>
    protected async Task<IActionResult?> OpenAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        Version = VersionOf(Member);
        await viewLog.RecordAsync(currentUser, "members", id.ToString(CultureInfo.InvariantCulture), Member.OrganizationId, ct);
        return null;
    }

    /// <summary>Loads the member for a change; refuses when the section changed since the form was opened, or when
    /// a field's text is longer than where it is stored (<see cref="FormLengths"/>), before the aggregate sees it.</summary>
    protected async Task<IActionResult?> LoadForChangeAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (Version != VersionOf(Member))
            return Refuse(StaleMessage);
        return FormLengths.Check(this, ModelState, db.Model) ? null : Page();
    }

    protected async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
            return NotFound();
        var path = await db.Organizations.Where(o => o.Id == member.OrganizationId)
            .Select(o => EF.Property<LTree>(o, OrgComDbContext.PathProperty)).SingleAsync(ct);
        if (!currentUser.Can(Permission.Write, path))
            return StatusCode(StatusCodes.Status403Forbidden);
        Member = member;
        MemberName = member.FullName;
        return null;
    }

    /// <summary>Shows the aggregate's Vietnamese message when it refused the change.</summary>
    protected bool Check(Result result)
    {
        if (!result.IsSuccess)
            ModelState.AddModelError("", result.Error!.Message);
        return result.IsSuccess;
    }

    protected IActionResult Refuse(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }

    /// <summary>
    /// Saves the change with the section as its audit reason. The member's row is locked and the section re-read as
    /// committed, so a save by someone else between this request's load and its save is refused too; a unique value
    /// (CCCD, party card) taken by another user in that moment is caught from the database's unique index.
    /// </summary>
    protected Task<IActionResult> SaveAsync(CancellationToken ct) =>
        SaveAsync($"Cập nhật lý lịch: {SectionTitle}", $"Đã lưu phần {SectionTitle} trong lý lịch của {Member.FullName}.", ct);

    /// <summary>Saves as <see cref="SaveAsync(CancellationToken)"/>, for a change that is more than saving the section's
    /// form (removing the photo): its own audit reason and confirmation.</summary>
    protected async Task<IActionResult> SaveAsync(string auditReason, string success, CancellationToken ct)
    {
        var id = Member.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select 1 from members where id = {id} for update", ct);
        var committed = await db.Members.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        if (VersionOf(committed) != Version)
            return Refuse(StaleMessage);
        audit.Reason = auditReason;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" } unique)
        {
            db.ChangeTracker.Clear();
            return Refuse(UniqueViolationMessage(unique.ConstraintName));
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "22001" })
        {
            // Unreachable while every field the section writes is measured; kept so a field added without it fails gently.
            db.ChangeTracker.Clear();
            return Refuse(TooLongMessage);
        }
        TempData["Success"] = success;
        return Redirect($"/Members/Details/{id}");
    }

    /// <summary>The message for a unique index the save ran into (another user saved the same value meanwhile).</summary>
    protected virtual string UniqueViolationMessage(string? constraint) => StaleMessage;

    private string VersionOf(Member member) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(SectionValues(member)))))[..32];
}

/// <summary>
/// A section edited as a table of rows (work history, family, awards): "Thêm dòng" and "Xóa" post back and re-render
/// the table with a row more or less, nothing is saved until "Lưu". Rows left entirely blank are ignored on save.
/// </summary>
public abstract class DossierListEditPage<TRow>(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, ViewLog viewLog)
    : DossierEditPage(db, currentUser, audit, viewLog)
    where TRow : IDossierRow, new()
{
    [BindProperty]
    public List<TRow> Rows { get; set; } = [];

    protected IEnumerable<TRow> FilledRows => Rows.Where(r => !r.IsBlank);

    public async Task<IActionResult> OnPostAddRowAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        Rows.Add(new TRow());
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveRowAsync(long id, int index, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (index >= 0 && index < Rows.Count)
            Rows.RemoveAt(index);
        return Page();
    }

    /// <summary>The form starts with the saved rows and one empty row to fill in.</summary>
    protected void ShowRows(IEnumerable<TRow> saved) => Rows = [.. saved, new TRow()];
}

public interface IDossierRow
{
    bool IsBlank { get; }
}
