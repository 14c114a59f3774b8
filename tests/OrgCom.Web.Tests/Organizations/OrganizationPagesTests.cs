using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Organizations;

public sealed class OrganizationPagesTests : AppTest
{
    [Fact]
    public async Task Tree_shows_the_users_scope_and_expands_one_level_at_a_time()
    {
        var client = await SignInAsync("hanoi");
        var tree = await GetDocumentAsync(client, "/Organizations");
        Assert.NotNull(tree.QuerySelector("[data-testid=node-T01]"));
        Assert.Null(tree.QuerySelector("[data-testid=node-TW]"));

        var hanoi = await OrganizationIdAsync("T01");
        var children = await GetDocumentAsync(client, $"/Organizations/Children/{hanoi}");
        Assert.Equal(126, children.QuerySelectorAll("li[data-testid^=node-X]").Length);
        Assert.Contains("Đảng bộ phường Ba Đình", children.Body!.TextContent);
    }

    [Fact]
    public async Task Rename_records_a_dated_event_with_its_decision_and_an_audit_line()
    {
        var client = await SignInAsync("hanoi");
        var id = await OrganizationIdAsync("X00004.CB01");
        var response = await PostFormAsync(client, $"/Organizations/Rename/{id}", new()
        {
            ["NewName"] = "Chi bộ Tổ dân phố số 1 Quán Thánh",
            ["DecisionNumber"] = "15-QĐ/ĐU",
            ["EffectiveOn"] = "05/08/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await GetDocumentAsync(client, $"/Organizations/Details/{id}");
        Assert.Equal("Chi bộ Tổ dân phố số 1 Quán Thánh", page.QuerySelector("[data-testid=org-name]")!.TextContent.Trim());
        var history = page.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Đổi tên — 05/08/2025", history);
        Assert.Contains("Quyết định 15-QĐ/ĐU", history);

        var audit = await WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "organizations" && a.EntityKey == id.ToString() && a.Action == AuditAction.Update)
            .SingleAsync());
        Assert.Equal("hanoi", audit.UserName);
        Assert.Equal("Quyết định 15-QĐ/ĐU", audit.Reason);
        Assert.Contains("Chi bộ Tổ dân phố số 1 Quán Thánh", audit.Changes);
    }

    [Fact]
    public async Task Create_establishes_a_cell_under_the_ward_with_its_decision()
    {
        var client = await SignInAsync("xa.badinh");
        var ward = await OrganizationIdAsync("X00004");
        var response = await PostFormAsync(client, $"/Organizations/Create/{ward}", new()
        {
            ["Code"] = "x00004.cb09", ["Name"] = "Chi bộ  Tổ dân phố   số 9", ["Kind"] = "Cell",
            ["DecisionNumber"] = "30-QĐ/ĐU", ["EffectiveOn"] = "1/9/2025",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, body);
        var created = await WithDbAsync(db => db.Organizations.Include(o => o.Events).SingleAsync(o => o.Code == "X00004.CB09"));
        Assert.Equal("Chi bộ Tổ dân phố số 9", created.Name);
        Assert.Equal(ward, created.ParentId);
        Assert.Equal(new DateOnly(2025, 9, 1), created.EstablishedOn);
        var established = Assert.Single(created.Events);
        Assert.Equal("30-QĐ/ĐU", established.DecisionNumber);
        Assert.Equal($"/Organizations/Details/{created.Id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Bad_input_gets_a_vietnamese_message_and_changes_nothing()
    {
        var client = await SignInAsync("hanoi");
        var id = await OrganizationIdAsync("X00004.CB01");
        var before = await WithDbAsync(db => db.AuditEntries.CountAsync());

        var badDate = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Rename/{id}", new()
        {
            ["NewName"] = "Tên mới", ["DecisionNumber"] = "15-QĐ/ĐU", ["EffectiveOn"] = "31/02/2025",
        }));
        Assert.Contains("không phải ngày hợp lệ", badDate.QuerySelector("[data-testid=errors]")!.TextContent);

        var badDecision = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Rename/{id}", new()
        {
            ["NewName"] = "Tên mới", ["DecisionNumber"] = "quyết định", ["EffectiveOn"] = "01/08/2025",
        }));
        Assert.Contains("Số ký hiệu văn bản", badDecision.QuerySelector("[data-testid=errors]")!.TextContent);

        var ward = await OrganizationIdAsync("X00004");
        var duplicate = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Create/{ward}", new()
        {
            ["Code"] = "x00004.cb01", ["Name"] = "Chi bộ trùng mã", ["Kind"] = "Cell",
            ["DecisionNumber"] = "16-QĐ/ĐU", ["EffectiveOn"] = "01/08/2025",
        }));
        Assert.Contains("đã được dùng", duplicate.QuerySelector("[data-testid=errors]")!.TextContent);

        var cell = await OrganizationIdAsync("X00004.CB02");
        var cycle = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Move/{ward}", new()
        {
            ["NewParentCode"] = "X00004.DBTH", ["DecisionNumber"] = "17-QĐ/TU", ["EffectiveOn"] = "01/08/2025",
        }));
        Assert.Contains("tổ chức cấp dưới", cycle.QuerySelector("[data-testid=errors]")!.TextContent);

        var notEmpty = await DocumentAsync(await PostFormAsync(client, $"/Organizations/Dissolve/{cell}", new()
        {
            ["DecisionNumber"] = "18-QĐ/ĐU", ["EffectiveOn"] = "01/08/2025",
        }));
        Assert.Contains("Không thể giải thể", notEmpty.QuerySelector("[data-testid=errors]")!.TextContent);

        Assert.Equal(before, await WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Move_reroots_the_whole_subtree_and_members_follow()
    {
        var client = await SignInAsync("hanoi");
        var school = await OrganizationIdAsync("X00004.DBTH");
        var membersBefore = await WithDbAsync(db => db.Members.CountAsync(m =>
            db.Organizations.Where(o => o.Code.StartsWith("X00004.DBTH")).Select(o => o.Id).Contains(m.OrganizationId)));
        var response = await PostFormAsync(client, $"/Organizations/Move/{school}", new()
        {
            ["NewParentCode"] = "X00008", ["DecisionNumber"] = "20-QĐ/TU", ["EffectiveOn"] = "01/09/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var newParent = await OrganizationIdAsync("X00008");
        var paths = await WithDbAsync(db => db.Organizations
            .Where(o => o.Code.StartsWith("X00004.DBTH"))
            .Select(o => EF.Property<LTree>(o, "Path").ToString()).ToListAsync());
        Assert.Equal(4, paths.Count);
        Assert.All(paths, p => Assert.Contains($".{newParent}.{school}", p));

        var counted = await GetDocumentAsync(client, $"/Organizations/Details/{newParent}");
        Assert.Contains("Đảng bộ Trường Trung học phổ thông", counted.QuerySelector("[data-testid=children]")!.TextContent);
        var membersAfter = await WithDbAsync(db => db.Members.CountAsync(m =>
            db.Organizations.Where(o => EF.Property<LTree>(o, "Path").IsDescendantOf(new LTree($"{newParent}")) || EF.Property<LTree>(o, "Path").MatchesLQuery($"*.{newParent}.*")).Select(o => o.Id).Contains(m.OrganizationId)
            && db.Organizations.Where(o => o.Code.StartsWith("X00004.DBTH")).Select(o => o.Id).Contains(m.OrganizationId)));
        Assert.Equal(membersBefore, membersAfter);
    }
}
