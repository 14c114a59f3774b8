using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Admin;

public sealed class UserAdministrationTests : AppTest
{
    private const string LockedOutMessage = "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần";
    private const string DeactivatedMessage = "Tài khoản đã bị khóa bởi quản trị viên.";

    [Fact]
    public async Task Users_without_administer_get_403_on_every_admin_page()
    {
        var client = await SignInAsync("lanhdao.hanoi");
        var hanoi = await UserIdAsync("hanoi");
        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Create", $"/Admin/Users/Details/{hanoi}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        var post = await PostFormAsync(client, $"/Admin/Users/Details/{hanoi}?handler=Deactivate", [], "/Organizations");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.True(await IsActiveAsync("hanoi"));
    }

    [Fact]
    public async Task Root_administrator_lists_every_account_50_per_page_and_filters_by_name()
    {
        await WithDbAsync(async db =>
        {
            for (var i = 1; i <= 60; i++)
                db.Users.Add(new AppUser
                {
                    Id = Guid.NewGuid(), UserName = $"chuagiao{i:00}", NormalizedUserName = $"CHUAGIAO{i:00}",
                    FullName = $"Người dùng chưa giao quyền {i:00}", SecurityStamp = Guid.NewGuid().ToString(),
                    CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true,
                });
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync("admin");

        var first = await GetDocumentAsync(client, "/Admin/Users");
        Assert.Equal(50, Rows(first).Count);
        Assert.StartsWith("65 người dùng · trang 1/2", Text(first, "user-total"));
        var second = await GetDocumentAsync(client, "/Admin/Users?p=2");
        Assert.Equal(15, Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));

        // Accents and case do not matter; the row shows status, 2FA and the grants.
        var found = await GetDocumentAsync(client, "/Admin/Users?q=nguyen%20THI%20ha");
        Assert.Equal(["hanoi"], Rows(found));
        var row = found.QuerySelector("[data-testid=user-row-hanoi]")!;
        Assert.Contains("Nguyễn Thị Hà", row.TextContent);
        Assert.Equal("Đang hoạt động", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains("Tắt", row.TextContent);
        Assert.Contains("Cán bộ Ban Tổ chức — Đảng bộ thành phố Hà Nội", Squash(row.TextContent));

        // Accounts without any grant are there for the root administrator, filtered and paged like the rest.
        var ungranted = await GetDocumentAsync(client, "/Admin/Users?q=chuagiao");
        Assert.StartsWith("60 người dùng khớp \"chuagiao\" · trang 1/2", Text(ungranted, "user-total"));
        Assert.Equal(50, Rows(ungranted).Count);
        Assert.Contains(ungranted.QuerySelectorAll("[data-testid=pager] a").Select(a => a.GetAttribute("href")), h => h == "/Admin/Users?p=2&q=chuagiao");
        Assert.Equal(10, Rows(await GetDocumentAsync(client, "/Admin/Users?q=chuagiao&p=2")).Count);
    }

    [Fact]
    public async Task Creating_an_account_gives_it_its_first_grant_and_refuses_bad_input_without_creating_anything()
    {
        var client = await SignInAsync("admin");
        var before = await CountsAsync();

        async Task<string> RefusedAsync(Dictionary<string, string> changes)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.UserName"] = "canbo.badinh", ["Input.FullName"] = "Đỗ Thị Mai", ["Input.Password"] = "CanBo@BaDinh1",
                ["Input.Role"] = "CommissionStaff", ["Input.OrganizationCode"] = "x00004",
            };
            foreach (var (k, v) in changes)
                fields[k] = v;
            var response = await PostFormAsync(client, "/Admin/Users/Create", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Errors(await DocumentAsync(response));
        }
        Assert.Contains("Tên đăng nhập \"HANOI\" đã có người dùng.", await RefusedAsync(new() { ["Input.UserName"] = "HANOI" }));
        Assert.Contains("Không tìm thấy tổ chức có mã \"X99999\"", await RefusedAsync(new() { ["Input.OrganizationCode"] = "X99999" }));
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await RefusedAsync(new() { ["Input.Password"] = "Ab@1" }));
        Assert.Contains("Chưa nhập họ và tên.", await RefusedAsync(new() { ["Input.FullName"] = "" }));
        Assert.Contains("Chưa chọn vai trò.", await RefusedAsync(new() { ["Input.Role"] = "Owner" }));
        Assert.Contains("chỉ được gồm chữ cái không dấu", await RefusedAsync(new() { ["Input.UserName"] = "cán bộ" }));
        Assert.Equal(before, await CountsAsync());

        var created = await PostFormAsync(client, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "canbo.badinh", ["Input.FullName"] = "Đỗ Thị Mai", ["Input.Password"] = "CanBo@BaDinh1",
            ["Input.Role"] = "CommissionStaff", ["Input.OrganizationCode"] = "x00004",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await UserIdAsync("canbo.badinh");
        Assert.Equal($"/Admin/Users/Details/{id}", created.Headers.Location!.OriginalString);
        var details = await GetDocumentAsync(client, created.Headers.Location.OriginalString);
        Assert.Contains("Đã tạo tài khoản canbo.badinh", details.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Đỗ Thị Mai", Text(details, "full-name"));
        Assert.Contains("Cán bộ Ban Tổ chức — Đảng bộ phường Ba Đình", Text(details, "grants"));
        Assert.Equal($"/Audit?userId={id}", details.QuerySelector("[data-testid=audit-link]")!.GetAttribute("href"));

        var grant = await WithDbAsync(db => db.UserGrants.SingleAsync(g => g.UserId == id));
        Assert.Equal((Role.CommissionStaff, await OrganizationIdAsync("X00004"), "admin"), (grant.Role, grant.OrganizationId, grant.GrantedBy));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Insert
            && (a.EntityType == "users" && a.EntityKey == id.ToString() || a.EntityType == "user_grants" && a.EntityKey == grant.Id.ToString())).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));
        await SignInAsync("canbo.badinh", "CanBo@BaDinh1");
    }

    [Fact]
    public async Task Hanoi_administrator_manages_only_accounts_inside_its_subtree()
    {
        // A provincial administrator who may also read Hồ Chí Minh: reading is not administering.
        await CreateAccountAsync("admin.hanoi", "Quản trị Hà Nội", "T01", Role.SystemAdministrator);
        var adminHanoi = await UserIdAsync("admin.hanoi");
        await AddGrantAsync(adminHanoi, "T79", Role.Viewer);
        var client = await SignInAsync("admin.hanoi");
        var hcm = await UserIdAsync("hcm");
        var hanoi = await UserIdAsync("hanoi");
        var hcmGrant = await WithDbAsync(db => db.UserGrants.Where(g => g.UserId == hcm).Select(g => g.Id).SingleAsync());
        var hcmStampBefore = await WithDbAsync(db => db.Users.Where(u => u.Id == hcm).Select(u => u.SecurityStamp).SingleAsync());

        var list = await GetDocumentAsync(client, "/Admin/Users");
        Assert.Equal(["admin.hanoi", "hanoi", "lanhdao.hanoi", "xa.badinh"], Rows(list).Order().ToList());
        Assert.Empty(Rows(await GetDocumentAsync(client, "/Admin/Users?q=hcm")));

        var before = await CountsAsync();
        await GetDocumentAsync(client, $"/Admin/Users/Details/{hcm}", HttpStatusCode.NotFound);
        foreach (var handler in new[] { "Deactivate", "Activate", "Unlock", "ResetPassword", "AddGrant" })
        {
            var response = await PostFormAsync(client, $"/Admin/Users/Details/{hcm}?handler={handler}",
                new() { ["NewPassword"] = "ChiemQuyen@2026", ["GrantRole"] = "SystemAdministrator", ["GrantOrganizationCode"] = "T01" },
                "/Admin/Users");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var removeOnOwner = await PostFormAsync(client, $"/Admin/Users/Details/{hcm}?handler=RemoveGrant&grantId={hcmGrant}", [], "/Admin/Users");
        Assert.Equal(HttpStatusCode.NotFound, removeOnOwner.StatusCode);
        var removeThroughOther = await PostFormAsync(client, $"/Admin/Users/Details/{hanoi}?handler=RemoveGrant&grantId={hcmGrant}", [], "/Admin/Users");
        Assert.Equal(HttpStatusCode.NotFound, removeThroughOther.StatusCode);

        var grantOnHcm = await DocumentAsync(await PostFormAsync(client, $"/Admin/Users/Details/{hanoi}?handler=AddGrant",
            new() { ["GrantRole"] = "Viewer", ["GrantOrganizationCode"] = "T79" }, $"/Admin/Users/Details/{hanoi}"));
        Assert.Contains("Bạn không có quyền quản trị người dùng của Đảng bộ thành phố Hồ Chí Minh.", Errors(grantOnHcm));
        var grantOnCentre = await DocumentAsync(await PostFormAsync(client, $"/Admin/Users/Details/{hanoi}?handler=AddGrant",
            new() { ["GrantRole"] = "Viewer", ["GrantOrganizationCode"] = "TW" }, $"/Admin/Users/Details/{hanoi}"));
        Assert.Contains("Không tìm thấy tổ chức có mã \"TW\" trong phạm vi của bạn.", Errors(grantOnCentre));
        var createInHcm = await DocumentAsync(await PostFormAsync(client, "/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "canbo.hcm", ["Input.FullName"] = "Võ Văn Tâm", ["Input.Password"] = "CanBo@Hcm2026",
            ["Input.Role"] = "SystemAdministrator", ["Input.OrganizationCode"] = "T79",
        }));
        Assert.Contains("Bạn không có quyền quản trị người dùng của Đảng bộ thành phố Hồ Chí Minh.", Errors(createInHcm));

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(hcmStampBefore, await WithDbAsync(db => db.Users.Where(u => u.Id == hcm).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.True(await IsActiveAsync("hcm"));
        await SignInAsync("hcm");

        // Inside the subtree the same administrator works normally.
        var granted = await PostFormAsync(client, $"/Admin/Users/Details/{hanoi}?handler=AddGrant",
            new() { ["GrantRole"] = "Leader", ["GrantOrganizationCode"] = "X00004" }, $"/Admin/Users/Details/{hanoi}");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("Lãnh đạo — Đảng bộ phường Ba Đình", Text(await GetDocumentAsync(client, $"/Admin/Users/Details/{hanoi}"), "grants"));
    }

    [Fact]
    public async Task Account_wide_changes_need_administer_over_every_grant_of_the_account()
    {
        await CreateAccountAsync("admin.hanoi", "Quản trị Hà Nội", "T01", Role.SystemAdministrator);
        var leader = await UserIdAsync("lanhdao.hanoi");
        await AddGrantAsync(leader, "T79", Role.Leader);
        var client = await SignInAsync("admin.hanoi");

        var details = await GetDocumentAsync(client, $"/Admin/Users/Details/{leader}");
        Assert.Contains("1 quyền ở tổ chức ngoài phạm vi", Text(details, "beyond-scope"));
        Assert.DoesNotContain("Hồ Chí Minh", Text(details, "grants"));
        var before = await CountsAsync();
        foreach (var handler in new[] { "ResetPassword", "Deactivate" })
        {
            var refused = await DocumentAsync(await PostFormAsync(client, $"/Admin/Users/Details/{leader}?handler={handler}",
                new() { ["NewPassword"] = "ChiemQuyen@2026" }, $"/Admin/Users/Details/{leader}"));
            Assert.Contains("chỉ quản trị viên cấp trên", Errors(refused));
        }
        Assert.Equal(before, await CountsAsync());
        Assert.True(await IsActiveAsync("lanhdao.hanoi"));
        await SignInAsync("lanhdao.hanoi");
    }

    [Fact]
    public async Task Grants_are_added_and_removed_with_clear_refusals_and_an_audit_trail()
    {
        var client = await SignInAsync("admin");
        var hcm = await UserIdAsync("hcm");
        var url = $"/Admin/Users/Details/{hcm}";

        var added = await PostFormAsync(client, $"{url}?handler=AddGrant", new() { ["GrantRole"] = "Leader", ["GrantOrganizationCode"] = "x00004" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await GetDocumentAsync(client, url);
        Assert.Contains("Đã giao vai trò Lãnh đạo tại Đảng bộ phường Ba Đình.", page.QuerySelector("[role=status]")!.TextContent);
        var grant = await WithDbAsync(db => db.UserGrants.SingleAsync(g => g.UserId == hcm && g.Role == Role.Leader));

        var before = await CountsAsync();
        var duplicate = await DocumentAsync(await PostFormAsync(client, $"{url}?handler=AddGrant",
            new() { ["GrantRole"] = "Leader", ["GrantOrganizationCode"] = "X00004" }, url));
        Assert.Contains("Người dùng đã có vai trò Lãnh đạo tại Đảng bộ phường Ba Đình.", Errors(duplicate));
        var badRole = await DocumentAsync(await PostFormAsync(client, $"{url}?handler=AddGrant",
            new() { ["GrantRole"] = "7", ["GrantOrganizationCode"] = "X00004" }, url));
        Assert.Contains("Chưa chọn vai trò.", Errors(badRole));
        Assert.Equal(before, await CountsAsync());

        var removed = await PostFormAsync(client, $"{url}?handler=RemoveGrant&grantId={grant.Id}", [], url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await WithDbAsync(db => db.UserGrants.AnyAsync(g => g.Id == grant.Id)));
        var audit = await WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "user_grants" && a.EntityKey == grant.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Insert, AuditAction.Delete], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));

        // The administrator keeps their own last Administer grant and their own account.
        var admin = await UserIdAsync("admin");
        var own = await WithDbAsync(db => db.UserGrants.Where(g => g.UserId == admin).Select(g => g.Id).SingleAsync());
        var adminUrl = $"/Admin/Users/Details/{admin}";
        var lastAdmin = await DocumentAsync(await PostFormAsync(client, $"{adminUrl}?handler=RemoveGrant&grantId={own}", [], adminUrl));
        Assert.Contains("Bạn không thể gỡ quyền quản trị cuối cùng của chính mình", Errors(lastAdmin));
        var self = await DocumentAsync(await PostFormAsync(client, $"{adminUrl}?handler=Deactivate", [], adminUrl));
        Assert.Contains("Bạn không thể vô hiệu hóa tài khoản của chính mình.", Errors(self));
        Assert.True(await WithDbAsync(db => db.UserGrants.AnyAsync(g => g.Id == own)));
        Assert.True(await IsActiveAsync("admin"));
    }

    [Fact]
    public async Task A_deactivated_account_is_signed_out_on_its_next_request_and_cannot_sign_in_until_reactivated()
    {
        var hanoiClient = await SignInAsync("hanoi");
        Assert.Equal(HttpStatusCode.OK, (await hanoiClient.GetAsync("/Organizations")).StatusCode);
        var admin = await SignInAsync("admin");
        var hanoi = await UserIdAsync("hanoi");
        var url = $"/Admin/Users/Details/{hanoi}";

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, $"{url}?handler=Deactivate", [], url)).StatusCode);
        Assert.Equal("Đã vô hiệu hóa", Text(await GetDocumentAsync(admin, url), "status"));
        Assert.False(await IsActiveAsync("hanoi"));

        var next = await hanoiClient.GetAsync("/Organizations");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await hanoiClient.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var refused = await TryLoginAsync(Anonymous(), "hanoi", Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(DeactivatedMessage, Errors(await DocumentAsync(refused)));

        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "users" && a.EntityKey == hanoi.ToString()).ToListAsync());
        Assert.Equal("admin", Assert.Single(audit, a => a.Action == AuditAction.Update && a.Changes!.Contains("is_active")).UserName);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, $"{url}?handler=Activate", [], url)).StatusCode);
        await SignInAsync("hanoi");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(Anonymous(), "xa.badinh", $"Sai@MatKhau{i}")).StatusCode);
        var locked = await TryLoginAsync(Anonymous(), "xa.badinh", Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains(LockedOutMessage, Errors(await DocumentAsync(locked)));

        var admin = await SignInAsync("admin");
        var url = $"/Admin/Users/Details/{await UserIdAsync("xa.badinh")}";
        var details = await GetDocumentAsync(admin, url);
        Assert.StartsWith("Tạm khóa đến", Text(details, "status"));
        Assert.NotNull(details.QuerySelector("[data-testid=unlock]"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, $"{url}?handler=Unlock", [], url)).StatusCode);
        Assert.Equal("Đang hoạt động", Text(await GetDocumentAsync(admin, url), "status"));

        await SignInAsync("xa.badinh");
        Assert.Equal(0, await WithDbAsync(db => db.Users.Where(u => u.UserName == "xa.badinh").Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task An_administrator_resets_a_password_and_only_the_new_one_works()
    {
        var admin = await SignInAsync("admin");
        var url = $"/Admin/Users/Details/{await UserIdAsync("hcm")}";
        var before = await CountsAsync();

        var weak = await DocumentAsync(await PostFormAsync(admin, $"{url}?handler=ResetPassword", new() { ["NewPassword"] = "matkhau" }, url));
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", Errors(weak));
        Assert.Equal(before, await CountsAsync());
        await SignInAsync("hcm");

        var reset = await PostFormAsync(admin, $"{url}?handler=ResetPassword", new() { ["NewPassword"] = "DatLai@Hcm2026" }, url);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await SignInAsync("hcm", "DatLai@Hcm2026");
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", Errors(await DocumentAsync(await TryLoginAsync(Anonymous(), "hcm", Password))));
    }

    [Fact]
    public async Task A_handler_that_does_not_exist_is_not_found()
    {
        var admin = await SignInAsync("admin");
        var url = $"/Admin/Users/Details/{await UserIdAsync("hcm")}";
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(admin, $"{url}?handler=Bogus", [], url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Details/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task CreateAccountAsync(string userName, string fullName, string organizationCode, Role role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(userName, fullName, Password, organizationCode, role, isDemo: false, CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Message);
    }

    private async Task AddGrantAsync(Guid userId, string organizationCode, Role role)
    {
        var organizationId = await OrganizationIdAsync(organizationCode);
        await WithDbAsync(db =>
        {
            db.UserGrants.Add(new UserGrant
            {
                UserId = userId, Role = role, OrganizationId = organizationId,
                GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "(kiểm thử)",
            });
            return db.SaveChangesAsync();
        });
    }

    private Task<(int Users, int Grants, int Audit)> CountsAsync() =>
        WithDbAsync(async db => (await db.Users.CountAsync(), await db.UserGrants.CountAsync(), await db.AuditEntries.CountAsync()));

    private Task<Guid> UserIdAsync(string userName) =>
        WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<bool> IsActiveAsync(string userName) =>
        WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.IsActive).SingleAsync());

    private static async Task<HttpResponseMessage> TryLoginAsync(HttpClient client, string userName, string password) =>
        await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    private static List<string> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("tr[data-testid^=user-row-]").Select(tr => tr.GetAttribute("data-testid")!["user-row-".Length..]).ToList();

    private static string Text(IHtmlDocument page, string testId) =>
        Squash(page.QuerySelector($"[data-testid={testId}]")?.TextContent ?? $"(no {testId})");

    private static string Errors(IHtmlDocument page) => Text(page, "errors");

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
