using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Assessments;

/// <summary>Arranging assessment rounds in the demo data, shared by the HTTP and the browser tests.</summary>
public static class AssessmentArrange
{
    /// <summary>Chi bộ Trạm Y tế of phường Ba Đình: a grassroots cell (the cap binds), approved by the ward's level.</summary>
    public const string Cell = "X00004.CBYT";

    public static async Task<long> OpenYearRoundAsync(OrgComDbContext db, string organizationCode = "T01", int year = 2025)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Code == organizationCode);
        var round = AssessmentRound.Open(organization.Id, RoundKind.Year, year, null, null, null, null,
            new DateOnly(year, 11, 15), new DateOnly(year, 12, 31), new DateOnly(year + 1, 1, 31)).Value!;
        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>Establishes a grassroots cell under the organization <paramref name="parentCode"/> on <paramref name="on"/>.</summary>
    public static async Task<long> EstablishCellAsync(OrgComDbContext db, string parentCode, string code, string name, DateOnly on)
    {
        var parent = await db.Organizations.SingleAsync(o => o.Code == parentCode);
        var cell = Organization.Establish(code, name, OrganizationKind.GrassrootsCell, parent, on, "15-QĐ/ĐU", null, "(kiểm thử)");
        Assert.True(cell.IsSuccess, cell.Error?.Message);
        db.Organizations.Add(cell.Value!);
        await db.SaveChangesAsync();
        return cell.Value!.Id;
    }

    /// <summary>Every organization directly under <paramref name="parentId"/> that exists in <paramref name="year"/> gets
    /// its assessment in the round approved, its members rated "tốt" (arranged directly, as the system). Returns them.</summary>
    public static async Task<List<long>> ApproveChildrenAsync(OrgComDbContext db, long round, long parentId, int year)
    {
        var end = new DateOnly(year, 12, 31);
        var children = await db.Organizations.Where(o => o.ParentId == parentId && o.DissolvedOn == null && o.EstablishedOn <= end)
            .OrderBy(o => o.Code).Select(o => o.Id).ToListAsync();
        foreach (var child in children)
        {
            var members = await db.Members.Where(m => m.OrganizationId == child && MemberStatuses.Counted.Contains(m.Status)
                && (m.AdmittedOn == null || m.AdmittedOn <= end)).Select(m => m.Id).ToListAsync();
            var assessment = OrganizationAssessment.Start(round, child, members, []);
            foreach (var m in members)
                Assert.True(assessment.Rate(m, RatingInput.Empty with { FinalLevel = QualityLevel.Good }).IsSuccess);
            Assert.True(assessment.Submit(new AssessmentCheck([]), [], "(kiểm thử)", DateTimeOffset.UtcNow).IsSuccess);
            Assert.True(assessment.Approve("(kiểm thử)", DateTimeOffset.UtcNow).IsSuccess);
            db.OrganizationAssessments.Add(assessment);
        }
        await db.SaveChangesAsync();
        return children;
    }

    /// <summary>The cell's counted members admitted by the end of 2025 (the round's roster), officials first
    /// (probationary members may not be rated "xuất sắc").</summary>
    public static Task<List<(long Id, string Name, bool Official)>> MembersAsync(OrgComDbContext db, string code = Cell) =>
        db.Members.Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code == code) && MemberStatuses.Counted.Contains(m.Status)
                && m.AdmittedOn <= new DateOnly(2025, 12, 31))
            .OrderBy(m => m.Status == MemberStatus.Official ? 0 : 1).ThenBy(m => m.Id)
            .Select(m => new ValueTuple<long, string, bool>(m.Id, m.FullName, m.Status == MemberStatus.Official)).ToListAsync();
}

public abstract class AssessmentTest : AppTest
{
    protected static string EntryUrl(long round, long organization) => $"/Assessments/Entry/{round}/{organization}";

    protected Task<long> OpenRoundAsync(string code = "T01", int year = 2025) => WithDbAsync(db => AssessmentArrange.OpenYearRoundAsync(db, code, year));

    protected Task<List<(long Id, string Name, bool Official)>> CellMembersAsync(string code = AssessmentArrange.Cell) =>
        WithDbAsync(db => AssessmentArrange.MembersAsync(db, code));

    protected Task<OrganizationAssessment?> AssessmentAsync(long round, long organization) => WithDbAsync(db =>
        db.OrganizationAssessments.AsNoTracking().Include(a => a.Members).Include(a => a.Organizations)
            .SingleOrDefaultAsync(a => a.RoundId == round && a.OrganizationId == organization));

    /// <summary>Everything stored for the round, to prove a refused request changed nothing.</summary>
    protected Task<string> SnapshotAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select coalesce((select string_agg(row_to_json(a)::text, '|' order by id) from organization_assessments a), '') || '#' || "
        + "coalesce((select string_agg(row_to_json(r)::text, '|' order by id) from member_ratings r), '') || '#' || "
        + "coalesce((select string_agg(row_to_json(g)::text, '|' order by id) from organization_ratings g), '')");

    protected static async Task<HttpResponseMessage> StartAsync(HttpClient client, string url) =>
        await PostFormAsync(client, url + "?handler=Start", [], url);

    protected static async Task<JsonElement> PostRowAsync(HttpClient client, string url, long memberId, string? finalLevel,
        string? reason = null, string? points = null, string? note = null)
    {
        var response = await PostFormAsync(client, url + "?handler=Row", new()
        {
            ["memberId"] = memberId.ToString(), ["finalLevel"] = finalLevel ?? "", ["notAssessedReason"] = reason ?? "",
            ["points"] = points ?? "", ["note"] = note ?? "", ["selfLevel"] = "", ["proposedLevel"] = "",
        }, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Rates the whole cell: the first <paramref name="excellent"/> officials "xuất sắc", the others "tốt".</summary>
    protected static async Task RateAllAsync(HttpClient client, string url, List<(long Id, string Name, bool Official)> members, int excellent)
    {
        var i = 0;
        foreach (var m in members)
        {
            var json = await PostRowAsync(client, url, m.Id, i++ < excellent ? "Excellent" : "Good");
            Assert.True(json.GetProperty("ok").GetBoolean(), json.ToString());
        }
    }

    protected static async Task<HttpResponseMessage> StepAsync(HttpClient client, string url, string handler, Dictionary<string, string>? fields = null) =>
        await PostFormAsync(client, $"{url}?handler={handler}", fields ?? [], url);

    protected static async Task<string> PageErrorsAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page again, got {(int)response.StatusCode}");
        var errors = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("[data-testid=errors]");
        Assert.True(errors is not null, "the page shows no error");
        return errors.TextContent;
    }
}
