using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OrgCom.Core.Access;
using OrgCom.Core.Members;
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
    /// <summary>The user needs the permission at one of these organizations (usually exactly one).</summary>
    private sealed record Demand(long[] AnyOf, Permission Permission);

    public static async Task CheckAsync(OrgComDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        if (user.IsSystem)
            return;

        var demands = new List<Demand>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var type = entry.Metadata;
            var permission = type.FindAnnotation(ScopeAnnotations.RequiredPermission)?.Value is int p
                ? (Permission)p
                : Permission.Write;
            if (type.FindAnnotation(ScopeAnnotations.Central) is not null)
            {
                if (!user.CanCentrally(Permission.Administer))
                    throw new ScopeViolationException("Chỉ quản trị viên cấp Trung ương mới thay đổi được dữ liệu dùng chung của hệ thống.");
            }
            else if (type.FindAnnotation(ScopeAnnotations.IsTreeNode) is not null)
                AddTreeNodeDemands(entry, permission, demands);
            else if (type.FindAnnotation(ScopeAnnotations.OwnerProperty)?.Value is string owner)
                AddOwnerDemands(db, entry, owner, permission, demands);
            else if (type.FindAnnotation(ScopeAnnotations.EitherOwnerProperties)?.Value is string pair)
            {
                var names = pair.Split(',');
                var first = (long)entry.Property(names[0]).OriginalValue!;
                demands.Add(entry.State == EntityState.Added
                    ? new Demand([first], permission)
                    : new Demand([first, (long)entry.Property(names[1]).OriginalValue!], permission));
            }
            else if (type.FindAnnotation(ScopeAnnotations.Unscoped) is null)
            {
                throw new InvalidOperationException($"{type.ClrType.Name} không khai báo phạm vi tổ chức.");
            }
        }
        if (demands.Count == 0)
            return;

        var ids = demands.SelectMany(d => d.AnyOf).Distinct().ToArray();
        var paths = await db.Organizations.IgnoreQueryFilters()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) })
            .ToDictionaryAsync(o => o.Id, o => o.Path, cancellationToken);
        foreach (var demand in demands)
        {
            if (!demand.AnyOf.Any(id => paths.TryGetValue(id, out var path) && CanAnyOf(user, demand.Permission, path)))
                throw new ScopeViolationException("Bạn không có quyền thay đổi dữ liệu của tổ chức này.");
        }
    }

    /// <summary>A type declared with several permissions (Write | Approve) may be changed by a holder of any one of
    /// them; the pages check which one each step needs.</summary>
    private static bool CanAnyOf(CurrentUser user, Permission permissions, LTree path) =>
        Enum.GetValues<Permission>().Any(p => p != Permission.None && permissions.HasFlag(p) && user.Can(p, path));

    private static void AddTreeNodeDemands(EntityEntry entry, Permission permission, List<Demand> demands)
    {
        var parent = entry.Property("ParentId");
        if (entry.State == EntityState.Added)
        {
            if (parent.CurrentValue is long newParent)
                demands.Add(new Demand([newParent], permission));
            else
                throw new ScopeViolationException("Chỉ hệ thống mới tạo được tổ chức gốc.");
            return;
        }
        demands.Add(new Demand([(long)entry.Property("Id").CurrentValue!], permission));
        if (parent.IsModified && parent.CurrentValue is long movedTo)
            demands.Add(new Demand([movedTo], permission));
    }

    private static void AddOwnerDemands(OrgComDbContext db, EntityEntry entry, string owner, Permission permission, List<Demand> demands)
    {
        var property = entry.Property(owner);
        var original = entry.State == EntityState.Added ? (long?)null : (long)property.OriginalValue!;
        // A temporary key means the owning organization is being added in this same save, and is checked as a tree
        // node (in its parent's scope) above.
        var current = entry.State == EntityState.Deleted || property.IsTemporary ? (long?)null : (long)property.CurrentValue!;
        if (original is { } from && current is { } to && from != to
            && entry.Metadata.FindAnnotation(ScopeAnnotations.MovedByTransferAnnotation) is not null
            && IsReceiptOfTransfer(db, entry, from, to))
        {
            // The sender authorised the move by issuing the transfer; the receiver confirms it.
            demands.Add(new Demand([to], permission));
            return;
        }
        if (original is { } o)
            demands.Add(new Demand([o], permission));
        if (current is { } c && c != original)
            demands.Add(new Demand([c], permission));
    }

    /// <summary>Whether this save also marks a permanent transfer of this member, from → to, as received.</summary>
    private static bool IsReceiptOfTransfer(OrgComDbContext db, EntityEntry memberEntry, long from, long to)
    {
        var memberId = (long)memberEntry.Property(nameof(Member.Id)).CurrentValue!;
        return db.ChangeTracker.Entries<Transfer>().Any(t =>
            t.State == EntityState.Modified
            && t.Entity.MemberId == memberId
            && t.Entity.Kind == TransferKind.Permanent
            && t.Entity.FromOrganizationId == from
            && t.Entity.ToOrganizationId == to
            && t.Entity.Status == TransferStatus.Received
            && (TransferStatus)t.Property(nameof(Transfer.Status)).OriginalValue! == TransferStatus.InTransit);
    }
}
