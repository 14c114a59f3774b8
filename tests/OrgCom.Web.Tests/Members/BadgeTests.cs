using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Rules;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

public sealed class BadgeTests : AppTest
{
    private async Task<long> PlantAsync(string cellCode, string name, DateOnly admitted, bool withGap = false, DateOnly? illSince = null)
    {
        var rules = Factory.Services.GetRequiredService<RuleBookProvider>();
        var context = await rules.ContextAsync("(kiểm thử)", CancellationToken.None);
        return await WithDbAsync(async db =>
        {
            var cell = await db.Organizations.SingleAsync(o => o.Code == cellCode);
            var member = Member.Import(cell.Id, new Identity(name, null, Gender.Male, new DateOnly(1970, 3, 3), false, null, null, null, null, "Kinh", null, null),
                MemberStatus.Official, admitted, admitted.AddDays(10), admitted.AddYears(1).AddDays(10), null, "(kiểm thử)");
            if (withGap)
            {
                Assert.True(member.Leave(new DateOnly(2010, 1, 1), "01-QĐ/ĐU", "Xin ra", context).IsSuccess);
                Assert.True(member.Readmit(new DateOnly(2013, 1, 1), "02-QĐ/ĐU", new DateOnly(2013, 1, 20), context).IsSuccess);
            }
            if (illSince is { } ill)
                Assert.True(member.RecordSeriousIllness(ill, null, "Bệnh nặng, bệnh viện xác nhận", context).IsSuccess);
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
    }

    [Fact]
    public async Task The_list_for_a_presentation_day_holds_exactly_those_reaching_a_milestone_since_the_previous_one()
    {
        await PlantAsync("X00004.CB01", "Phan Văn Ba Mươi", new DateOnly(1996, 7, 1));
        await PlantAsync("X00004.CB01", "Phan Văn Đợt Trước", new DateOnly(1996, 5, 19));
        await PlantAsync("X00004.CB01", "Phan Văn Đúng Ngày", new DateOnly(1996, 9, 2));
        await PlantAsync("X00004.CB02", "Phan Văn Bốn Mươi", new DateOnly(1986, 8, 15));
        await PlantAsync("X00004.CB02", "Phan Văn Gián Đoạn", new DateOnly(1996, 7, 1), withGap: true);
        await PlantAsync("X26740.CB01", "Phan Văn Sài Gòn", new DateOnly(1996, 7, 1));

        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, "/Members/Badges?Date=02/09/2026");
        var text = page.QuerySelector("[data-testid=badges]")!.TextContent;
        Assert.Contains("Phan Văn Ba Mươi", text);
        Assert.Contains("Phan Văn Đúng Ngày", text);
        Assert.Contains("Phan Văn Bốn Mươi", text);
        Assert.DoesNotContain("Phan Văn Đợt Trước", text);
        Assert.DoesNotContain("Phan Văn Gián Đoạn", text);
        Assert.DoesNotContain("Phan Văn Sài Gòn", text);
        var rows = page.QuerySelectorAll("[data-testid=badges] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Phan Văn Bốn Mươi") && r.Contains("40 năm") && r.Contains("15/08/2026"));
        Assert.Contains("19/05/2026", page.QuerySelector("[data-testid=window]")!.TextContent);

        var excel = await client.GetAsync("/Members/Badges?Date=02/09/2026&handler=Excel");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        using (var reader = OrgCom.Web.Infrastructure.Export.XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
        {
            var cells = reader.ReadRows().SelectMany(r => r.Cells).ToList();
            Assert.Contains(cells, c => c.Text == "Phan Văn Bốn Mươi");
            Assert.Contains(cells, c => c.AsDateOnly() == new DateOnly(1986, 8, 15));
            Assert.DoesNotContain(cells, c => c.Text == "Phan Văn Sài Gòn");
        }

        var previous = await GetDocumentAsync(client, "/Members/Badges?Date=19/05/2026");
        Assert.Contains("Phan Văn Đợt Trước", previous.QuerySelector("[data-testid=badges]")!.TextContent);
    }

    [Fact]
    public async Task A_page_names_only_the_highest_milestone_groups_it_shows_while_the_counts_cover_everyone()
    {
        await PlantAsync("X00004.CB01", "Phan Văn Ba Mươi", new DateOnly(1996, 7, 1));
        await PlantAsync("X00004.CB01", "Phan Văn Ba Mươi Hai", new DateOnly(1996, 8, 1));
        await PlantAsync("X00004.CB02", "Phan Văn Bốn Mươi", new DateOnly(1986, 8, 15));
        var (book, _) = await Factory.Services.GetRequiredService<RuleBookProvider>().GetAsync(CancellationToken.None);
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgCom.Web.Infrastructure.Access.CurrentUser>().SetSystem("(kiểm thử)");
        var queries = scope.ServiceProvider.GetRequiredService<OrgCom.Web.Features.Members.Badges.BadgeQueries>();

        var all = (await queries.ListAsync(new DateOnly(2026, 9, 2), book, false, null, CancellationToken.None)).Value!;
        var first = (await queries.ListAsync(new DateOnly(2026, 9, 2), book, false, 1, CancellationToken.None)).Value!;

        Assert.Equal(all.Total, all.Rows.Count);
        Assert.Equal(all.Counts, first.Counts);
        Assert.Equal(all.Total, first.Total);
        Assert.True(all.Counts.Count >= 2);
        var highest = all.Counts[0];
        Assert.Equal(highest.Count, first.Rows.Count);
        Assert.All(first.Rows, r => Assert.Equal(highest.Milestone, r.Milestone));
        Assert.Contains(all.Rows, r => r.FullName == "Phan Văn Ba Mươi Hai" && r.Milestone == 30);
    }

    [Fact]
    public async Task Seriously_ill_members_are_listed_early_on_request_marked_with_the_rule_and_only_within_scope()
    {
        var soon = await PlantAsync("X00004.CB01", "Phan Văn Sớm", new DateOnly(1997, 9, 2));            // 30 years on 02/09/2027
        await PlantAsync("X00004.CB01", "Phan Văn Quá Sớm", new DateOnly(1997, 9, 3), illSince: new DateOnly(2026, 1, 10));
        await PlantAsync("X00004.CB01", "Phan Văn Không Bệnh", new DateOnly(1997, 9, 2));
        await PlantAsync("X00004.CB02", "Phan Văn Bảy Mươi", new DateOnly(1957, 10, 2), illSince: new DateOnly(2026, 5, 1));
        await PlantAsync("X00004.CB02", "Phan Văn Bệnh Sau", new DateOnly(1997, 9, 2), illSince: new DateOnly(2026, 9, 3));
        await PlantAsync("X00004.CB01", "Phan Văn Ba Mươi", new DateOnly(1996, 7, 1), illSince: new DateOnly(2026, 1, 10));
        await PlantAsync("X26740.CB01", "Phan Văn Sài Gòn", new DateOnly(1997, 9, 2), illSince: new DateOnly(2026, 1, 10));

        // The illness is recorded from the member's page, as the commission does.
        var client = await SignInAsync("hanoi");
        var recorded = await PostFormAsync(client, $"/Members/Lifecycle/{soon}?handler=SeriousIllness", new()
        {
            ["Input.Date"] = "10/01/2026", ["Input.IllnessDocumentNumber"] = "215/GXN-BVBM",
            ["Input.IllnessNote"] = "Ung thư giai đoạn cuối, Bệnh viện Bạch Mai xác nhận",
        }, $"/Members/Lifecycle/{soon}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, recorded.StatusCode);

        var regular = await GetDocumentAsync(client, "/Members/Badges?Date=02/09/2026");
        var regularText = regular.QuerySelector("[data-testid=badges]")!.TextContent;
        Assert.Contains("Phan Văn Ba Mươi", regularText);
        Assert.DoesNotContain("Phan Văn Sớm", regularText);
        Assert.DoesNotContain("Phan Văn Bảy Mươi", regularText);
        Assert.Empty(regular.QuerySelectorAll("[data-testid=early]"));
        Assert.Null(regular.QuerySelector("[data-testid=early-rules]"));

        var page = await GetDocumentAsync(client, "/Members/Badges?Date=02/09/2026&IncludeSeriouslyIll=true");
        Assert.True(page.QuerySelector("input[name=IncludeSeriouslyIll]")!.HasAttribute("checked"));
        var rows = page.QuerySelectorAll("[data-testid=badges] tbody tr").ToDictionary(
            r => r.QuerySelector("a")!.TextContent, r => r);
        string[] planted = ["Phan Văn Sớm", "Phan Văn Quá Sớm", "Phan Văn Không Bệnh", "Phan Văn Bảy Mươi", "Phan Văn Bệnh Sau",
            "Phan Văn Ba Mươi", "Phan Văn Sài Gòn"];
        Assert.Equal(["Phan Văn Ba Mươi", "Phan Văn Bảy Mươi", "Phan Văn Sớm"], rows.Keys.Intersect(planted).Order());
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=early]").Length);

        var early = rows["Phan Văn Sớm"];
        Assert.Equal("xét tặng sớm", early.QuerySelector("[data-testid=early]")!.TextContent.Trim());
        Assert.Contains("30 năm", early.TextContent);
        Assert.Contains("02/09/2027", early.TextContent);
        var note = early.QuerySelector("[data-testid=early-note]")!.TextContent;
        Assert.Contains("bị bệnh nặng từ 10/01/2026", note);
        Assert.Contains("sớm không quá 12 tháng", note);
        Assert.Contains("Theo Hướng dẫn 06-HD/TW", note);
        var seventy = rows["Phan Văn Bảy Mươi"];
        Assert.Contains("70 năm", seventy.TextContent);
        Assert.Contains("sớm không quá 24 tháng", seventy.QuerySelector("[data-testid=early-note]")!.TextContent);
        Assert.Null(rows["Phan Văn Ba Mươi"].QuerySelector("[data-testid=early]"));
        Assert.Contains("xét tặng sớm: 2", page.QuerySelector("[data-testid=early-count]")!.TextContent);
        var rules = page.QuerySelector("[data-testid=early-rules]")!.TextContent;
        Assert.Contains("12 tháng (Huy hiệu 30 đến 65 năm)", rules);
        Assert.Contains("24 tháng (Huy hiệu 70 đến 90 năm)", rules);

        var excel = await client.GetAsync("/Members/Badges?Date=02/09/2026&IncludeSeriouslyIll=true&handler=Excel");
        using (var reader = OrgCom.Web.Infrastructure.Export.XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
        {
            var cells = reader.ReadRows().SelectMany(r => r.Cells).ToList();
            Assert.Contains(cells, c => c.Text == "Phan Văn Sớm");
            Assert.Contains(cells, c => c.Text == "Xét tặng sớm (bị bệnh nặng từ 10/01/2026), sớm không quá 12 tháng");
            Assert.DoesNotContain(cells, c => c.Text == "Phan Văn Sài Gòn");
        }

        // Another province lists its own seriously ill member, not Hà Nội's.
        var hcm = await GetDocumentAsync(await SignInAsync("hcm"), "/Members/Badges?Date=02/09/2026&IncludeSeriouslyIll=true");
        var hcmText = hcm.QuerySelector("[data-testid=badges]")!.TextContent;
        Assert.Contains("Phan Văn Sài Gòn", hcmText);
        Assert.DoesNotContain("Phan Văn Sớm", hcmText);
        Assert.DoesNotContain("Phan Văn Bảy Mươi", hcmText);
    }

    [Fact]
    public async Task The_dossier_shows_party_age_net_of_the_time_outside_the_party()
    {
        await PlantAsync("X00004.CB01", "Phan Văn Gián Đoạn", new DateOnly(1996, 7, 1), withGap: true);
        await PlantAsync("X00004.CB01", "Phan Văn Liền Mạch", new DateOnly(1996, 7, 1));
        var client = await SignInAsync("xa.badinh");
        async Task<string> AgeOfAsync(string name)
        {
            var id = await WithDbAsync(db => db.Members.Where(m => m.FullName == name).Select(m => m.Id).SingleAsync());
            var page = await GetDocumentAsync(client, $"/Members/Details/{id}");
            return page.QuerySelector("[data-testid=party-age]")!.TextContent;
        }
        var continuous = await AgeOfAsync("Phan Văn Liền Mạch");
        var interrupted = await AgeOfAsync("Phan Văn Gián Đoạn");
        // Left 01/01/2010, readmitted 01/01/2013: three years less.
        var years = int.Parse(continuous.Split(' ')[0]);
        Assert.StartsWith($"{years - 3} năm", interrupted);
        Assert.Contains("đã trừ thời gian không sinh hoạt", interrupted);
    }

    [Fact]
    public async Task A_day_that_is_not_a_presentation_day_is_refused_with_the_rule()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, "/Members/Badges?Date=01/09/2026");
        var errors = page.QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("không phải ngày trao tặng Huy hiệu Đảng", errors);
        Assert.Contains("03/02, 19/05, 02/09, 07/11", errors);
        var bad = await GetDocumentAsync(client, "/Members/Badges?Date=31/02/2026");
        Assert.Contains("không phải ngày hợp lệ", bad.QuerySelector("[data-testid=errors]")!.TextContent);
    }

    [Fact]
    public async Task The_rules_page_shows_each_rule_with_its_source_and_the_holiday_calendar()
    {
        var client = await SignInAsync("xa.badinh");
        var page = await GetDocumentAsync(client, "/Rules");
        var rules = page.QuerySelector("[data-testid=rules]")!.TextContent;
        Assert.Contains("probation.months", rules);
        Assert.Contains("294-QĐ/TW", rules);
        Assert.Contains("đang áp dụng", rules);
        Assert.Contains("Tết", page.QuerySelector("[data-testid=holidays-2026]")!.TextContent);
    }
}
