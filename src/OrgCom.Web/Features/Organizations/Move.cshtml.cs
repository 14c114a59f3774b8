using OrgCom.Core.Organizations;
using Microsoft.AspNetCore.Mvc;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Organizations;

public sealed class MoveModel(OrganizationQueries queries, OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit)
    : OrganizationChangePage(queries, db, currentUser, audit)
{
    [BindProperty]
    public string? NewParentCode { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        EffectiveOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
            return stop;
        if (ReadDecision() is not { } decision)
            return Page();
        var newParent = string.IsNullOrWhiteSpace(NewParentCode) ? null : await Queries.FindByCodeAsync(NewParentCode, ct);
        if (newParent is null)
        {
            ModelState.AddModelError(nameof(NewParentCode),
                $"Không tìm thấy tổ chức có mã \"{NewParentCode}\" trong phạm vi của bạn.");
            return Page();
        }
        var newParentPath = OrganizationQueries.PathOf(newParent, Db);
        if (!CurrentUser.Can(Permission.Write, newParentPath))
        {
            ModelState.AddModelError(nameof(NewParentCode), $"Bạn không có quyền thay đổi {newParent.Name}.");
            return Page();
        }
        var oldParent = Organization.ParentId is { } p ? (await Queries.FindAsync(p, ct))?.Name : null;
        if (!await ApplyAsync(ReorganizationKind.Move, decision,
                $"{Organization.Name}: từ {oldParent ?? "(ngoài phạm vi)"} sang {newParent.Name}, cùng toàn bộ tổ chức và đảng viên trực thuộc",
                reorganization => Organization.MoveTo(newParent, OrganizationQueries.LineageIds(newParentPath), decision.Date,
                    decision.Decision, CurrentUser.UserName, reorganization), ct))
            return Page();
        return ShowDetails(id, $"Đã chuyển {Organization.Name} sang trực thuộc {newParent.Name}.");
    }
}
