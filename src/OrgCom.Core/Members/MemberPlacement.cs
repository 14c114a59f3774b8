namespace OrgCom.Core.Members;

/// <summary>
/// A period during which the member was registered in one organization: from <see cref="ValidFrom"/> (null: since the
/// record began) up to, not including, <see cref="ValidTo"/> (null: still). Together a member's placements cover time
/// without gaps or overlaps; "where was this person on date D" and "who was in this chi bộ on D" are read from them.
/// </summary>
public sealed class MemberPlacement
{
    private MemberPlacement() { }

    internal MemberPlacement(long organizationId, DateOnly? validFrom, long? reorganizationId)
    {
        OrganizationId = organizationId;
        ValidFrom = validFrom;
        ReorganizationId = reorganizationId;
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; internal set; }

    /// <summary>The reorganization that placed the member here, if one did (reversing it removes this period).</summary>
    public long? ReorganizationId { get; private set; }
}
