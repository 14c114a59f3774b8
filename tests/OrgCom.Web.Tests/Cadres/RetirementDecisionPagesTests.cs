using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Infrastructure.Rules;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>Later or earlier retirement decided for a cadre (nghỉ hưu ở tuổi cao hơn / trước tuổi): refused in Vietnamese
/// with nothing changed, audited before/after, out of reach of another province, and applied by the forecast and its Excel.</summary>
public sealed class RetirementDecisionPagesTests : AppTest
{
    private Task<string> FingerprintAsync() => TestDatabase.ScalarAsync<string>(DatabaseName,
        "select (select count(*) from retirement_decisions) || '/' || (select count(*) from audit_log where action <> 'View')");

    private static string F(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Hà Nội cadre of phường Ba Đình, made a man who turns 62 (the age from 2028 on) 30 months from today:
    /// by age he retires in 31 months, outside a 12-month forecast.</summary>
    private async Task<(long Member, string Name, RetirementSchedule Computed)> CadreAsync(DateOnly today)
    {
        var (book, _) = await Factory.Services.GetRequiredService<RuleBookProvider>().GetAsync(CancellationToken.None);
        var birth = new DateOnly(today.Year, today.Month, 15).AddMonths(30).AddYears(-62);
        var (id, name) = await WithDbAsync(async db =>
        {
            var member = await db.Appointments.Where(a => a.EndedOn == null && a.PositionName.StartsWith("Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình"))
                .OrderBy(a => a.Id).Select(a => a.MemberId).FirstAsync();
            await db.Members.Where(m => m.Id == member).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.BirthDate, birth).SetProperty(m => m.BirthYearOnly, false).SetProperty(m => m.Gender, Gender.Male));
            return (member, await db.Members.Where(m => m.Id == member).Select(m => m.FullName).SingleAsync());
        });
        var computed = Retirement.For(Gender.Male, birth, false, book).Value!;
        Assert.Equal(new DateOnly(birth.Year + 62, birth.Month, 1).AddMonths(1), computed.PensionFrom);
        return (id, name, computed);
    }

    private async Task<HttpClient> ThanhHoaAsync()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync("thanhhoa", "Cán bộ Thanh Hóa", Password, "T38", Role.CommissionStaff, false, CancellationToken.None);
            Assert.True(created.IsSuccess, created.Error?.Message);
        }
        return await SignInAsync("thanhhoa");
    }

    private static IEnumerable<AngleSharp.Dom.IElement> RowsOf(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll("[data-testid=forecast] tbody tr").Where(r => r.TextContent.Contains(name));

    [Fact]
    public async Task A_later_then_an_earlier_retirement_is_checked_audited_scoped_and_used_by_the_forecast()
    {
        var today = VietnamTime.Today(TimeProvider.System);
        var (member, name, computed) = await CadreAsync(today);
        var later = computed.PensionFrom.AddMonths(12);
        var earlier = new DateOnly(today.Year, today.Month, 1).AddMonths(6);
        var hanoi = await SignInAsync("hanoi");
        var url = $"/Cadres/RetirementDecision/{member}";
        Assert.Contains(F(computed.PensionFrom), (await GetDocumentAsync(hanoi, url)).QuerySelector("[data-testid=computed]")!.TextContent);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Later", ["PensionFrom"] = F(later), ["DecisionNumber"] = "12-QĐ/TU", ["DecisionDate"] = F(today.AddDays(-3)),
            ["Reason"] = "Có học vị tiến sĩ",
        };

        var thanhHoa = await ThanhHoaAsync();
        var before = await FingerprintAsync();
        foreach (var (field, value, message) in new[]
        {
            ("Kind", "", "Hãy chọn nghỉ hưu ở tuổi cao hơn hoặc nghỉ hưu trước tuổi"),
            ("PensionFrom", F(computed.PensionFrom.AddMonths(61)), "tối đa 5 năm"),
            ("PensionFrom", F(computed.PensionFrom), "phải từ sau ngày nghỉ hưu theo tuổi"),
            ("PensionFrom", F(later.AddDays(14)), "ngày đầu tháng"),
            ("PensionFrom", "31/02/2030", "không phải ngày hợp lệ"),
            ("DecisionDate", "01/01/2099", "không thể sau ngày hôm nay"),
            ("DecisionNumber", "số 12", "không đúng dạng"),
            ("Reason", " ", "Chưa nhập lý do"),
            ("Reason", new string('a', 501), "dài tối đa 500"),
        })
        {
            var response = await PostFormAsync(hanoi, url, new(fields) { [field] = value });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, (await DocumentAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        // Another province gets 404 and changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await thanhHoa.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(thanhHoa, url, fields, "/Cadres/Retirement")).StatusCode);
        Assert.Equal(before, await FingerprintAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(hanoi, url, fields)).StatusCode);
        var decision = await WithDbAsync(db => db.RetirementDecisions.SingleAsync(d => d.MemberId == member));
        Assert.Equal((RetirementDecisionKind.Later, later, computed.PensionFrom), (decision.Kind, decision.PensionFrom, decision.ComputedPensionFrom));
        var memberOrganization = await WithDbAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.OrganizationId).SingleAsync());
        var inserted = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "retirement_decisions" && a.EntityKey == decision.Id.ToString()));
        Assert.Equal((AuditAction.Insert, "hanoi", memberOrganization), (inserted.Action, inserted.UserName, inserted.OrganizationId));
        Assert.Equal("Nghỉ hưu ở tuổi cao hơn theo quyết định 12-QĐ/TU", inserted.Reason);

        // The forecast shows the decided date, the computed one struck, and the decision; so does its Excel.
        var forecast = await GetDocumentAsync(hanoi, "/Cadres/Retirement?Months=120");
        var row = Assert.Single(RowsOf(forecast, name));
        Assert.Contains(F(later), row.TextContent);
        Assert.Equal(F(computed.PensionFrom), row.QuerySelector("[data-testid=decided] s")!.TextContent);
        Assert.Contains($"theo quyết định số 12-QĐ/TU ngày {F(today.AddDays(-3))}", row.QuerySelector("[data-testid=decided]")!.TextContent);
        var excel = await hanoi.GetAsync("/Cadres/Retirement?Months=120&handler=Excel");
        using (var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
            Assert.Contains(reader.ReadRows().SelectMany(r => r.Cells), c => c.Text?.Contains("Nghỉ hưu ở tuổi cao hơn theo quyết định số 12-QĐ/TU") == true);
        Assert.Empty(RowsOf(await GetDocumentAsync(hanoi, "/Cadres/Retirement?Months=12"), name));

        // Replaced by an earlier retirement within the next 12 months: audited before/after, and the forecast of 12 months,
        // whose age window does not read this cadre, lists them by the decision.
        var revised = await PostFormAsync(hanoi, url, new(fields)
        {
            ["Kind"] = "Earlier", ["PensionFrom"] = F(earlier), ["DecisionNumber"] = "15-QĐ/TU", ["Reason"] = "Theo nguyện vọng",
        });
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var updated = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "retirement_decisions" && a.EntityKey == decision.Id.ToString()
            && a.Action == AuditAction.Update));
        Assert.Contains(later.ToString("yyyy-MM-dd"), updated.Changes);
        Assert.Contains(earlier.ToString("yyyy-MM-dd"), updated.Changes);
        var soon = Assert.Single(RowsOf(await GetDocumentAsync(hanoi, "/Cadres/Retirement?Months=12"), name));
        Assert.Contains(F(earlier), soon.TextContent);
        Assert.Contains("Nghỉ hưu trước tuổi theo quyết định số 15-QĐ/TU", soon.TextContent);

        // Another province sees none of it.
        Assert.Empty(RowsOf(await GetDocumentAsync(thanhHoa, "/Cadres/Retirement?Months=120"), name));
    }
}
