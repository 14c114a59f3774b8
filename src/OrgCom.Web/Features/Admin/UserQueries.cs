using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Admin;

public sealed record UserRow(
    Guid Id, string UserName, string FullName, bool IsActive, DateTimeOffset? LockoutEnd, bool TwoFactorEnabled,
    DateTimeOffset CreatedAt)
{
    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

/// <param name="CanAdminister">Whether the acting administrator may remove this grant (Administer on its organization).</param>
public sealed record GrantRow(
    long Id, Guid UserId, Role Role, long OrganizationId, string OrganizationCode, string OrganizationName, bool CanAdminister);

public sealed record UserPage(List<UserRow> Rows, int Total, int PageNumber, int PageCount);

public sealed record AdministeredOrganization(long Id, string Code, string Name);

/// <summary>
/// The accounts an administrator manages: those holding at least one grant inside a subtree where the administrator
/// holds <see cref="Permission.Administer"/>. An administrator of the root also sees accounts without any grant.
/// Accounts are not in the organization tree, so the DbContext cannot filter them; every admin page starts here.
/// </summary>
public sealed class UserQueries(OrgComDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    private LTree[] AdministerRoots => currentUser.PathsWith(Permission.Administer).Distinct().ToArray();

    public bool AdministersRoot => currentUser.IsSystem || AdministerRoots.Any(p => !p.ToString().Contains('.'));

    private IQueryable<AppUser> Administered()
    {
        if (AdministersRoot)
            return db.Users;
        var roots = AdministerRoots;
        return db.Users.Where(u => db.UserGrants.Any(g => g.UserId == u.Id
            && db.Organizations.Any(o => o.Id == g.OrganizationId
                && roots.Any(r => EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(r)))));
    }

    public async Task<UserPage> ListAsync(string? search, int pageNumber, CancellationToken ct)
    {
        var query = Administered();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Accents are ignored, so "nguyen thi ha" finds "Nguyễn Thị Hà".
            var pattern = $"%{EscapeLike(search.Trim())}%";
            query = query.Where(u => EF.Functions.ILike(EF.Functions.Unaccent(u.FullName), EF.Functions.Unaccent(pattern))
                || EF.Functions.ILike(u.UserName!, pattern));
        }
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        var rows = await query
            .OrderBy(u => EF.Functions.Collate(u.FullName, Collations.Vietnamese)).ThenBy(u => u.UserName)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, u.IsActive, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt))
            .ToListAsync(ct);
        return new UserPage(rows, total, pageNumber, pageCount);
    }

    /// <summary>The account, or null when it is not one this administrator manages.</summary>
    public Task<UserRow?> FindAsync(Guid id, CancellationToken ct) =>
        Administered().Where(u => u.Id == id)
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, u.IsActive, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt))
            .SingleOrDefaultAsync(ct);

    /// <summary>The grants of these accounts on organizations the administrator can see (the scope filter hides the rest).</summary>
    public async Task<List<GrantRow>> GrantsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.ToArray();
        var rows = await db.UserGrants.Where(g => ids.Contains(g.UserId))
            .Join(db.Organizations, g => g.OrganizationId, o => o.Id, (g, o) => new
            {
                g.Id, g.UserId, g.Role, g.OrganizationId, o.Code, o.Name,
                Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty),
            })
            .OrderBy(r => r.Name).ThenBy(r => r.Role)
            .ToListAsync(ct);
        return rows.Select(r => new GrantRow(r.Id, r.UserId, r.Role, r.OrganizationId, r.Code, r.Name,
            currentUser.Can(Permission.Administer, r.Path))).ToList();
    }

    /// <summary>
    /// How many of the account's grants lie outside the administrator's Administer subtrees. Account-wide changes
    /// (password, activation, lockout) reach every scope the account holds, so they need this to be zero: otherwise
    /// a provincial administrator could take over an account that also works elsewhere.
    /// </summary>
    public async Task<int> GrantsBeyondAdministrationAsync(Guid userId, CancellationToken ct)
    {
        if (AdministersRoot)
            return 0;
        var paths = await db.UserGrants.IgnoreQueryFilters().Where(g => g.UserId == userId)
            .Join(db.Organizations.IgnoreQueryFilters(), g => g.OrganizationId, o => o.Id,
                (g, o) => EF.Property<LTree>(o, OrgComDbContext.PathProperty))
            .ToListAsync(ct);
        return paths.Count(p => !currentUser.Can(Permission.Administer, p));
    }

    /// <summary>An active organization, found by code within the user's scope, where the user may administer accounts.</summary>
    public async Task<Result<AdministeredOrganization>> AdministeredOrganizationAsync(string? code, CancellationToken ct)
    {
        var normalized = Organization.NormalizeCode(code);
        if (normalized.Length == 0)
            return new Error("admin.organization_required", "Chưa nhập mã tổ chức.");
        var found = await db.Organizations.Where(o => o.Code == normalized)
            .Select(o => new { o.Id, o.Code, o.Name, o.DissolvedOn, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return new Error("admin.organization_not_found", $"Không tìm thấy tổ chức có mã \"{code?.Trim()}\" trong phạm vi của bạn.");
        if (!currentUser.Can(Permission.Administer, found.Path))
            return new Error("admin.organization_scope", $"Bạn không có quyền quản trị người dùng của {found.Name}.");
        if (found.DissolvedOn is not null)
            return new Error("admin.organization_dissolved", $"{found.Name} đã giải thể; không thể giao quyền tại tổ chức này.");
        return new AdministeredOrganization(found.Id, found.Code, found.Name);
    }

    public static bool TryParseRole(string? value, out Role role) =>
        Enum.TryParse(value, ignoreCase: false, out role) && Enum.IsDefined(role) && !int.TryParse(value, out _);

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
