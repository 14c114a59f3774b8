using OrgCom.Core.Common;

namespace OrgCom.Core.Members;

public enum TransferKind
{
    /// <summary>Chuyển sinh hoạt đảng chính thức: the member's organization changes on receipt.</summary>
    Permanent,
    /// <summary>Chuyển sinh hoạt đảng tạm thời: the member stays counted by the sender.</summary>
    Temporary,
}

public enum TransferStatus
{
    /// <summary>Issued by the sender, not yet confirmed by the receiver: the member is in transit.</summary>
    InTransit,
    Received,
    Cancelled,
    /// <summary>A temporary transfer whose period is over: the member is back in the sender's activity.</summary>
    Ended,
}

/// <summary>
/// A transfer of party activity as a two-sided handshake: the sending organization issues it, the receiving one
/// confirms it. Both sides see the transfer (with the snapshot of the member it carries) and nothing else of the other's.
/// </summary>
public sealed class Transfer
{
    private Transfer()
    {
        MemberName = IssuedBy = "";
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public TransferKind Kind { get; private set; }
    public long FromOrganizationId { get; private set; }
    public long ToOrganizationId { get; private set; }
    public TransferStatus Status { get; private set; }

    /// <summary>Introduction letter number (giấy giới thiệu sinh hoạt đảng).</summary>
    public string? LetterNumber { get; private set; }
    public DateOnly IssuedOn { get; private set; }

    /// <summary>The letter must be presented to the receiver by this date (rule data).</summary>
    public DateOnly PresentBy { get; private set; }

    /// <summary>End of a temporary transfer.</summary>
    public DateOnly? TemporaryUntil { get; private set; }
    public string? Reason { get; private set; }
    public string IssuedBy { get; private set; }
    public DateOnly? ReceivedOn { get; private set; }
    public string? ReceivedBy { get; private set; }

    // What the receiver may see of the member before receipt: name, birth date, status.
    public string MemberName { get; private set; }
    public DateOnly MemberBirthDate { get; private set; }
    public MemberStatus MemberStatus { get; private set; }

    public static Result<Transfer> Issue(
        Member member, TransferKind kind, long toOrganizationId, DateOnly issuedOn, DateOnly presentBy,
        DateOnly? temporaryUntil, string? letterNumber, string? reason, string issuedBy)
    {
        if (!member.IsCounted)
            return MemberErrors.WrongStatus(member, "chuyển sinh hoạt");
        if (toOrganizationId == member.OrganizationId)
            return TransferErrors.SameOrganization;
        if (kind == TransferKind.Temporary && (temporaryUntil is null || temporaryUntil <= issuedOn))
            return TransferErrors.TemporaryUntilRequired;
        return new Transfer
        {
            MemberId = member.Id,
            Kind = kind,
            FromOrganizationId = member.OrganizationId,
            ToOrganizationId = toOrganizationId,
            Status = TransferStatus.InTransit,
            IssuedOn = issuedOn,
            PresentBy = presentBy,
            TemporaryUntil = kind == TransferKind.Temporary ? temporaryUntil : null,
            LetterNumber = string.IsNullOrWhiteSpace(letterNumber) ? null : letterNumber.Trim(),
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            IssuedBy = issuedBy,
            MemberName = member.FullName,
            MemberBirthDate = member.BirthDate,
            MemberStatus = member.Status,
        };
    }

    public Result Receive(DateOnly receivedOn, string receivedBy)
    {
        if (Status != TransferStatus.InTransit)
            return TransferErrors.NotInTransit(Status);
        if (receivedOn < IssuedOn)
            return MemberErrors.BeforePrevious(receivedOn, IssuedOn, "cấp giấy giới thiệu");
        Status = TransferStatus.Received;
        ReceivedOn = receivedOn;
        ReceivedBy = receivedBy;
        return Result.Ok();
    }

    public Result Cancel(DateOnly cancelledOn)
    {
        if (Status != TransferStatus.InTransit)
            return TransferErrors.NotInTransit(Status);
        if (cancelledOn < IssuedOn)
            return MemberErrors.BeforePrevious(cancelledOn, IssuedOn, "cấp giấy giới thiệu");
        Status = TransferStatus.Cancelled;
        return Result.Ok();
    }

    /// <summary>Ends a received temporary transfer: the member's activity returns to the sender, who counted them
    /// throughout.</summary>
    public Result End(DateOnly endedOn)
    {
        if (Kind != TransferKind.Temporary || Status != TransferStatus.Received)
            return TransferErrors.NotEndable;
        if (endedOn < ReceivedOn!.Value)
            return MemberErrors.BeforePrevious(endedOn, ReceivedOn.Value, "tiếp nhận");
        Status = TransferStatus.Ended;
        return Result.Ok();
    }

    public bool IsOverdue(DateOnly today) => Status == TransferStatus.InTransit && today > PresentBy;

    public static string DisplayName(TransferKind kind) => kind == TransferKind.Permanent ? "Chính thức" : "Tạm thời";

    public static string DisplayName(TransferStatus status) => status switch
    {
        TransferStatus.InTransit => "Đang chuyển",
        TransferStatus.Received => "Đã tiếp nhận",
        TransferStatus.Cancelled => "Đã hủy",
        TransferStatus.Ended => "Đã kết thúc",
        _ => status.ToString(),
    };
}

public static class TransferErrors
{
    public static readonly Error SameOrganization = new("transfer.same",
        "Tổ chức nhận trùng với tổ chức đang sinh hoạt; hãy chọn tổ chức khác.");
    public static readonly Error TemporaryUntilRequired = new("transfer.temporary.until",
        "Chuyển sinh hoạt tạm thời cần ngày kết thúc sau ngày chuyển.");
    public static Error NotInTransit(TransferStatus status) => new("transfer.status",
        $"Giấy chuyển sinh hoạt này đang ở trạng thái \"{Transfer.DisplayName(status)}\", không còn chờ tiếp nhận.");
    public static readonly Error AlreadyInTransit = new("transfer.pending",
        "Đảng viên đang có một giấy chuyển sinh hoạt chưa được tiếp nhận.");
    public static readonly Error NotEndable = new("transfer.end",
        "Chỉ kết thúc được giấy chuyển sinh hoạt tạm thời đã được tiếp nhận.");
    public static readonly Error ReceiverNotCell = new("transfer.receiver.kind",
        "Tổ chức nhận phải là chi bộ (nơi đảng viên sinh hoạt).");
}
