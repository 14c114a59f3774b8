using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

public sealed class MemberPageTests : AppTest
{
    [Fact]
    public async Task A_cells_page_lists_its_members_in_vietnamese_order_and_opening_one_is_logged_as_a_view()
    {
        var client = await SignInAsync("xa.badinh");
        var cell = await OrganizationIdAsync("X00004.CB01");
        var page = await GetDocumentAsync(client, $"/Organizations/Details/{cell}");
        var links = page.QuerySelectorAll("[data-testid=members] tbody a").ToList();
        Assert.NotEmpty(links);

        var expected = await WithDbAsync(db => db.Members.Where(m => m.OrganizationId == cell)
            .OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Select(m => m.FullName).Take(50).ToListAsync());
        Assert.Equal(expected, links.Select(a => a.TextContent.Trim()).ToList());
        var sorted = expected.Select(n => OrgCom.Core.Text.PersonName.Parse(n)).ToList();
        Assert.Equal(sorted.OrderBy(n => n, OrgCom.Core.Text.VietnameseCollation.NameOrder).Select(n => n.FullName), expected);

        var memberUrl = links[0].GetAttribute("href")!;
        var memberId = memberUrl.Split('/').Last();
        var dossier = await GetDocumentAsync(client, memberUrl);
        Assert.Equal(expected[0], dossier.QuerySelector("[data-testid=member-name]")!.TextContent.Trim());

        var view = await WithDbAsync(db => db.AuditEntries.SingleAsync(a =>
            a.Action == AuditAction.View && a.EntityType == "members" && a.EntityKey == memberId));
        Assert.Equal("xa.badinh", view.UserName);
        Assert.Equal(cell, view.OrganizationId);
    }

    [Fact]
    public async Task A_member_of_another_province_is_not_found_and_no_view_is_logged()
    {
        var hcmMember = await WithDbAsync(db => db.Members
            .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X26740")))
            .Select(m => m.Id).FirstAsync());
        var client = await SignInAsync("hanoi");
        var response = await client.GetAsync($"/Members/Details/{hcmMember}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.View && a.EntityKey == hcmMember.ToString())));
    }
}
