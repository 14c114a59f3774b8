using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Members;

/// <summary>The dossier is scoped personal data: another province finds nothing, a reader cannot change anything.</summary>
public sealed class DossierAccessTests : DossierTest
{
    private static IEnumerable<(HttpMethod Method, string Url)> EveryUrl(long id) =>
    [
        (HttpMethod.Get, $"/Members/Details/{id}"),
        (HttpMethod.Get, $"/Members/Print/{id}"),
        (HttpMethod.Get, $"/Members/Print/{id}?handler=Pdf"),
        .. Sections.SelectMany(s => new[]
        {
            (HttpMethod.Get, EditUrl(id, s)),
            (HttpMethod.Post, EditUrl(id, s)),
        }),
        (HttpMethod.Get, EditUrl(id, "Photo") + "?handler=Remove"),
        (HttpMethod.Post, EditUrl(id, "Photo") + "?handler=Remove"),
        .. new[] { "WorkHistory", "Family", "Awards" }.SelectMany(s => new[]
        {
            (HttpMethod.Post, EditUrl(id, s) + "?handler=AddRow"),
            (HttpMethod.Post, EditUrl(id, s) + "?handler=RemoveRow&index=0"),
        }),
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Version"] = "x", ["FullName"] = "Tên Bị Đổi", ["BirthDate"] = "01/01/1980",
                ["Professional"] = "Bị đổi", ["PartyCardNumber"] = "11112222", ["Rows[0].From"] = "01/2000",
                ["Rows[0].Position"] = "Bị đổi", ["Rows[0].Relation"] = "Cha", ["Rows[0].FullName"] = "Bị Đổi", ["Rows[0].Form"] = "Bị đổi",
            });
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_user_of_another_province_gets_404_on_every_dossier_url_and_nothing_is_logged_or_changed()
    {
        var id = await HanoiMemberAsync();
        var before = await RowAsync(id);
        var name = (await MemberAsync(id)).FullName;
        var client = await SignInAsync("hcm");
        var token = await AntiforgeryTokenAsync(client, "/");
        foreach (var (method, url) in EveryUrl(id))
        {
            var response = await SendAsync(client, token, method, url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(name, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await RowAsync(id));
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == "hcm" && a.EntityKey == id.ToString())));
    }

    [Fact]
    public async Task A_user_of_another_province_cannot_remove_the_photo()
    {
        var id = await HanoiMemberAsync();
        await WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == id);
            Assert.True(member.SetPhoto(TinyPng, "image/png").IsSuccess);
            return await db.SaveChangesAsync();
        });
        var version = FormFields(await GetDocumentAsync(await SignInAsync("hanoi"), EditUrl(id, "Photo")))["Version"];
        var before = await RowAsync(id);

        var client = await SignInAsync("hcm");
        var response = await PostFormAsync(client, EditUrl(id, "Photo") + "?handler=Remove", new() { ["Version"] = version }, "/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(EditUrl(id, "Photo") + "?handler=Remove")).StatusCode);

        Assert.Equal(before, await RowAsync(id));
        Assert.Equal(TinyPng, (await MemberAsync(id)).Photo);
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == "hcm" && a.EntityKey == id.ToString())));
    }

    [Fact]
    public async Task A_leader_reads_the_dossier_without_edit_buttons_and_gets_403_on_every_edit()
    {
        var id = await HanoiMemberAsync();
        var before = await RowAsync(id);
        var client = await SignInAsync("lanhdao.hanoi");

        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        Assert.NotNull(dossier.QuerySelector("[data-testid=section-identity]"));
        Assert.Empty(dossier.QuerySelectorAll("[data-testid^=edit-]"));
        Assert.Empty(dossier.QuerySelectorAll("a[href*='/Members/Edit/']"));
        await GetDocumentAsync(client, $"/Members/Print/{id}");

        var token = await AntiforgeryTokenAsync(client, "/");
        foreach (var (method, url) in EveryUrl(id).Where(u => u.Url.Contains("/Edit/", StringComparison.Ordinal)))
        {
            var response = await SendAsync(client, token, method, url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
        }
        Assert.Equal(before, await RowAsync(id));
        Assert.Empty(await UpdatesAsync(id));
    }

    [Fact]
    public async Task A_writer_sees_an_edit_button_on_each_editable_section()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("xa.badinh");
        var dossier = await GetDocumentAsync(client, $"/Members/Details/{id}");
        foreach (var (section, target) in new[]
                 {
                     ("identity", "Identity"), ("education", "Education"), ("party", "PartyCard"), ("work", "WorkHistory"),
                     ("awards", "Awards"), ("family", "Family"), ("introducers", "Introducers"),
                 })
            Assert.Equal(EditUrl(id, target), dossier.QuerySelector($"[data-testid=edit-{section}]")?.GetAttribute("href"));
        Assert.NotNull(dossier.QuerySelector($"a[href='{EditUrl(id, "Photo")}']"));
    }

    [Fact]
    public async Task A_post_without_a_form_version_is_refused_as_stale()
    {
        var id = await HanoiMemberAsync();
        var client = await SignInAsync("hanoi");
        var before = await RowAsync(id);
        var errors = await ErrorsAsync(await SaveSectionAsync(client, id, "Education", new() { ["Version"] = null, ["Professional"] = "Bị đổi" }));
        Assert.Contains(OrgCom.Web.Features.Members.DossierEditPage.StaleMessage, errors);
        Assert.Equal(before, await RowAsync(id));
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityKey == id.ToString() && a.Action == AuditAction.Update)));
    }
}
