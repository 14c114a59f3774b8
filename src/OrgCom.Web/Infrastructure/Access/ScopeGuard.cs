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
        var decisions = new List<(EntityEntry Entry, string Owner, string Principal)>();
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
            {
                if (type.FindAnnotation(ScopeAnnotations.DecidedAbove)?.Value is string principal && IsDecision(entry))
                {
                    decisions.Add((entry, owner, principal));
                    if (entry.Properties.Any(x => x.IsModified && x.Metadata.FindAnnotation(ScopeAnnotations.Decision) is null))
                        AddOwnerDemands(db, entry, owner, permission, demands);
                }
                else
                    AddOwnerDemands(db, entry, owner, permission, demands);
            }
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
        foreach (var (entry, owner, principal) in decisions)
            demands.Add(await CompetentDemandAsync(db, entry, owner, principal, cancellationToken));
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

    /// <summary>Whether the change touches a decision property (see <see cref="ScopeAnnotations.DecidedByLevelAbove{T}"/>)
    /// with a value the owner's staff may not set. A new row is a decision unless those properties hold their defaults.</summary>
    private static bool IsDecision(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified
        && entry.Properties.Any(p => p.Metadata.FindAnnotation(ScopeAnnotations.Decision)?.Value is string allowed
            && (entry.State == EntityState.Added ? !IsDefault(p.CurrentValue) : p.IsModified)
            && !OwnerMaySet(allowed, p.CurrentValue));

    private static bool OwnerMaySet(string allowed, object? value) =>
        value is not null && allowed.Split(',').Any(a => a == "*" || a == value.ToString());

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        System.Collections.IEnumerable list and not string => !list.GetEnumerator().MoveNext(),
        _ => value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())),
    };

    /// <summary>Approve at the owner's parent, or at the owner itself when it owns the principal record (the round it opened).</summary>
    private static async Task<Demand> CompetentDemandAsync(OrgComDbContext db, EntityEntry entry, string owner, string principal,
        CancellationToken ct)
    {
        var ownerId = (long)(entry.State == EntityState.Added ? entry.Property(owner).CurrentValue : entry.Property(owner).OriginalValue)!;
        var principalType = entry.Metadata.FindProperty(principal)!.GetContainingForeignKeys().Single().PrincipalEntityType;
        var principalOwner = principalType.FindProperty((string)principalType.FindAnnotation(ScopeAnnotations.OwnerProperty)!.Value!)!;
        var table = principalType.GetTableName()!;
        var key = principalType.FindPrimaryKey()!.Properties.Single();
        var storeObject = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, principalType.GetSchema());
        // Names from the model, not from input.
        var sql = $"select \"{principalOwner.GetColumnName(storeObject)}\" as \"Value\" from \"{table}\" where \"{key.GetColumnName(storeObject)}\" = {{0}}";
        var opener = await db.Database.SqlQueryRaw<long>(sql, entry.Property(principal).OriginalValue!)
            .ToListAsync(ct);
        if (opener.Contains(ownerId))
            return new Demand([ownerId], Permission.Approve);
        var parent = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == ownerId).Select(o => o.ParentId).SingleOrDefaultAsync(ct);
        return parent is { } p ? new Demand([p], Permission.Approve) : new Demand([ownerId], Permission.Approve);
    }

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
