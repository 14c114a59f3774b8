namespace OrgCom.Web.Infrastructure.Audit;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    /// <summary>A person's dossier was opened.</summary>
    View,
}

/// <summary>
/// One line of the append-only audit log. Written unsealed in the transaction of the change it records; the
/// <see cref="AuditSealer"/> later chains it (<see cref="SealSeq"/>, <see cref="PrevHash"/>, <see cref="Hash"/>) in
/// commit order, so writers never wait on one another.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? IpAddress { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The table of the record, e.g. <c>organizations</c>.</summary>
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";

    /// <summary>The organization the record belongs to, for scoped search; null for accounts.</summary>
    public long? OrganizationId { get; set; }

    /// <summary>JSON object: field → {"old": …, "new": …}.</summary>
    public string? Changes { get; set; }

    /// <summary>The decision or reason given for the change, when there was one.</summary>
    public string? Reason { get; set; }

    public long? SealSeq { get; set; }
    public byte[]? PrevHash { get; set; }
    public byte[]? Hash { get; set; }
    public DateTimeOffset? SealedAt { get; set; }

    public static string DisplayName(AuditAction action) => action switch
    {
        AuditAction.Insert => "Thêm",
        AuditAction.Update => "Sửa",
        AuditAction.Delete => "Xóa",
        AuditAction.View => "Xem",
        _ => action.ToString(),
    };
}
