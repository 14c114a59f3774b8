using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Audit;

/// <summary>/Audit (search and chain state) and /Audit/History: what each kind of administrator sees.</summary>
public sealed class AuditPagesTests : AuditTest
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static List<IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("[data-testid=audit-line]").ToList();

    private static List<long> Ids(IHtmlDocument page) => Rows(page).Select(r => long.Parse(r.GetAttribute("data-id")!)).ToList();

    private static string Cell(IElement row, string name) => row.QuerySelector($"[data-testid={name}]")!.TextContent.Trim();

    /// <summary>Days as the audit filter reads them: Việt Nam calendar days (after 17:00 UTC it is already tomorrow there).</summary>
    private static string Today(int days = 0) =>
        VietnamTime.Today(TimeProvider.System).AddDays(days).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<(AuditEntry HaNoi, AuditEntry Hcm)> RenameInBothCitiesAsync()
    {
        await RenameAsync(await SignInAsync("hanoi"), "X00004.CB01", "Chi bộ Tổ dân phố số 1 Quán Thánh", "15-QĐ/ĐU");
        await RenameAsync(await SignInAsync("hcm"), "X26740.CB01", "Chi bộ Khu phố 1 Sài Gòn", "16-QĐ/ĐU");
        return (await LastUpdateOfAsync(await OrganizationIdAsync("X00004.CB01")),
            await LastUpdateOfAsync(await OrganizationIdAsync("X26740.CB01")));
    }

    /// <summary>Creates qt.hanoi, a system administrator whose grant is the Hà Nội subtree only.</summary>
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

    /// <summary>What a dossier page does when it is opened: one view line in its own unit of work.</summary>
    private async Task<long> AddViewLineAsync(string entityType, string key, long organizationId, Action<CurrentUser>? actAs = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        if (actAs is null)
            user.SetSystem("(kiểm thử)");
        else
            actAs(user);
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        var line = scope.ServiceProvider.GetRequiredService<AuditRecorder>().View(user, entityType, key, organizationId);
        db.AuditEntries.Add(line);
        await db.SaveChangesAsync();
        return line.Id;
    }

    [Fact]
    public async Task Search_shows_each_line_in_full_and_filters_by_user_organization_action_type_and_dates()
    {
        var (haNoi, hcm) = await RenameInBothCitiesAsync();
        var admin = await SignInAsync("admin");

        var all = await GetDocumentAsync(admin, "/Audit");
        var row = Rows(all).Single(r => r.GetAttribute("data-id") == haNoi.Id.ToString());
        // Shown in Việt Nam time (UTC+7) whatever the server clock.
        Assert.Equal(haNoi.OccurredAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture), Cell(row, "line-time"));
        Assert.StartsWith("hanoi", Cell(row, "line-user"));
        Assert.Equal("Sửa", Cell(row, "line-action"));
        Assert.Equal($"/Audit/History/organizations/{haNoi.EntityKey}", row.QuerySelector("[data-testid=line-entity] a")!.GetAttribute("href"));
        Assert.Contains($"Tổ chức đảng #{haNoi.EntityKey}", Cell(row, "line-entity"));
        Assert.Equal("Chi bộ Tổ dân phố số 1 Quán Thánh", Cell(row, "line-organization"));
        Assert.Equal("Quyết định 15-QĐ/ĐU", Cell(row, "line-reason"));
        var changes = Cell(row, "line-changes");
        Assert.Contains("name:", changes);
        Assert.Matches(@"→\s*Chi bộ Tổ dân phố số 1 Quán Thánh", changes);
        Assert.Contains(hcm.Id, Ids(all));

        var haNoiTree = await GetDocumentAsync(admin, "/Audit?org=t01");
        Assert.Contains(haNoi.Id, Ids(haNoiTree));
        Assert.DoesNotContain(hcm.Id, Ids(haNoiTree));
        Assert.NotEmpty(Rows(haNoiTree));
        var ward = await GetDocumentAsync(admin, "/Audit?org=X00004");
        Assert.Contains(haNoi.Id, Ids(ward));
        Assert.All(Rows(ward), r => Assert.DoesNotContain("Hồ Chí Minh", Cell(r, "line-organization")));

        var byName = await GetDocumentAsync(admin, "/Audit?user=HANOI");
        Assert.Contains(haNoi.Id, Ids(byName));
        Assert.All(Rows(byName), r => Assert.StartsWith("hanoi", Cell(r, "line-user")));
        var byId = await GetDocumentAsync(admin, $"/Audit?userId={haNoi.UserId}");
        Assert.Equal(Ids(byName), Ids(byId));
        Assert.Equal($"/Audit?userId={haNoi.UserId}", row.QuerySelector("[data-testid=line-user] a")!.GetAttribute("href"));

        var updates = await GetDocumentAsync(admin, "/Audit?action=Update&entityType=organizations");
        Assert.Equal(new[] { hcm.Id, haNoi.Id }, Ids(updates));
        var events = await GetDocumentAsync(admin, "/Audit?action=Insert&entityType=organization_events&user=hcm");
        Assert.Equal("Thêm", Cell(Rows(events).Single(), "line-action"));

        var dated = await GetDocumentAsync(admin, $"/Audit?action=Update&entityType=organizations&from={Today(-1)}&to={Today(1)}");
        Assert.Equal(new[] { hcm.Id, haNoi.Id }, Ids(dated));
        var before = await GetDocumentAsync(admin, $"/Audit?action=Update&entityType=organizations&to={Today(-1)}");
        Assert.Empty(Rows(before));
        Assert.NotNull(before.QuerySelector("[data-testid=audit-empty]"));
        Assert.Empty(Rows(await GetDocumentAsync(admin, $"/Audit?from={Today(1)}")));
    }

    [Fact]
    public async Task Search_pages_fifty_lines_at_a_time_newest_first()
    {
        var admin = await SignInAsync("admin");
        var expected = await WithDbAsync(db => db.AuditEntries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id).Take(150).ToListAsync());

        var first = await GetDocumentAsync(admin, "/Audit?entityType=");
        Assert.Equal(expected.Take(50), Ids(first));
        var second = await GetDocumentAsync(admin, first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!);
        Assert.Equal(expected.Skip(50).Take(50), Ids(second));
        var third = await GetDocumentAsync(admin, second.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!);
        Assert.Equal(expected.Skip(100).Take(50), Ids(third));
        Assert.Equal("/Audit", third.QuerySelector("[data-testid=first-page]")!.GetAttribute("href"));

        // Filters travel with the page links.
        var members = await GetDocumentAsync(admin, "/Audit?entityType=members&org=T01");
        var next = members.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!;
        Assert.Contains("entityType=members", next);
        Assert.Contains("org=T01", next);
        Assert.All(Rows(await GetDocumentAsync(admin, next)), r => Assert.Contains("members", Cell(r, "line-entity")));
    }

    [Fact]
    public async Task Bad_filter_input_gets_a_vietnamese_message_and_an_empty_result()
    {
        var admin = await SignInAsync("admin");
        foreach (var (query, message) in new[]
                 {
                     ("from=31/02/2025", "Ngày bắt đầu \"31/02/2025\" không phải ngày hợp lệ"),
                     ("to=hôm qua", "Ngày kết thúc \"hôm qua\" không phải ngày hợp lệ"),
                     ("from=05/08/2025&to=01/08/2025", "trước ngày bắt đầu"),
                     ("org=KHONGCO", "Không tìm thấy tổ chức có mã \"KHONGCO\""),
                     ("action=Approve", "Hành động \"Approve\" không có trong nhật ký"),
                     ("userId=abc", "Mã tài khoản \"abc\" không hợp lệ"),
                     ("after=xyz", "Liên kết trang không hợp lệ"),
                 })
        {
            var page = await GetDocumentAsync(admin, "/Audit?" + query);
            Assert.Contains(message, page.QuerySelector("[data-testid=errors]")?.TextContent ?? $"(no errors for {query})");
            Assert.Empty(Rows(page));
            Assert.NotNull(page.QuerySelector("[data-testid=audit-empty]"));
        }
    }

    [Fact]
    public async Task An_administrator_of_Ha_Noi_sees_Ha_Noi_lines_only_and_no_account_lines()
    {
        var qtHaNoi = await HaNoiAdministratorAsync();
        var (haNoi, hcm) = await RenameInBothCitiesAsync();
        var admin = await SignInAsync("admin");
        var hcmOrganization = await OrganizationIdAsync("X26740.CB01");
        var haNoiOrganization = await OrganizationIdAsync("X00004.CB01");

        // Positive control: the root administrator sees both cities and the accounts.
        var everything = Ids(await GetDocumentAsync(admin, "/Audit"));
        Assert.Contains(haNoi.Id, everything);
        Assert.Contains(hcm.Id, everything);
        Assert.NotEmpty(Rows(await GetDocumentAsync(admin, "/Audit?entityType=users")));
        var qtHaNoiId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "qt.hanoi").Select(u => u.Id).SingleAsync());
        var account = await GetDocumentAsync(admin, $"/Audit/History/users/{qtHaNoiId}");
        Assert.Equal("Thêm", Cell(Rows(account).First(), "line-action"));

        async Task SeesHaNoiOnly()
        {
            var page = await GetDocumentAsync(qtHaNoi, "/Audit");
            Assert.Contains(haNoi.Id, Ids(page));
            Assert.DoesNotContain(hcm.Id, Ids(page));
            Assert.All(Rows(page), r => Assert.DoesNotContain("users", Cell(r, "line-entity")));
            Assert.Empty(Rows(await GetDocumentAsync(qtHaNoi, "/Audit?entityType=users")));
            Assert.Empty(Rows(await GetDocumentAsync(qtHaNoi, "/Audit?user=hcm")));
            Assert.Empty(Rows(await GetDocumentAsync(qtHaNoi, "/Audit?action=Update&entityType=organizations&org=TW")));
            Assert.Contains("Không tìm thấy tổ chức có mã \"T79\"",
                (await GetDocumentAsync(qtHaNoi, "/Audit?org=T79")).QuerySelector("[data-testid=errors]")!.TextContent);
            Assert.Equal(new[] { haNoi.Id }, Ids(await GetDocumentAsync(qtHaNoi, "/Audit?action=Update&entityType=organizations")));

            await GetDocumentAsync(qtHaNoi, $"/Audit/History/organizations/{hcmOrganization}", HttpStatusCode.NotFound);
            await GetDocumentAsync(qtHaNoi, $"/Audit/History/users/{qtHaNoiId}", HttpStatusCode.NotFound);
            Assert.Contains(haNoi.Id, Ids(await GetDocumentAsync(qtHaNoi, $"/Audit/History/organizations/{haNoiOrganization}")));

            // Verifying reads every line of the chain: for administrators of the root only.
            Assert.Null(page.QuerySelector("[data-testid=verify]"));
            Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(qtHaNoi, "/Audit?handler=Verify", new(), "/Audit")).StatusCode);
        }

        await SeesHaNoiOnly();

        // Reading the whole country is not administering it: a viewer grant on the root widens nothing here.
        await WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "qt.hanoi");
            var root = await db.Organizations.SingleAsync(o => o.Code == "TW");
            db.UserGrants.Add(new UserGrant { UserId = user.Id, Role = Role.Viewer, OrganizationId = root.Id, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "(kiểm thử)" });
            return await db.SaveChangesAsync();
        });
        await SeesHaNoiOnly();

        Assert.Contains(hcm.Id, Ids(await GetDocumentAsync(admin, $"/Audit/History/organizations/{hcmOrganization}")));
    }

    [Fact]
    public async Task Users_who_do_not_administer_get_403()
    {
        foreach (var userName in new[] { "hanoi", "lanhdao.hanoi", "xa.badinh", "hcm" })
        {
            var client = await SignInAsync(userName);
            await GetDocumentAsync(client, "/Audit", HttpStatusCode.Forbidden);
            await GetDocumentAsync(client, $"/Audit/History/organizations/{await OrganizationIdAsync("X00004")}", HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(client, "/Audit?handler=Verify", new(), "/")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Anonymous().GetAsync("/Audit")).StatusCode);
    }

    [Fact]
    public async Task History_lists_every_line_of_one_record_oldest_first_and_is_linked_from_the_search()
    {
        var (haNoi, _) = await RenameInBothCitiesAsync();
        await RenameAsync(await SignInAsync("hanoi"), "X00004.CB01", "Chi bộ Quán Thánh 1", "17-QĐ/ĐU");
        var admin = await SignInAsync("admin");
        var search = await GetDocumentAsync(admin, "/Audit?action=Update&entityType=organizations&user=hanoi");
        var link = Rows(search).First().QuerySelector("[data-testid=line-entity] a")!.GetAttribute("href")!;
        Assert.Equal($"/Audit/History/organizations/{haNoi.EntityKey}", link);

        var history = await GetDocumentAsync(admin, link);
        var expected = await WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "organizations" && a.EntityKey == haNoi.EntityKey)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, Ids(history));
        Assert.Equal(new[] { "Thêm", "Sửa", "Sửa" }, Rows(history).Select(r => Cell(r, "line-action")));
        Assert.Contains("Chi bộ Quán Thánh 1", history.QuerySelector("[data-testid=record-title]")!.TextContent);
        // The history shows every field of the insert, not the search's shortened list.
        Assert.True(Rows(history)[0].QuerySelectorAll("[data-testid=line-changes] li").Length > 4);

        await GetDocumentAsync(admin, "/Audit/History/organizations/999999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_chain_panel_counts_sealed_and_waiting_lines_and_the_badges_follow_sealing()
    {
        await SealAllAsync();
        var admin = await SignInAsync("admin");
        var sealedCount = await ScalarAsync<long>("select count(*) from audit_log");

        var ward = await OrganizationIdAsync("X00004");
        long viewId;
        await using (await PauseSealingAsync())
        {
            viewId = await AddViewLineAsync("members", "1", ward);
            var waiting = await GetDocumentAsync(admin, "/Audit");
            Assert.Equal(sealedCount.ToString("N0", Vietnamese), waiting.QuerySelector("[data-testid=chain-sealed]")!.TextContent.Trim());
            Assert.Equal("1", waiting.QuerySelector("[data-testid=chain-unsealed]")!.TextContent.Trim());
            Assert.EndsWith("giây", waiting.QuerySelector("[data-testid=chain-oldest]")!.TextContent.Trim());
            var row = Rows(waiting).Single(r => r.GetAttribute("data-id") == viewId.ToString());
            Assert.Equal("Chưa niêm phong", Cell(row, "line-seal"));
        }

        await SealAllAsync();
        var done = await GetDocumentAsync(admin, "/Audit");
        Assert.Equal((sealedCount + 1).ToString("N0", Vietnamese), done.QuerySelector("[data-testid=chain-sealed]")!.TextContent.Trim());
        Assert.Equal("0", done.QuerySelector("[data-testid=chain-unsealed]")!.TextContent.Trim());
        Assert.Equal("—", done.QuerySelector("[data-testid=chain-oldest]")!.TextContent.Trim());
        Assert.Equal($"Đã niêm phong #{(sealedCount + 1).ToString("N0", Vietnamese)}",
            Cell(Rows(done).Single(r => r.GetAttribute("data-id") == viewId.ToString()), "line-seal"));

        var verified = await DocumentAsync(await PostFormAsync(admin, "/Audit?handler=Verify", new(), "/Audit"));
        var result = verified.QuerySelector("[data-testid=verify-result]")!.TextContent;
        Assert.Contains("toàn vẹn", result);
        Assert.Contains((sealedCount + 1).ToString("N0", Vietnamese), result);
    }

    [Fact]
    public async Task Opening_a_dossier_is_logged_as_a_view_line_by_the_recorder()
    {
        var (memberId, ward) = await WithDbAsync(async db =>
        {
            var member = await db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004")))
                .Select(m => new { m.Id, m.OrganizationId }).FirstAsync();
            return (member.Id, member.OrganizationId);
        });
        var hanoi = await WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "hanoi"));

        var id = await AddViewLineAsync("members", memberId.ToString(), ward, user => user.SetUser(hanoi.Id, "hanoi", "10.1.2.3", []));

        var stored = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Id == id));
        Assert.Equal(AuditAction.View, stored.Action);
        Assert.Equal(hanoi.Id, stored.UserId);
        Assert.Equal("hanoi", stored.UserName);
        Assert.Equal("10.1.2.3", stored.IpAddress);
        Assert.Equal(("members", memberId.ToString(), (long?)ward), (stored.EntityType, stored.EntityKey, stored.OrganizationId));
        Assert.Null(stored.Changes);
        Assert.Null(stored.Reason);
        Assert.True(DateTimeOffset.UtcNow - stored.OccurredAt < TimeSpan.FromMinutes(1));

        var views = await GetDocumentAsync(await SignInAsync("admin"), "/Audit?action=View");
        var row = Rows(views).Single();
        Assert.Equal(id.ToString(), row.GetAttribute("data-id"));
        Assert.Equal("Xem", Cell(row, "line-action"));
        Assert.Equal("10.1.2.3", Cell(row, "line-ip"));
        var wardName = await WithDbAsync(db => db.Organizations.Where(o => o.Id == ward).Select(o => o.Name).SingleAsync());
        Assert.Equal(wardName, Cell(row, "line-organization"));
    }
}
