using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Infrastructure.Audit;

/// <summary>
/// Turns tracked changes into audit lines. Scoped per unit of work, so a handler can state the decision or reason
/// (<see cref="Reason"/>) that every line of its save will carry.
/// </summary>
public sealed class AuditRecorder(TimeProvider clock)
{
    public const string Redacted = "[ẩn]";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The decision or reason for the changes about to be saved, e.g. <c>Quyết định 12-QĐ/TU</c>.</summary>
    public string? Reason { get; set; }

    public sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes, string? KnownKey, long? KnownOrganizationId);

    public List<Pending> Capture(DbContext db)
    {
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changes = new Dictionary<string, object?[]>();
            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                if (meta.FindAnnotation(ScopeAnnotations.AuditIgnored) is not null)
                    continue;
                var redact = meta.FindAnnotation(ScopeAnnotations.AuditRedacted) is not null;
                object? Show(object? v) => redact && v is not null ? Redacted : Plain(v);
                switch (action)
                {
                    case AuditAction.Insert when !meta.IsPrimaryKey():
                        changes[ColumnName(meta)] = [null, Show(property.CurrentValue)];
                        break;
                    case AuditAction.Delete:
                        changes[ColumnName(meta)] = [Show(property.OriginalValue), null];
                        break;
                    case AuditAction.Update when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[ColumnName(meta)] = [Show(property.OriginalValue), Show(property.CurrentValue)];
                        break;
                }
            }
            if (action == AuditAction.Update && changes.Count == 0)
                continue;
            var keyKnown = action != AuditAction.Insert;
            pending.Add(new Pending(entry, action, changes, keyKnown ? KeyOf(entry) : null, keyKnown ? OrganizationOf(entry) : null));
        }
        return pending;
    }

    public IEnumerable<AuditEntry> Complete(List<Pending> pending, CurrentUser user)
    {
        var now = clock.GetUtcNow();
        var reason = pending.Count == 0 ? Reason : Fit(Reason, pending[0].Entry.Context.Model);
        foreach (var p in pending)
        {
            yield return new AuditEntry
            {
                OccurredAt = now,
                UserId = user.UserId,
                UserName = user.UserName,
                IpAddress = user.IpAddress,
                Action = p.Action,
                EntityType = p.Entry.Metadata.GetTableName() ?? p.Entry.Metadata.ClrType.Name,
                EntityKey = p.KnownKey ?? KeyOf(p.Entry),
                OrganizationId = p.KnownOrganizationId ?? OrganizationOf(p.Entry),
                Changes = JsonSerializer.Serialize(
                    p.Changes.ToDictionary(c => c.Key, c => new { old = c.Value[0], @new = c.Value[1] }), Json),
                Reason = reason,
            };
        }
    }

    public AuditEntry View(CurrentUser user, string entityType, string entityKey, long? organizationId) => new()
    {
        OccurredAt = clock.GetUtcNow(),
        UserId = user.UserId,
        UserName = user.UserName,
        IpAddress = user.IpAddress,
        Action = AuditAction.View,
        EntityType = entityType,
        EntityKey = entityKey,
        OrganizationId = organizationId,
    };

    /// <summary>A reason that quotes what the user typed (a cancellation's reason) may be longer than its column; the
    /// full text is in the changed record itself, so the line keeps the beginning.</summary>
    private static string? Fit(string? reason, IModel model)
    {
        var max = TextLengths.MaxLength(model, typeof(AuditEntry), nameof(AuditEntry.Reason));
        return reason is null || reason.Length <= max ? reason : reason[..(max - 1)] + "…";
    }

    private static string ColumnName(IProperty property) =>
        property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!, null)) ?? property.Name;

    // A date key (a day of the holiday calendar) is written yyyy-MM-dd as in the changes: the invariant culture's
    // 03/05/2027 reads as 3 May to a Vietnamese user.
    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue is DateOnly d
            ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static long? OrganizationOf(EntityEntry entry)
    {
        var type = entry.Metadata;
        if (type.FindAnnotation(ScopeAnnotations.IsTreeNode) is not null)
            return (long?)entry.Property("Id").CurrentValue;
        if (type.FindAnnotation(ScopeAnnotations.OwnerProperty)?.Value is string owner)
            return (long?)entry.Property(owner).CurrentValue;
        // Shared by two organizations (a transfer, a rotation): the line belongs to the first, the sending side, so its
        // administrators find it in the audit search.
        if (type.FindAnnotation(ScopeAnnotations.EitherOwnerProperties)?.Value is string either)
            return (long?)entry.Property(either.Split(',')[0]).CurrentValue;
        return null;
    }

    private static object? Plain(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTimeOffset t => t.ToUniversalTime().ToString("O"),
        DateTime t => t.ToUniversalTime().ToString("O"),
        Enum e => e.ToString(),
        LTree l => l.ToString(),
        string or bool or int or long or short or decimal or double or Guid => value,
        byte[] => Redacted,
        // Dossier sections kept as lists: audited as the JSON they are stored as.
        System.Collections.IEnumerable => JsonSerializer.Serialize(value, Json),
        _ => value.ToString(),
    };
}
