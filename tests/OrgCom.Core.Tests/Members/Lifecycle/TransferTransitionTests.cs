using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

public class TransferTransitionTests
{
    private static readonly DateOnly Issued = D("2026-03-10");

    private static Member Counted() => Imported();

    private static Transfer Issue(Member m, TransferKind kind = TransferKind.Permanent, DateOnly? until = null) =>
        Ok(m.IssueTransfer(kind, OtherCell, Issued, until, " 15-GGT ", " Chuyển công tác ", Context));

    // ---- IssueTransfer.

    [Theory]
    [InlineData(Point.Registered)]
    [InlineData(Point.AdmissionDecided)]
    [InlineData(Point.NotAdmitted)]
    [InlineData(Point.Left)]
    [InlineData(Point.Removed)]
    [InlineData(Point.Expelled)]
    [InlineData(Point.Deceased)]
    [InlineData(Point.DeceasedCandidate)]
    public void IssueTransfer_is_refused_for_candidates_and_ended_or_deceased_members(Point point)
    {
        var m = At(point);
        var before = MemberState.Of(m);

        Refused("member.status", m.IssueTransfer(TransferKind.Permanent, OtherCell, Later, null, "15-GGT", null, Context));
        Refused("member.status", m.IssueTransfer(TransferKind.Temporary, OtherCell, Later, Later.AddMonths(6), "15-GGT", null, Context));
        Assert.Equal(before, MemberState.Of(m));
    }

    [Theory]
    [InlineData(TransferKind.Permanent)]
    [InlineData(TransferKind.Temporary)]
    public void IssueTransfer_to_the_members_own_organization_is_refused(TransferKind kind)
    {
        var m = Counted();

        Refused("transfer.same", m.IssueTransfer(kind, Cell, Issued, Issued.AddMonths(6), "15-GGT", null, Context));
        Assert.Empty(Recorded(m));
    }

    [Theory]
    [InlineData("2026-03-10", null, "transfer.temporary.until")]
    [InlineData("2026-03-10", "2026-03-10", "transfer.temporary.length")]
    [InlineData("2026-03-10", "2026-01-01", "transfer.temporary.length")]
    [InlineData("2026-03-10", "2026-06-09", "transfer.temporary.length")]
    [InlineData("2026-03-10", "2026-06-10", null)]
    [InlineData("2026-03-10", "2026-12-31", null)]
    [InlineData("2026-03-10", "2027-03-09", null)]
    [InlineData("2026-03-10", "2027-03-10", "transfer.temporary.length")]
    [InlineData("2026-03-10", "2027-09-10", "transfer.temporary.length")]
    // month ends: 3 months after 30/11/2026 is 28/02/2027
    [InlineData("2026-11-30", "2027-02-27", "transfer.temporary.length")]
    [InlineData("2026-11-30", "2027-02-28", null)]
    [InlineData("2026-11-30", "2027-11-29", null)]
    [InlineData("2026-11-30", "2027-11-30", "transfer.temporary.length")]
    public void A_temporary_transfer_lasts_from_3_months_to_less_than_12(string issued, string? until, string? code)
    {
        var m = Counted();

        var result = m.IssueTransfer(TransferKind.Temporary, OtherCell, D(issued), until is null ? null : D(until), "15-GGT",
            null, Context);

        if (code is not null)
        {
            Refused(code, result);
            Assert.Empty(Recorded(m));
            return;
        }
        var transfer = Ok(result);
        Assert.Equal(TransferKind.Temporary, transfer.Kind);
        Assert.Equal(D(until!), transfer.TemporaryUntil);
    }

    [Theory]
    [InlineData("2026-02-12", "2026-04-02")]  // Tết 16–20/02/2026 skipped
    [InlineData("2026-03-10", "2026-04-21")]
    [InlineData("2026-04-24", "2026-06-10")]  // Giỗ Tổ (Sunday 26/04 and Monday 27/04 in lieu), 30/4, 1/5
    [InlineData("2026-08-14", "2026-09-29")]  // Saturday 22/08 worked; 31/08–02/09 off
    [InlineData("2025-11-03", "2025-12-15")]
    public void PresentBy_is_30_working_days_after_the_issue_date(string issued, string presentBy)
    {
        foreach (var kind in new[] { TransferKind.Permanent, TransferKind.Temporary })
        {
            var m = Counted();

            var transfer = Ok(m.IssueTransfer(kind, OtherCell, D(issued), D(issued).AddMonths(6), "15-GGT", null, Context));

            Assert.Equal(D(presentBy), transfer.PresentBy);
            Assert.Equal(30, ReferenceData.Calendar.WorkingDaysBetween(D(issued), transfer.PresentBy));
            Assert.EndsWith("hạn xuất trình giấy giới thiệu " + DateText.Format(D(presentBy)), Recorded(m)[^1].Detail);
        }
    }

    [Theory]
    [InlineData(TransferKind.Permanent)]
    [InlineData(TransferKind.Temporary)]
    public void IssueTransfer_puts_the_member_in_transit_without_moving_them(TransferKind kind)
    {
        var m = Counted();

        var t = Issue(m, kind, Issued.AddMonths(6));

        Assert.Equal(Cell, m.OrganizationId);
        Assert.True(m.IsCounted);
        Assert.Equal(MemberStatus.Official, m.Status);
        Assert.Equal((m.Id, kind, Cell, OtherCell, TransferStatus.InTransit), (t.MemberId, t.Kind, t.FromOrganizationId, t.ToOrganizationId, t.Status));
        Assert.Equal((Issued, "15-GGT", "Chuyển công tác", Actor), (t.IssuedOn, t.LetterNumber, t.Reason, t.IssuedBy));
        Assert.Equal(kind == TransferKind.Temporary ? Issued.AddMonths(6) : (DateOnly?)null, t.TemporaryUntil);
        Assert.Equal((m.FullName, m.BirthDate, MemberStatus.Official), (t.MemberName, t.MemberBirthDate, t.MemberStatus));
        Assert.Null(t.ReceivedOn);
        var e = Assert.Single(Recorded(m));
        Assert.Equal((MemberEventKind.TransferIssued, Issued, "15-GGT", Cell, (long?)OtherCell),
            (e.Kind, e.EffectiveOn, e.DecisionNumber, e.OrganizationId, e.OtherOrganizationId));
    }

    [Fact]
    public void A_probationary_member_can_be_transferred()
    {
        var m = At(Point.Probationary);

        var t = Ok(m.IssueTransfer(TransferKind.Permanent, OtherCell, D("2026-05-04"), null, "15-GGT", null, Context));

        Assert.Equal(MemberStatus.Probationary, t.MemberStatus);
    }

    // ---- ReceiveTransfer.

    [Theory]
    [InlineData(TransferKind.Permanent, OtherCell)]
    [InlineData(TransferKind.Temporary, Cell)]
    public void ReceiveTransfer_moves_a_permanent_transfer_and_leaves_a_temporary_one_with_the_sender(TransferKind kind, long organizationAfter)
    {
        var m = Counted();
        var t = Issue(m, kind, Issued.AddMonths(6));

        Ok(m.ReceiveTransfer(t, D("2026-03-20"), Context));

        Assert.Equal(organizationAfter, m.OrganizationId);
        Assert.True(m.IsCounted);
        Assert.Equal((TransferStatus.Received, (DateOnly?)D("2026-03-20"), Actor), (t.Status, t.ReceivedOn, t.ReceivedBy));
        Assert.False(t.IsOverdue(D("2027-01-01")));
        Assert.Equal(2, Recorded(m).Count);
        var e = Recorded(m)[^1];
        Assert.Equal((MemberEventKind.TransferReceived, D("2026-03-20"), "15-GGT", (long?)Cell),
            (e.Kind, e.EffectiveOn, e.DecisionNumber, e.OtherOrganizationId));
        Assert.Equal(Transfer.DisplayName(kind), e.Detail);
        if (kind == TransferKind.Permanent)
            Assert.Equal(OtherCell, e.OrganizationId);
    }

    [Fact]
    public void Receiving_on_the_issue_date_is_accepted()
    {
        var m = Counted();
        var t = Issue(m);

        Ok(m.ReceiveTransfer(t, Issued, Context));

        Assert.Equal(OtherCell, m.OrganizationId);
    }

    [Fact]
    public void Receiving_twice_is_refused_and_changes_nothing()
    {
        var m = Counted();
        var t = Issue(m);
        Ok(m.ReceiveTransfer(t, D("2026-03-20"), Context));
        var before = MemberState.Of(m);

        Refused("transfer.status", m.ReceiveTransfer(t, D("2026-03-25"), Context));

        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(D("2026-03-20"), t.ReceivedOn);
    }

    [Theory]
    [InlineData(TransferKind.Permanent)]
    [InlineData(TransferKind.Temporary)]
    public void Receiving_before_the_issue_date_is_refused(TransferKind kind)
    {
        var m = Counted();
        var t = Issue(m, kind, Issued.AddMonths(6));
        var before = MemberState.Of(m);

        Refused("member.date.order", m.ReceiveTransfer(t, Issued.AddDays(-1), Context));

        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(TransferStatus.InTransit, t.Status);
        Assert.Null(t.ReceivedOn);
    }

    [Theory]
    [InlineData(Ending.Left)]
    [InlineData(Ending.Deceased)]
    public void A_transfer_of_a_member_who_ended_in_transit_cannot_be_received(Ending ending)
    {
        var m = Counted();
        var t = Issue(m);
        Ok(ending == Ending.Left ? m.Leave(D("2026-03-15"), "9-QĐ/ĐU", null, Context) : m.Die(D("2026-03-15"), Context));
        var before = MemberState.Of(m);

        Refused("member.status", m.ReceiveTransfer(t, D("2026-03-20"), Context));

        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(TransferStatus.InTransit, t.Status);
    }

    // ---- CancelTransfer.

    [Fact]
    public void CancelTransfer_records_the_cancellation_and_the_member_stays()
    {
        var m = Counted();
        var t = Issue(m);

        Ok(m.CancelTransfer(t, D("2026-03-12"), " Đổi nơi công tác ", Context));

        Assert.Equal(TransferStatus.Cancelled, t.Status);
        Assert.Equal(Cell, m.OrganizationId);
        var e = Recorded(m)[^1];
        Assert.Equal((MemberEventKind.TransferCancelled, D("2026-03-12"), "15-GGT", "Đổi nơi công tác", (long?)OtherCell),
            (e.Kind, e.EffectiveOn, e.DecisionNumber, e.Detail, e.OtherOrganizationId));
        Assert.False(t.IsOverdue(D("2027-01-01")));
        Refused("transfer.status", m.ReceiveTransfer(t, D("2026-03-20"), Context));
        Assert.Equal(Cell, m.OrganizationId);
    }

    [Theory]
    [InlineData("", "member.reason.required")]
    [InlineData("   ", "member.reason.required")]
    public void CancelTransfer_needs_a_reason(string reason, string code)
    {
        var m = Counted();
        var t = Issue(m);
        var before = MemberState.Of(m);

        Refused(code, m.CancelTransfer(t, D("2026-03-12"), reason, Context));

        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(TransferStatus.InTransit, t.Status);
    }

    [Theory]
    [InlineData(true, false, "2026-03-20", "transfer.status")]
    [InlineData(false, true, "2026-03-20", "transfer.status")]
    [InlineData(false, false, "2026-03-09", "member.date.order")]
    public void CancelTransfer_is_refused_once_received_or_cancelled_or_before_the_issue(
        bool received, bool cancelled, string on, string code)
    {
        var m = Counted();
        var t = Issue(m);
        if (received)
            Ok(m.ReceiveTransfer(t, D("2026-03-15"), Context));
        if (cancelled)
            Ok(m.CancelTransfer(t, D("2026-03-15"), "Đổi ý", Context));
        var before = MemberState.Of(m);
        var status = t.Status;

        Refused(code, m.CancelTransfer(t, D(on), "Đổi ý", Context));

        Assert.Equal(before, MemberState.Of(m));
        Assert.Equal(status, t.Status);
    }

    // ---- IsOverdue around PresentBy (21/04/2026 for a transfer issued on 10/03/2026).

    [Theory]
    [InlineData("2026-03-10", false)]
    [InlineData("2026-04-20", false)]
    [InlineData("2026-04-21", false)]
    [InlineData("2026-04-22", true)]
    [InlineData("2027-01-01", true)]
    public void A_transfer_in_transit_is_overdue_after_PresentBy(string today, bool overdue)
    {
        var t = Issue(Counted());

        Assert.Equal(D("2026-04-21"), t.PresentBy);
        Assert.Equal(overdue, t.IsOverdue(D(today)));
    }
}
