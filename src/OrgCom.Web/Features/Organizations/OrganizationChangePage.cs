using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Documents;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

/// <summary>
/// What the create / rename / move / dissolve forms share: load the organization within scope (404 outside it),
/// require write permission on it (403), read the decision and its effective date, and save with the decision as the
/// audit reason. Each page then reads as its workflow: load → check the rule → change → save → redirect.
/// </summary>
public abstract class OrganizationChangePage(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit)
    : PageModel
{
    protected OrganizationQueries Queries => queries;
    protected OrgComDbContext Db => db;
    protected CurrentUser CurrentUser => currentUser;

    public Organization Organization { get; private set; } = null!;

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public string? EffectiveOn { get; set; }

    /// <summary>Loads the organization the form is about; null result means "go on", otherwise return it.</summary>
    protected async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var organization = await queries.FindAsync(id, ct);
        if (organization is null)
            return NotFound();
        if (!currentUser.Can(Permission.Write, OrganizationQueries.PathOf(organization, db)))
            return StatusCode(StatusCodes.Status403Forbidden);
        // Its recorded history, so a change dated before the latest one is refused (history is kept in date order, ADR 0008).
        await db.Entry(organization).Collection(o => o.Events).LoadAsync(ct);
        Organization = organization;
        return null;
    }

    /// <summary>Validates the decision number and effective date, adding Vietnamese errors to the page.</summary>
    protected (string Decision, DateOnly Date)? ReadDecision()
    {
        var number = DocumentNumber.Parse(DecisionNumber);
        if (!number.IsSuccess)
            ModelState.AddModelError(nameof(DecisionNumber), number.Error!.Message);
        var date = DateText.Parse(EffectiveOn, "ngày hiệu lực");
        if (!date.IsSuccess)
            ModelState.AddModelError(nameof(EffectiveOn), date.Error!.Message);
        return number.IsSuccess && date.IsSuccess ? (number.Value!.ToString(), date.Value) : null;
    }

    protected bool Check(Result result)
    {
        if (!result.IsSuccess)
            ModelState.AddModelError("", result.Error!.Message);
        return result.IsSuccess;
    }

    /// <summary>
    /// Applies a change of this one organization as a reorganization of its own, so it is shown and can be reversed as
    /// a whole like a merge (ADR 0008): the record is written first (its id goes on the event), then the change, in one
    /// transaction that is rolled back if the rule refuses it. The audit lines carry the decision as their reason.
    /// </summary>
    protected async Task<bool> ApplyAsync(ReorganizationKind kind, (string Decision, DateOnly Date) decision, string summary,
        Func<long, Result> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        audit.Reason = $"Quyết định {decision.Decision}";
        var record = new Reorganization(kind, Organization.Id, decision.Date, decision.Decision, summary, currentUser.UserName);
        db.Reorganizations.Add(record);
        await db.SaveChangesAsync(ct);
        if (!Check(change(record.Id)))
            return false;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Saves the change; its audit lines carry the decision as their reason.</summary>
    protected async Task SaveAsync(string decision, CancellationToken ct)
    {
        audit.Reason = $"Quyết định {decision}";
        await db.SaveChangesAsync(ct);
    }

    protected IActionResult ShowDetails(long organizationId, string message)
    {
        TempData["Success"] = message;
        return Redirect($"/Organizations/Details/{organizationId}");
    }

    protected string Today() => DateText.Format(VietnamTime.Today(TimeProvider.System));
}
