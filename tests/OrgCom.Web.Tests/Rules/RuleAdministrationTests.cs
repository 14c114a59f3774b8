using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Tests.Rules;

public sealed class RuleAdministrationTests : RulesTest
{
    private const string Key = RuleKey.ProbationRecognitionDueWorkingDays;
    private const string EditUrl = "/Rules/Edit/" + Key;

    private static Dictionary<string, string> Version(string value, string from, string source = "Quy định 999-QĐ/TW ngày 01/11/2026") => new()
    {
        ["Input.Value"] = value, ["Input.EffectiveFrom"] = from, ["Input.Source"] = source,
        ["Input.Note"] = "Trong 20 ngày làm việc sau khi hết thời gian dự bị, chi bộ phải xét công nhận.", ["Input.IsConfirmed"] = "true",
    };

    [Fact]
    public async Task Only_a_central_administrator_reaches_the_pages_a_province_administrator_gets_403_and_nothing_changes()
    {
        await CreateAccountAsync("admin.hanoi", "T01", Role.SystemAdministrator);
        var before = await FingerprintAsync();
        var versionId = (await VersionsAsync(Key))[^1].Id;

        foreach (var userName in new[] { "admin.hanoi", "hanoi", "lanhdao.hanoi" })
        {
            var client = await SignInAsync(userName);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(EditUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{EditUrl}?version={versionId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Rules/Holidays")).StatusCode);
            var posts = new (string Url, Dictionary<string, string> Fields)[]
            {
                ($"{EditUrl}?handler=Add", Version("20", "01/01/2027")),
                ($"{EditUrl}?handler=Correct&version={versionId}", Version("20", "01/01/2027")),
                ($"{EditUrl}?handler=Withdraw&version={versionId}", []),
                ("/Rules/Holidays?handler=Add", new() { ["Input.Date"] = "05/03/2027", ["Input.Name"] = "Nghỉ thêm", ["Input.Kind"] = "ExtraDayOff", ["Input.Source"] = "QĐ" }),
                ("/Rules/Holidays?handler=Remove", new() { ["date"] = "04/02/2027" }),
            };
            foreach (var (url, fields) in posts)
                Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(client, url, fields, "/Rules")).StatusCode);

            var list = await GetDocumentAsync(client, "/Rules");
            Assert.Null(list.QuerySelector($"[data-testid='edit-{Key}']"));
            Assert.Null(list.QuerySelector("[data-testid=edit-holidays]"));
        }
        Assert.Equal(before, await FingerprintAsync());

        // A page that forgot its check would still be stopped by the save guard.
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrgCom.Web.Data.OrgComDbContext>();
        var hanoi = await db.Organizations.IgnoreQueryFilters().Where(o => o.Code == "T01")
            .Select(o => new { o.Id, Path = EF.Property<LTree>(o, "Path") }).SingleAsync();
        var adminHanoi = await db.Users.SingleAsync(u => u.UserName == "admin.hanoi");
        scope.ServiceProvider.GetRequiredService<CurrentUser>()
            .SetUser(adminHanoi.Id, "admin.hanoi", null, [new ScopeGrant(Role.SystemAdministrator, hanoi.Id, hanoi.Path)]);
        (await db.RuleValues.SingleAsync(r => r.Key == Key && r.EffectiveTo == null)).Value = "1";
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        Assert.Equal(before, await FingerprintAsync());

        var admin = await GetDocumentAsync(await SignInAsync("admin"), "/Rules");
        Assert.NotNull(admin.QuerySelector($"[data-testid='edit-{Key}']"));
        Assert.NotNull(admin.QuerySelector("[data-testid=edit-holidays]"));
    }

    [Fact]
    public async Task A_new_version_closes_the_current_one_is_audited_and_deadlines_use_it_from_its_effective_date_at_once()
    {
        // Probation ending on 31/12/2026 is under the current rule (30 working days), ending on 01/01/2027 under the new one.
        var before = await InForceAsync();
        Assert.Equal(30, Probation.For(D("2026-01-01"), before.Rules, before.Calendar).RecognitionWorkingDays);

        var client = await SignInAsync("admin");
        var page = await SubmitAsync(client, $"{EditUrl}?handler=Add", Version("20", "01/01/2027"), EditUrl);

        Assert.Equal("", Errors(page));
        Assert.Contains("Phiên bản từ 01/07/2025 áp dụng đến hết ngày 31/12/2026", Success(page));
        Assert.Contains("sắp có hiệu lực", page.QuerySelector("[data-testid=version-2027-01-01]")!.TextContent);
        var versions = await VersionsAsync(Key);
        Assert.Equal((D("2025-07-01"), D("2027-01-01"), "30"), (versions[^2].EffectiveFrom, versions[^2].EffectiveTo!.Value, versions[^2].Value));
        Assert.Equal((D("2027-01-01"), (DateOnly?)null, "20"), (versions[^1].EffectiveFrom, versions[^1].EffectiveTo, versions[^1].Value));

        var (rules, calendar) = await InForceAsync();
        var lastOld = Probation.For(D("2025-12-31"), rules, calendar);
        var firstNew = Probation.For(D("2026-01-01"), rules, calendar);
        Assert.Equal((30, calendar.AddWorkingDays(D("2026-12-31"), 30)), (lastOld.RecognitionWorkingDays, lastOld.RecognitionDueBy));
        Assert.Equal((20, calendar.AddWorkingDays(D("2027-01-01"), 20)), (firstNew.RecognitionWorkingDays, firstNew.RecognitionDueBy));
        Assert.Equal("Quy định 999-QĐ/TW ngày 01/11/2026", firstNew.Citations[1].Source);

        var audit = await AuditAsync("rule_values");
        var closed = audit.Single(a => a.Action == AuditAction.Update && a.EntityKey == versions[^2].Id.ToString());
        Assert.Equal((null, "2027-01-01"), Change(closed, "effective_to"));
        var added = audit.Single(a => a.Action == AuditAction.Insert && a.EntityKey == versions[^1].Id.ToString());
        Assert.Equal((null, "20"), Change(added, "value"));
        Assert.Equal((null, "2027-01-01"), Change(added, "effective_from"));
        Assert.All([closed, added], a =>
        {
            Assert.Equal("admin", a.UserName);
            Assert.Equal("Quy định 999-QĐ/TW ngày 01/11/2026", a.Reason);
        });

        // The read-only list shows it too, to everyone.
        var list = await GetDocumentAsync(await SignInAsync("xa.badinh"), "/Rules");
        Assert.Contains("Quy định 999-QĐ/TW", list.QuerySelector("[data-testid=rules]")!.TextContent);
    }

    [Fact]
    public async Task History_stays_as_it_was_and_a_future_version_can_be_corrected_or_withdrawn()
    {
        var client = await SignInAsync("admin");
        var versions = await VersionsAsync(Key);
        var current = versions[^1];
        var before = await FingerprintAsync();

        var correctPast = await SubmitAsync(client, $"{EditUrl}?handler=Correct&version={current.Id}", Version("20", "01/01/2027"), EditUrl);
        Assert.Contains("Phiên bản có hiệu lực từ 01/07/2025 đã được áp dụng nên thuộc lịch sử, không thể sửa hoặc rút", Errors(correctPast));
        var withdrawPast = await SubmitAsync(client, $"{EditUrl}?handler=Withdraw&version={versions[0].Id}", [], EditUrl);
        Assert.Contains("thuộc lịch sử", Errors(withdrawPast));
        Assert.Equal(before, await FingerprintAsync());
        var view = await GetDocumentAsync(client, EditUrl);
        Assert.Null(view.QuerySelector($"[data-testid=correct-{current.Id}]"));

        await SubmitAsync(client, $"{EditUrl}?handler=Add", Version("20", "01/01/2027"), EditUrl);
        var future = (await VersionsAsync(Key))[^1];
        var form = await GetDocumentAsync(client, $"{EditUrl}?version={future.Id}");
        Assert.Equal("01/01/2027", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input_EffectiveFrom")!).Value);

        var unchanged = await FingerprintAsync();
        var noSource = Version("25", "01/03/2027");
        noSource.Remove("Input.Source");
        var refused = await SubmitAsync(client, $"{EditUrl}?handler=Correct&version={future.Id}", noSource, $"{EditUrl}?version={future.Id}");
        Assert.Contains("Chưa nhập văn bản làm căn cứ", Errors(refused));
        Assert.Contains("Sửa phiên bản có hiệu lực từ 01/01/2027", refused.QuerySelector("[data-testid=version-form]")!.TextContent);
        Assert.Equal(unchanged, await FingerprintAsync());

        var corrected = await SubmitAsync(client, $"{EditUrl}?handler=Correct&version={future.Id}",
            Version("25", "01/03/2027", "Quy định 1000-QĐ/TW"), $"{EditUrl}?version={future.Id}");
        Assert.Equal("", Errors(corrected));
        versions = await VersionsAsync(Key);
        Assert.Equal((future.Id, D("2027-03-01"), "25", "Quy định 1000-QĐ/TW"), (versions[^1].Id, versions[^1].EffectiveFrom, versions[^1].Value, versions[^1].Source));
        Assert.Equal(D("2027-03-01"), versions[^2].EffectiveTo);
        var correction = (await AuditAsync("rule_values")).Single(a => a.Action == AuditAction.Update && a.EntityKey == future.Id.ToString());
        Assert.Equal(("20", "25"), Change(correction, "value"));
        Assert.Equal(("2027-01-01", "2027-03-01"), Change(correction, "effective_from"));

        var withdrawn = await SubmitAsync(client, $"{EditUrl}?handler=Withdraw&version={future.Id}", [], EditUrl);
        Assert.Contains("Đã rút phiên bản có hiệu lực từ 01/03/2027", Success(withdrawn));
        versions = await VersionsAsync(Key);
        Assert.Equal((current.Id, (DateOnly?)null), (versions[^1].Id, versions[^1].EffectiveTo));
        Assert.Contains(await AuditAsync("rule_values"), a => a.Action == AuditAction.Delete && a.EntityKey == future.Id.ToString());
        Assert.Equal(30, (await InForceAsync()).Rules.Get(Key, D("2027-06-01")).AsInt());
    }

    [Theory]
    [InlineData("20", "31/02/2027", "Quy định 999-QĐ/TW", "Ngày có hiệu lực \"31/02/2027\" không phải ngày hợp lệ")]
    [InlineData("20", "01/01/2027", "  ", "Chưa nhập văn bản làm căn cứ")]
    [InlineData("hai mươi", "01/01/2027", "Quy định 999-QĐ/TW", "Giá trị \"hai mươi\" không hợp lệ: cần một số nguyên dương")]
    [InlineData("0", "01/01/2027", "Quy định 999-QĐ/TW", "cần một số nguyên dương")]
    [InlineData("20", "20/11/2026", "Quy định 999-QĐ/TW", "Ngày có hiệu lực 20/11/2026 đã qua")]
    [InlineData("20", "01/07/2025", "Quy định 999-QĐ/TW", "đã qua")]
    public async Task Bad_input_gets_a_clear_message_on_the_form_and_changes_nothing(string value, string from, string source, string message)
    {
        var client = await SignInAsync("admin");
        var before = await FingerprintAsync();

        var page = await SubmitAsync(client, $"{EditUrl}?handler=Add", Version(value, from, source), EditUrl);

        Assert.Contains(message, Errors(page));
        Assert.Equal(value, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Value")!).Value);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_second_version_on_the_same_date_is_refused_and_changes_nothing()
    {
        var client = await SignInAsync("admin");
        await SubmitAsync(client, $"{EditUrl}?handler=Add", Version("20", "01/01/2027"), EditUrl);
        var before = await FingerprintAsync();

        var page = await SubmitAsync(client, $"{EditUrl}?handler=Add", Version("25", "01/01/2027"), EditUrl);

        Assert.Contains("Quy định này đã có phiên bản có hiệu lực từ 01/01/2027", Errors(page));
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Rules/Edit/khong.co")).StatusCode);
    }

    [Fact]
    public async Task Loading_the_shipped_data_again_brings_back_nothing_an_administrator_changed()
    {
        var client = await SignInAsync("admin");
        await SubmitAsync(client, $"{EditUrl}?handler=Add", Version("20", "01/01/2027"), EditUrl);
        await SubmitAsync(client, "/Rules/Holidays?handler=Remove", new() { ["date"] = "04/02/2027" }, "/Rules/Holidays");
        var before = await FingerprintAsync();

        await WithDbAsync(async db =>
        {
            await RuleBookProvider.EnsureReferenceAsync(db, CancellationToken.None);
            return 0;
        });

        Assert.Equal(before, await FingerprintAsync());
        Factory.Services.GetRequiredService<RuleBookProvider>().Invalidate();
        var (rules, calendar) = await InForceAsync();
        Assert.Equal(20, rules.Get(Key, D("2027-01-01")).AsInt());
        Assert.True(calendar.IsWorkingDay(D("2027-02-04")));
    }
}
