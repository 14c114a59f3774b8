using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

public sealed class CreateModel(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit)
    : OrganizationChangePage(queries, db, currentUser, audit)
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public OrganizationKind Kind { get; set; }

    public IReadOnlyList<OrganizationKind> AllowedKinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long parentId, CancellationToken ct)
    {
        if (await LoadAsync(parentId, ct) is { } stop)
            return stop;
        AllowedKinds = OrganizationKinds.AllowedChildrenOf(Organization.Kind);
        Kind = AllowedKinds.FirstOrDefault();
        EffectiveOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long parentId, CancellationToken ct)
    {
        if (await LoadAsync(parentId, ct) is { } stop)
            return stop;
        AllowedKinds = OrganizationKinds.AllowedChildrenOf(Organization.Kind);
        var decision = ReadDecision();
        if (decision is null)
            return Page();

        var code = Organization.NormalizeCode(Code);
        // Codes are never reused, so the check ignores scope and includes dissolved organizations.
        if (code.Length > 0 && await Db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == code, ct))
        {
            ModelState.AddModelError(nameof(Code), OrganizationErrors.CodeTaken(code).Message);
            return Page();
        }
        var created = Organization.Establish(code, Name ?? "", Kind, Organization, decision.Value.Date,
            decision.Value.Decision, null, CurrentUser.UserName);
        if (!created.IsSuccess)
        {
            ModelState.AddModelError("", created.Error!.Message);
            return Page();
        }
        var organization = created.Value!;
        Db.Organizations.Add(organization);
        try
        {
            await SaveAsync(decision.Value.Decision, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Another user took the code between the check and the save.
            ModelState.AddModelError(nameof(Code), OrganizationErrors.CodeTaken(code).Message);
            Db.ChangeTracker.Clear();
            return Page();
        }
        return ShowDetails(organization.Id, $"Đã thành lập {organization.Name}.");
    }
}
