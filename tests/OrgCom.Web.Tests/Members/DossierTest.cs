using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

/// <summary>What the dossier tests share: a Hà Nội member, forms filled in as a browser would (every field of the
/// page, then the test's changes), and the member's row as the database holds it, to prove nothing changed.</summary>
public abstract class DossierTest : AppTest
{
    public static readonly string[] Sections = ["Identity", "Education", "WorkHistory", "Family", "Awards", "PartyCard", "Photo"];

    /// <summary>A valid 1×1 PNG.</summary>
    protected static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A member of Chi bộ Tổ dân phố số 1, phường Ba Đình (Hà Nội): hanoi and xa.badinh write there.</summary>
    protected Task<long> HanoiMemberAsync(int skip = 0) => WithDbAsync(async db =>
    {
        var cell = await db.Organizations.Where(o => o.Code == "X00004.CB01").Select(o => o.Id).SingleAsync();
        return await db.Members.Where(m => m.OrganizationId == cell).OrderBy(m => m.Id).Select(m => m.Id).Skip(skip).FirstAsync();
    });

    protected Task<long> HcmMemberAsync() => WithDbAsync(db => db.Members
        .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X26740")))
        .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

    protected Task<Member> MemberAsync(long id) => WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>The whole row as PostgreSQL holds it.</summary>
    protected Task<string> RowAsync(long id) =>
        TestDatabase.ScalarAsync<string>(DatabaseName, $"select row_to_json(m)::text from members m where id = {id}");

    protected Task<List<AuditEntry>> UpdatesAsync(long id) => WithDbAsync(db => db.AuditEntries
        .Where(a => a.EntityType == "members" && a.EntityKey == id.ToString() && a.Action == AuditAction.Update)
        .OrderBy(a => a.Id).ToListAsync());

    protected static string EditUrl(long id, string section) => $"/Members/Edit/{id}/{section}";

    /// <summary>The fields of the page's form as a browser would send them.</summary>
    protected static Dictionary<string, string> FormFields(IHtmlDocument page)
    {
        var form = page.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException("no form on the page");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "file" or "submit")
                continue;
            if (input.Type is "checkbox" && !input.IsChecked)
                continue;
            fields[input.Name] = input.Value;
        }
        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>())
            fields[select.Name!] = select.Value ?? "";
        return fields;
    }

    /// <summary>Opens the section's form, changes the given fields and saves it (null removes a field, like an
    /// unticked checkbox).</summary>
    protected static async Task<HttpResponseMessage> SaveSectionAsync(HttpClient client, long id, string section,
        Dictionary<string, string?> changes)
    {
        var page = await GetDocumentAsync(client, EditUrl(id, section));
        var fields = FormFields(page);
        foreach (var (name, value) in changes)
        {
            if (value is null)
                fields.Remove(name);
            else
                fields[name] = value;
        }
        return await client.PostAsync(EditUrl(id, section), new FormUrlEncodedContent(fields));
    }

    protected static async Task<HttpResponseMessage> UploadPhotoAsync(HttpClient client, long id, byte[] content, string contentType, string fileName)
    {
        var page = await GetDocumentAsync(client, EditUrl(id, "Photo"));
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in FormFields(page))
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(EditUrl(id, "Photo"), form);
    }

    /// <summary>The Vietnamese message the form shows above its fields (asserting the form was shown again).</summary>
    /// <summary>Posts, and checks that the member's row and its audit lines are unchanged; returns the form's errors.</summary>
    protected async Task<string> RefusedAsync(long id, Func<Task<HttpResponseMessage>> post)
    {
        var before = await RowAsync(id);
        var errors = await ErrorsAsync(await post());
        Assert.Equal(before, await RowAsync(id));
        Assert.Empty(await UpdatesAsync(id));
        return errors;
    }

    protected static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form again, got {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 1500)]}");
        var errors = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=errors]");
        Assert.True(errors is not null, "the form shows no error");
        return errors.TextContent.Trim();
    }

    protected static void AssertSavedAndBackToDossier(HttpResponseMessage response, long id)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect after saving, got {(int)response.StatusCode}");
        Assert.Equal($"/Members/Details/{id}", response.Headers.Location!.OriginalString);
    }
}
