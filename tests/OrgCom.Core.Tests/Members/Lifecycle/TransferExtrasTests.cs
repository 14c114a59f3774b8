using OrgCom.Core.Members;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

public class TransferExtrasTests
{
    // The boundary is the 60th working day after the change, by the shipped holiday calendar (30/4–1/5 fall inside).
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-20, false)]
    public void A_permanent_transfer_started_after_the_rules_working_days_is_issued_with_a_warning(int daysAfterDeadline, bool late)
    {
        var changed = D("2026-03-02");
        var startBy = Context.Calendar.AddWorkingDays(changed, 60);
        Assert.True(startBy > D("2026-05-22"), "60 working days from 02/03/2026 skip Giỗ Tổ's day off and 30/4–1/5");
        var m = At(Point.Official);
        var transfer = Ok(m.IssueTransfer(TransferKind.Permanent, OtherCell, startBy.AddDays(daysAfterDeadline), null, "1-GGT/ĐU", null, Context, changed));
        Assert.Equal(TransferStatus.InTransit, transfer.Status);
        Assert.Equal(late, m.LastWarning is not null);
        Assert.Equal(late, m.Events[^1].Detail!.Contains("Làm thủ tục chậm"));
    }

    [Fact]
    public void A_change_after_the_issue_date_is_refused()
    {
        var m = At(Point.Official);
        Refused("member.date.order", m.IssueTransfer(TransferKind.Permanent, OtherCell, D("2026-03-02"), null, null, null, Context, D("2026-03-10")));
    }

    [Fact]
    public void Only_a_received_temporary_transfer_can_be_ended_and_the_member_never_leaves_the_sender()
    {
        var m = At(Point.Official);
        var temporary = Ok(m.IssueTransfer(TransferKind.Temporary, OtherCell, D("2026-03-02"), D("2026-09-01"), null, null, Context));
        Refused("transfer.end", m.EndTemporaryTransfer(temporary, D("2026-03-05"), Context));
        Ok(m.ReceiveTransfer(temporary, D("2026-03-04"), Context));
        Assert.Equal(Cell, m.OrganizationId);
        Refused("member.date.order", m.EndTemporaryTransfer(temporary, D("2026-03-03"), Context));
        Ok(m.EndTemporaryTransfer(temporary, D("2026-09-01"), Context));
        Assert.Equal(TransferStatus.Ended, temporary.Status);
        Assert.Equal(MemberEventKind.TemporaryTransferEnded, m.Events[^1].Kind);
        Assert.Equal(Cell, m.OrganizationId);

        var other = At(Point.Official);
        var permanent = Ok(other.IssueTransfer(TransferKind.Permanent, OtherCell, D("2026-03-02"), null, null, null, Context));
        Ok(other.ReceiveTransfer(permanent, D("2026-03-04"), Context));
        Refused("transfer.end", other.EndTemporaryTransfer(permanent, D("2026-04-01"), Context));
    }
}
