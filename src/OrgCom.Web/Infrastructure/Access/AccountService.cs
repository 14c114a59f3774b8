using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;

namespace OrgCom.Web.Infrastructure.Access;

public sealed class AccountService(UserManager<AppUser> users, OrgComDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<AppUser>> CreateAsync(
        string userName, string fullName, string password, string organizationCode, Role role, bool isDemo,
        CancellationToken ct)
    {
        var code = Organization.NormalizeCode(organizationCode);
        var organization = await db.Organizations.Where(o => o.Code == code).Select(o => new { o.Id }).SingleOrDefaultAsync(ct);
        if (organization is null)
            return new Error("account.organization", $"Không tìm thấy tổ chức có mã \"{organizationCode}\" trong phạm vi của bạn.");
        if (string.IsNullOrWhiteSpace(fullName))
            return new Error("account.full_name", "Chưa nhập họ và tên.");

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var user = new AppUser
        {
            UserName = userName.Trim(),
            FullName = fullName.Trim(),
            IsDemo = isDemo,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return new Error("account.create", string.Join(" ", created.Errors.Select(e => e.Description)));
        db.UserGrants.Add(new UserGrant
        {
            UserId = user.Id, Role = role, OrganizationId = organization.Id,
            GrantedAt = clock.GetUtcNow(), GrantedBy = currentUser.UserName,
        });
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return user;
    }
}
