using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Calendar;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Rules;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Rules;

/// <summary>
/// Base of the rules and calendar administration tests: the app's "today" is fixed at 21/11/2026 (Việt Nam time), so
/// which versions and days are history does not move with the real calendar, and the rules cache never expires by
/// itself — a change is served at once only because the pages invalidate it.
/// </summary>
public abstract class RulesTest : AppTest
{
    protected static readonly DateOnly Today = new(2026, 11, 21);

    protected override TimeProvider? Clock { get; } = new FixedClock(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero));

    protected static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    protected Task<(RuleBook Rules, WorkingCalendar Calendar)> InForceAsync() =>
        Factory.Services.GetRequiredService<RuleBookProvider>().GetAsync(CancellationToken.None);

    /// <summary>Everything the rules and calendar pages could change, and the number of audit lines of data changes.</summary>
    protected Task<string> FingerprintAsync() => WithDbAsync(async db =>
    {
        var rules = await db.RuleValues.OrderBy(r => r.Id)
            .Select(r => r.Id + r.Key + r.Value + r.EffectiveFrom + r.EffectiveTo + r.Source + r.Note + r.IsConfirmed).ToListAsync();
        var days = await db.PublicHolidays.OrderBy(h => h.Date).Select(h => h.Date + h.Name + h.Kind + h.Source).ToListAsync();
        var audit = await db.AuditEntries.CountAsync(a => a.Action != AuditAction.View);
        return string.Join("|", rules.Count, string.Concat(rules), days.Count, string.Concat(days), audit);
    });

    protected Task<List<RuleRecord>> VersionsAsync(string key) =>
        WithDbAsync(db => db.RuleValues.Where(r => r.Key == key).OrderBy(r => r.EffectiveFrom).ToListAsync());

    protected Task<List<AuditEntry>> AuditAsync(string table) =>
        WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == table && a.Action != AuditAction.View).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The old and new value of one field in an audit line.</summary>
    protected static (string? Old, string? New) Change(AuditEntry line, string column)
    {
        using var json = JsonDocument.Parse(line.Changes!);
        var field = json.RootElement.GetProperty(column);
        static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.ToString();
        return (Text(field.GetProperty("old")), Text(field.GetProperty("new")));
    }

    protected async Task CreateAccountAsync(string userName, string organizationCode, Role role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(userName, $"Tài khoản {userName}", Password, organizationCode, role, isDemo: false, CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Message);
    }

    protected static string Errors(IHtmlDocument page) => page.QuerySelector("[data-testid=errors]")?.TextContent ?? "";

    protected static string Success(IHtmlDocument page) => page.QuerySelector("[role=status]")?.TextContent ?? "";

    /// <summary>Posts a form and follows the redirect back to the page, as a browser would.</summary>
    protected static async Task<IHtmlDocument> SubmitAsync(HttpClient client, string url, Dictionary<string, string> fields, string formPageUrl)
    {
        var response = await PostFormAsync(client, url, fields, formPageUrl);
        if (response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Found)
            return await GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await DocumentAsync(response);
    }
}
