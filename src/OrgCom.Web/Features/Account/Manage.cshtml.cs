using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Account;

/// <summary>"Tài khoản của tôi": who I am, the scopes I was granted, and the way to my password and 2FA settings.</summary>
public sealed class ManageModel(OrgComDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record GrantLine(string RoleName, long OrganizationId, string OrganizationName);

    public string FullName { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<GrantLine> Grants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == currentUser.UserId)
            .Select(u => new { u.FullName, u.UserName, u.TwoFactorEnabled, u.CreatedAt })
            .SingleAsync(ct);
        (FullName, UserName, TwoFactorEnabled, CreatedAt) = (account.FullName, account.UserName ?? "", account.TwoFactorEnabled, account.CreatedAt);

        var ids = currentUser.Grants.Select(g => g.OrganizationId).Distinct().ToArray();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Grants = currentUser.Grants
            .Select(g => new GrantLine(g.Role.DisplayName(), g.OrganizationId, names.GetValueOrDefault(g.OrganizationId, "")))
            .OrderBy(g => g.OrganizationName, StringComparer.Create(AppHost.Culture, ignoreCase: false))
            .ToList();
    }
}
