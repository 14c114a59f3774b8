using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

/// <summary>The dossier page: the sections of the personal-history form, filled from the member and their events.</summary>
public sealed class DossierViewTests : DossierTest
{
    public static readonly string[] SectionIds =
        ["identity", "education", "party", "introducers", "work", "awards", "discipline", "family", "history"];

    private async Task AddEventAsync(long memberId, string kind, string date, string? decision, string? level = null, string? detail = null)
    {
        var organization = (await MemberAsync(memberId)).OrganizationId;
        await TestDatabase.ExecuteAsync($"""
            insert into member_events (member_id, kind, effective_on, decision_number, organization_id, discipline_level, detail, recorded_by)
            values ({memberId}, '{kind}', '{date}', {Sql(decision)}, {organization}, {Sql(level)}, {Sql(detail)}, 'kiểm thử')
            """, DatabaseName);
    }

    private static string Sql(string? s) => s is null ? "null" : $"'{s.Replace("'", "''")}'";

    [Fact]
    public async Task The_dossier_shows_every_section_with_a_dash_for_what_is_missing_and_logs_every_opening()
    {
        var id = await HanoiMemberAsync();
        var member = await MemberAsync(id);
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Members/Details/{id}");
        await GetDocumentAsync(client, $"/Members/Details/{id}");

        foreach (var section in SectionIds)
            Assert.NotNull(page.QuerySelector($"[data-testid=section-{section}]"));
        Assert.Equal(member.FullName, page.QuerySelector("[data-testid=member-name]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=citizen-id]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=party-card]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=general-education]")!.TextContent.Trim());
        Assert.Equal("Chưa qua đào tạo", page.QuerySelector("[data-testid=political-theory]")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=section-work] .card-body")!.TextContent.Trim());
        Assert.Equal("—", page.QuerySelector("[data-testid=section-family] .card-body")!.TextContent.Trim());
        var party = page.QuerySelector("[data-testid=section-party]")!;
        Assert.Contains(member.AdmittedOn!.Value.ToString("dd/MM/yyyy"), party.TextContent);
        Assert.NotNull(party.QuerySelector($"a[href='/Organizations/Details/{member.OrganizationId}']"));

        var views = await WithDbAsync(db => db.AuditEntries.Where(a =>
            a.Action == AuditAction.View && a.EntityType == "members" && a.EntityKey == id.ToString()).ToListAsync());
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(("hanoi", member.OrganizationId), (v.UserName, v.OrganizationId)));
    }

    [Fact]
    public async Task A_birth_known_only_by_its_year_is_shown_as_the_year()
    {
        var id = await HanoiMemberAsync();
        await WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == id);
            Assert.True(m.UpdateIdentity(m.Identity with { BirthDate = new DateOnly(1968, 7, 9), BirthYearOnly = true }, new DateOnly(2026, 1, 1)).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Equal("1968", page.QuerySelector("[data-testid=birth]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Discipline_comes_from_the_disciplined_events_and_the_history_lists_every_event_newest_first()
    {
        var id = await HanoiMemberAsync();
        // The demo seed records each member's ceremony and recognition; this test writes its own history instead.
        await TestDatabase.ExecuteAsync($"delete from member_events where member_id = {id}", DatabaseName);
        await AddEventAsync(id, "CeremonyHeld", "2010-05-19", "88-QĐ/ĐU");
        await AddEventAsync(id, "RecognizedOfficial", "2011-05-19", "102-QĐ/ĐU");
        await AddEventAsync(id, "Disciplined", "2016-03-02", "7-QĐ/UBKT", "Warning", "Vi phạm quy định về sinh hoạt");
        await TestDatabase.ExecuteAsync($$"""
            update members set introducers = '[{"fullName":"Trần Văn Hùng","position":"Bí thư chi bộ","unit":"Chi bộ Tổ dân phố số 1","isYouthUnionResolution":false}]'
            where id = {{id}}
            """, DatabaseName);
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Members/Details/{id}");

        var discipline = page.QuerySelectorAll("[data-testid=section-discipline] tbody tr").ToList();
        var row = Assert.Single(discipline);
        Assert.Contains("02/03/2016", row.TextContent);
        Assert.Contains("Cảnh cáo", row.TextContent);
        Assert.Contains("7-QĐ/UBKT", row.TextContent);
        Assert.Contains("Vi phạm quy định về sinh hoạt", row.TextContent);

        var history = page.QuerySelectorAll("[data-testid=section-history] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains("02/03/2016", history[0]);
        Assert.Contains("Kỷ luật", history[0]);
        Assert.Contains("19/05/2011", history[1]);
        Assert.Contains("Công nhận đảng viên chính thức", history[1]);
        Assert.Contains("102-QĐ/ĐU", history[1]);
        Assert.Contains("19/05/2010", history[2]);
        Assert.Contains("88-QĐ/ĐU", history[2]);

        var introducers = page.QuerySelector("[data-testid=section-introducers]")!.TextContent;
        Assert.Contains("Trần Văn Hùng", introducers);
        Assert.Contains("Bí thư chi bộ", introducers);
    }

    [Fact]
    public async Task The_history_names_the_organizations_in_the_users_scope_and_hides_the_others()
    {
        var id = await HanoiMemberAsync();
        var hcm = await OrganizationIdAsync("X26740");
        var hanoiWard = await OrganizationIdAsync("X00004");
        var (hcmName, wardName) = await WithDbAsync(async db => (
            await db.Organizations.Where(o => o.Id == hcm).Select(o => o.Name).SingleAsync(),
            await db.Organizations.Where(o => o.Id == hanoiWard).Select(o => o.Name).SingleAsync()));
        var organization = (await MemberAsync(id)).OrganizationId;
        await TestDatabase.ExecuteAsync($"""
            insert into member_events (member_id, kind, effective_on, decision_number, organization_id, other_organization_id, recorded_by)
            values ({id}, 'TransferReceived', '2015-04-01', '12-GGT', {organization}, {hanoiWard}, 'kiểm thử'),
                   ({id}, 'TransferIssued', '2019-08-01', '34-GGT', {organization}, {hcm}, 'kiểm thử')
            """, DatabaseName);

        var asHanoi = await GetDocumentAsync(await SignInAsync("hanoi"), $"/Members/Details/{id}");
        var history = asHanoi.QuerySelectorAll("[data-testid=section-history] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, r => r.Contains("Chuyển từ " + wardName));
        Assert.Contains(history, r => r.Contains("Chuyển đến (tổ chức ngoài phạm vi)"));
        Assert.DoesNotContain(hcmName, asHanoi.Body!.TextContent);

        var asAdmin = await GetDocumentAsync(await SignInAsync("admin"), $"/Members/Details/{id}");
        Assert.Contains("Chuyển đến " + hcmName, asAdmin.QuerySelector("[data-testid=section-history]")!.TextContent);
    }

    [Fact]
    public async Task A_stored_photo_is_shown_on_the_dossier_and_its_absence_as_an_empty_frame()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.Null(page.QuerySelector("[data-testid=photo]"));
        Assert.Contains("Chưa có ảnh 3×4", page.QuerySelector("[data-testid=section-identity]")!.TextContent);

        await WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == id);
            Assert.True(m.SetPhoto(TinyPng, "image/png").IsSuccess);
            return await db.SaveChangesAsync();
        });
        page = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("[data-testid=photo]")!.GetAttribute("src"));
    }
}
