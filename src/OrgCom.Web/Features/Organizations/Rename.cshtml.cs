using OrgCom.Core.Organizations;
using Microsoft.AspNetCore.Mvc;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

public sealed class RenameModel(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit)
    : OrganizationChangePage(queries, db, currentUser, audit)
{
    [BindProperty]
    public string? NewName { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        NewName = Organization.Name;
        EffectiveOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (ReadDecision() is not { } decision
            || !await ApplyAsync(ReorganizationKind.Rename, decision, $"{Organization.Name} → {OrgCom.Core.Text.VietnameseText.Normalize(NewName ?? "")}",
                reorganization => Organization.Rename(NewName ?? "", decision.Date, decision.Decision, CurrentUser.UserName, reorganization), ct))
            return Page();
        return ShowDetails(id, $"Đã đổi tên thành {Organization.Name}.");
    }
}
