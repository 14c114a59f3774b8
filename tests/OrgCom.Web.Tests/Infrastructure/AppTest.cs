using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests: a fresh copy of the demo database and the real app per test class, and helpers to
/// act as one of the demo users through HTTP exactly as a browser would (cookies, antiforgery tokens, forms).
/// </summary>
public abstract class AppTest : IAsyncLifetime
{
    public const string Password = "OrgCom@2026";
    private string? _database;
    private OrgComAppFactory? _factory;

    protected OrgComAppFactory Factory => _factory ?? throw new InvalidOperationException("not initialised");

    /// <summary>The app's clock; null for the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>Configuration settings of the app under test (e.g. a lower limit), beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;
    protected string DatabaseName => _database!;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new OrgComAppFactory(_database, Clock, Settings);
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (_database is not null)
            await TestDatabase.DropAsync(_database);
    }

    protected HttpClient Anonymous() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as the demo user (see DemoSeeder.DemoUsers).</summary>
    protected async Task<HttpClient> SignInAsync(string userName, string password = Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {userName} failed: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>GETs the form page first (for its antiforgery token), then posts the fields.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPageUrl ?? url);
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(content));
    }

    protected static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(html);
        var input = doc.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement;
        if (input is not null)
            return input.Value;
        // Pages without a form still carry the token for htmx in the body's hx-headers.
        var headers = doc.Body?.GetAttribute("hx-headers");
        if (headers is not null)
            return System.Text.Json.JsonDocument.Parse(headers).RootElement.GetProperty("RequestVerificationToken").GetString()!;
        throw new InvalidOperationException($"no antiforgery token on {pageUrl} ({page.StatusCode})");
    }

    protected static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode}, expected {(int)expected}\n{html[..Math.Min(html.Length, 2000)]}");
        return new HtmlParser().ParseDocument(html);
    }

    protected static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>A DbContext acting as the system (no scope filter), for arranging and checking data.</summary>
    protected async Task<T> WithDbAsync<T>(Func<OrgComDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        return await action(db);
    }

    protected Task<long> OrganizationIdAsync(string code) =>
        WithDbAsync(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
}
