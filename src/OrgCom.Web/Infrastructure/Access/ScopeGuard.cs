using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;

namespace OrgCom.Web.Infrastructure.Access;

/// <summary>Thrown when a change reaches outside the acting user's scope; the web layer answers 403.</summary>
public sealed class ScopeViolationException(string message) : Exception(message);

/// <summary>
/// The last line of defence on writes: before anything is saved, every changed entity that belongs to the tree is
/// checked against the acting user's grants — the organization it was in and the one it moves to. Pages check
/// first to show a friendly message; this guard makes a forgotten check fail closed instead of leaking a change.
/// </summary>
public static class ScopeGuard
{
    public static async Task CheckAsync(OrgComDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        if (user.IsSystem)
            return;

        var demands = new List<(long OrganizationId, Permission Permission)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var type = entry.Metadata;
            var permission = type.FindAnnotation(ScopeAnnotations.RequiredPermission)?.Value is int p
                ? (Permission)p
                : Permission.Write;
            if (type.FindAnnotation(ScopeAnnotations.IsTreeNode) is not null)
            {
                var parent = entry.Property("ParentId");
                if (entry.State == EntityState.Added)
                {
                    if (parent.CurrentValue is long newParent)
                        demands.Add((newParent, permission));
                    else
                        throw new ScopeViolationException("Chỉ hệ thống mới tạo được tổ chức gốc.");
                }
                else
                {
                    demands.Add(((long)entry.Property("Id").CurrentValue!, permission));
                    if (parent.IsModified && parent.CurrentValue is long movedTo)
                        demands.Add((movedTo, permission));
                }
            }
            else if (type.FindAnnotation(ScopeAnnotations.OwnerProperty)?.Value is string owner)
            {
                var property = entry.Property(owner);
                if (entry.State != EntityState.Added)
                    demands.Add(((long)property.OriginalValue!, permission));
                // A temporary key means the owning organization is being added in this same save, and is checked
                // as a tree node (in its parent's scope) above.
                if (entry.State != EntityState.Deleted && !property.IsTemporary)
                    demands.Add(((long)property.CurrentValue!, permission));
            }
            else if (type.FindAnnotation(ScopeAnnotations.Unscoped) is null)
            {
                throw new InvalidOperationException($"{type.ClrType.Name} không khai báo phạm vi tổ chức.");
            }
        }
        if (demands.Count == 0)
            return;

        var ids = demands.Select(d => d.OrganizationId).Distinct().ToArray();
        var paths = await db.Organizations.IgnoreQueryFilters()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) })
            .ToDictionaryAsync(o => o.Id, o => o.Path, cancellationToken);
        foreach (var (organizationId, permission) in demands)
        {
            if (!paths.TryGetValue(organizationId, out var path) || !user.Can(permission, path))
                throw new ScopeViolationException("Bạn không có quyền thay đổi dữ liệu của tổ chức này.");
        }
    }
}
