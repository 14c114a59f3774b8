using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Access;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>Rotations hold when two users act at the same moment: the database refuses overlapping rotations of one
/// cadre, a return is written once; and their audit lines belong to the sending organization (docs/adr/0012-rotations.md).</summary>
public sealed class RotationIntegrityTests : AppTest
{
    private Task<(long Member, long Appointment)> BaDinhCadreAsync() => WithDbAsync(async db =>
    {
        var a = await db.Appointments.Where(a => a.EndedOn == null && a.PositionName.StartsWith("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình")
            && !db.Rotations.Any(r => r.MemberId == a.MemberId)).OrderBy(a => a.Id).FirstAsync();
        return (a.MemberId, a.Id);
    });

    private static Dictionary<string, string> Fields(long appointment, string to, string start, string end) => new()
    {
        ["FromAppointmentId"] = appointment.ToString(), ["ToOrganizationCode"] = to, ["ToPositionName"] = "Phó Chủ tịch Ủy ban nhân dân",
        ["ToLevel"] = "Provincial", ["Direction"] = "", ["DecisionNumber"] = "1234-QĐ/TW", ["DecisionDate"] = "01/10/2026",
        ["StartOn"] = start, ["PlannedEndOn"] = end, ["Purpose"] = "Đào tạo, rèn luyện thực tiễn",
    };

    private async Task<HttpClient> HaNoiAdministratorAsync()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync("qt.hanoi", "Quản trị Hà Nội", Password, "T01", Role.SystemAdministrator, false, CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
        return await SignInAsync("qt.hanoi");
    }

    [Fact]
    public async Task The_database_refuses_two_overlapping_rotations_of_one_cadre_even_past_the_check()
    {
        var (member, appointment) = await BaDinhCadreAsync();
        var from = await OrganizationIdAsync("X00004");
        var to = await OrganizationIdAsync("T79");
        string Insert(string start, string end) =>
            "insert into rotations (member_id, member_name, from_organization_id, from_appointment_id, from_position_name, from_level, to_organization_id, "
            + "to_position_name, direction, decision_number, decision_date, start_on, planned_end_on, purpose) values "
            + $"({member}, 'x', {from}, {appointment}, 'x', 'Commune', {to}, 'x', 'Up', '1-QĐ/TW', '2026-10-01', '{start}', '{end}', 'x')";
        await TestDatabase.ScalarAsync<int>(DatabaseName, Insert("2026-11-01", "2029-10-31") + " returning 1");
        var refused = await Assert.ThrowsAnyAsync<PostgresException>(() => TestDatabase.ScalarAsync<int>(DatabaseName, Insert("2029-10-31", "2030-10-31") + " returning 1"));
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, refused.SqlState);
        Assert.Equal("rotations_no_overlap", refused.ConstraintName);
        // The day after the end is free.
        await TestDatabase.ScalarAsync<int>(DatabaseName, Insert("2029-11-01", "2030-10-31") + " returning 1");
    }

    [Fact]
    public async Task Two_simultaneous_rotations_of_one_cadre_one_is_recorded_the_other_refused_in_vietnamese()
    {
        var (member, appointment) = await BaDinhCadreAsync();
        var first = await SignInAsync("hanoi");
        var second = await SignInAsync("hanoi");
        var url = $"/Cadres/Rotations/New/{member}";
        var tokens = await Task.WhenAll(AntiforgeryTokenAsync(first, url), AntiforgeryTokenAsync(second, url));
        Task<HttpResponseMessage> Post(HttpClient client, string token, string to, string start) =>
            client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Fields(appointment, to, start, "31/10/2029"))
            { ["__RequestVerificationToken"] = token }));
        var responses = await Task.WhenAll(Post(first, tokens[0], "T79", "01/11/2026"), Post(second, tokens[1], "T38", "01/12/2026"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("trùng thời gian", (await DocumentAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(1, await WithDbAsync(db => db.Rotations.CountAsync(r => r.MemberId == member)));
        var id = (await WithDbAsync(db => db.Rotations.SingleAsync(r => r.MemberId == member))).Id.ToString();
        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "rotations" && a.EntityKey == id)));
    }

    [Fact]
    public async Task A_return_recorded_twice_at_the_same_time_is_written_once_and_audited_with_the_sending_organization()
    {
        var (member, appointment) = await BaDinhCadreAsync();
        var administrator = await HaNoiAdministratorAsync();
        const string search = "/Audit?entityType=rotations&org=X00004";
        var linesBefore = (await GetDocumentAsync(administrator, search)).QuerySelectorAll("[data-testid=audit-line]").Length;
        var hanoi = await SignInAsync("hanoi");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(hanoi, $"/Cadres/Rotations/New/{member}",
            Fields(appointment, "T79", "01/11/2026", "31/10/2029"))).StatusCode);
        var rotation = await WithDbAsync(db => db.Rotations.SingleAsync(r => r.MemberId == member));
        var details = $"/Cadres/Rotations/Details/{rotation.Id}";
        var hcm = await SignInAsync("hcm");
        var tokens = await Task.WhenAll(AntiforgeryTokenAsync(hanoi, details), AntiforgeryTokenAsync(hcm, details));
        Task<HttpResponseMessage> Return(HttpClient client, string token, string placement) =>
            client.PostAsync(details + "?handler=Return", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["ActualEndOn"] = "15/11/2026", ["ReturnPlacement"] = placement, ["__RequestVerificationToken"] = token }));
        var responses = await Task.WhenAll(Return(hanoi, tokens[0], "Trở về phường Ba Đình"), Return(hcm, tokens[1], "Bổ nhiệm tại Thành phố"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("đã kết thúc", (await DocumentAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        var updates = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "rotations" && a.EntityKey == rotation.Id.ToString()
            && a.Action == AuditAction.Update).ToListAsync());
        var update = Assert.Single(updates);
        var saved = await WithDbAsync(db => db.Rotations.SingleAsync(r => r.Id == rotation.Id));
        Assert.Contains(saved.ReturnPlacement!, update.Changes);

        // Both lines belong to the sending organization: the Hà Nội administrator finds them in the audit search.
        var x00004 = await OrganizationIdAsync("X00004");
        var lines = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "rotations" && a.EntityKey == rotation.Id.ToString()).ToListAsync());
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(x00004, l.OrganizationId));
        Assert.Equal(linesBefore + 2, (await GetDocumentAsync(administrator, search)).QuerySelectorAll("[data-testid=audit-line]").Length);
    }
}
