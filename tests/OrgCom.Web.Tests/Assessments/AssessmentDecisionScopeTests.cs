using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgCom.Core.Access;
using OrgCom.Core.Assessments;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Assessments;

/// <summary>Approving, reopening and overriding are decisions of the competent level: the save guard demands Approve
/// there, whatever page (or forgotten check) makes the change.</summary>
public sealed class AssessmentDecisionScopeTests : AssessmentTest
{
    private async Task<(long Round, long Cell)> SubmittedCellAsync()
    {
        var round = await OpenRoundAsync();
        var cell = await OrganizationIdAsync(AssessmentArrange.Cell);
        var url = EntryUrl(round, cell);
        var staff = await SignInAsync("xa.badinh");
        await StartAsync(staff, url);
        await RateAllAsync(staff, url, await CellMembersAsync(), 0);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(staff, url, "Submit")).StatusCode);
        return (round, cell);
    }

    /// <summary>A scoped DbContext acting as a user holding <paramref name="role"/> on the organization <paramref name="code"/>.</summary>
    private async Task<(AsyncServiceScope Scope, OrgComDbContext Db)> ActingAsync(string userName, Role role, string code)
    {
        var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var account = await db.Users.SingleAsync(u => u.UserName == userName);
        var org = await db.Organizations.IgnoreQueryFilters().Where(o => o.Code == code)
            .Select(o => new { o.Id, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleAsync();
        user.SetUser(account.Id, userName, null, [new ScopeGrant(role, org.Id, org.Path)]);
        return (scope, db);
    }

    [Fact]
    public async Task A_forged_approval_by_staff_or_by_a_leader_of_the_cell_itself_is_refused()
    {
        var (round, cell) = await SubmittedCellAsync();
        var before = await SnapshotAsync();
        var now = new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);

        // Staff with Write on the ward (the competent level) set the status directly.
        var (scope, db) = await ActingAsync("xa.badinh", Role.CommissionStaff, "X00004");
        await using (scope)
        {
            var a = await db.OrganizationAssessments.SingleAsync(x => x.RoundId == round && x.OrganizationId == cell);
            db.Entry(a).Property(x => x.Status).CurrentValue = AssessmentStatus.Approved;
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        // … or through the aggregate, or with an override.
        (scope, db) = await ActingAsync("xa.badinh", Role.CommissionStaff, "X00004");
        await using (scope)
        {
            var a = await db.OrganizationAssessments.SingleAsync(x => x.RoundId == round && x.OrganizationId == cell);
            Assert.True(a.Approve("xa.badinh", now).IsSuccess);
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        // A leader granted on the cell itself is not the competent level.
        (scope, db) = await ActingAsync("lanhdao.hanoi", Role.Leader, AssessmentArrange.Cell);
        await using (scope)
        {
            var a = await db.OrganizationAssessments.SingleAsync(x => x.RoundId == round && x.OrganizationId == cell);
            Assert.True(a.Approve("lanhdao.hanoi", now).IsSuccess);
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(before, await SnapshotAsync());

        // The page answers 403 to such a leader, and nothing changes.
        await TestDatabase.ExecuteAsync(
            $"update user_grants set organization_id = {cell} where user_id = (select id from users where user_name = 'lanhdao.hanoi')", DatabaseName);
        var cellLeader = await SignInAsync("lanhdao.hanoi");
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(cellLeader, EntryUrl(round, cell), "Approve")).StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_leader_of_the_level_above_approves_and_the_round_opener_decides_its_own()
    {
        var (round, cell) = await SubmittedCellAsync();
        var now = new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);
        var (scope, db) = await ActingAsync("lanhdao.hanoi", Role.Leader, "X00004");
        await using (scope)
        {
            var a = await db.OrganizationAssessments.SingleAsync(x => x.RoundId == round && x.OrganizationId == cell);
            Assert.True(a.Approve("lanhdao.hanoi", now).IsSuccess);
            await db.SaveChangesAsync();
        }
        Assert.Equal(AssessmentStatus.Approved, (await AssessmentAsync(round, cell))!.Status);

        // The city opened the round: its own assessment is decided by the city's leaders.
        var city = await OrganizationIdAsync("T01");
        await StartAsync(await SignInAsync("hanoi"), EntryUrl(round, city));
        (scope, db) = await ActingAsync("lanhdao.hanoi", Role.Leader, "T01");
        await using (scope)
        {
            var a = await db.OrganizationAssessments.SingleAsync(x => x.RoundId == round && x.OrganizationId == city);
            Assert.True(a.Override(RuleKeys.First, "Lý do đủ dài để ghi nhận", "lanhdao.hanoi", now, RuleKeys.Finding).IsSuccess);
            await db.SaveChangesAsync();
        }
        // Staff of the city may not override on their own.
        (scope, db) = await ActingAsync("hanoi", Role.CommissionStaff, "T01");
        await using (scope)
        {
            var a = await db.OrganizationAssessments.SingleAsync(x => x.RoundId == round && x.OrganizationId == city);
            Assert.True(a.Override(RuleKeys.First, "Một lý do khác đủ dài", "hanoi", now, RuleKeys.Finding).IsSuccess);
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
    }

    private static class RuleKeys
    {
        public const string First = "assessment.excellent_cap_percent_of_good";

        public static readonly AssessmentCheck Finding = new([new RuleFinding("assessment.excellent_cap", First, "Vượt.", null, true, true, [], null)]);
    }
}
