using OrgCom.Core.Organizations;
using Microsoft.AspNetCore.Mvc;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

public sealed class DissolveModel(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit)
    : OrganizationChangePage(queries, db, currentUser, audit)
{
    public int ActiveChildren { get; private set; }
    public int ActiveMembers { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        await CountAsync(ct);
        EffectiveOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        await CountAsync(ct);
        if (ReadDecision() is not { } decision
            || !await ApplyAsync(ReorganizationKind.Dissolve, decision, $"Giải thể {Organization.Name}",
                reorganization => Organization.Dissolve(decision.Date, decision.Decision, ActiveChildren, ActiveMembers,
                    CurrentUser.UserName, reorganization), ct))
            return Page();
        return ShowDetails(id, $"Đã giải thể {Organization.Name}.");
    }

    private async Task CountAsync(CancellationToken ct)
    {
        ActiveChildren = await Queries.ActiveChildCountAsync(Organization.Id, ct);
        ActiveMembers = await Queries.DirectMemberCountAsync(Organization.Id, ct);
    }
}
