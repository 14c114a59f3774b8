using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Core.Text;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Members;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Members;

/// <summary>/Members/Search on the demo data, with a few members planted under known names and numbers.</summary>
public sealed class SearchTests : AppTest
{
    private const string Nhung = "Đặng Thị Hồng Nhung";
    private const string NhungCitizenId = "001180012345";
    private const string An = "Nguyễn Văn An";
    private const string AnCard = "0198765432";
    private const string HcmName = "Tôn Nữ Quỳnh Xuyến";
    private const string HcmCitizenId = "079185054321";
    private const string HcmCard = "7912340001";

    private long _nhung, _an, _hcm;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_nhung, _an, _hcm) = await WithDbAsync(async db =>
        {
            async Task<long> PlantAsync(string cellCode, Identity identity, DateOnly admitted, PoliticalTheoryLevel theory, string? card)
            {
                var cell = await db.Organizations.Where(o => o.Code == cellCode).Select(o => o.Id).SingleAsync();
                var member = Member.Import(cell, identity, MemberStatus.Official, admitted, admitted.AddDays(20), admitted.AddDays(20).AddYears(1), card, "(kiểm thử)");
                member.UpdateEducation(new Education("12/12", "Đại học", null, theory, null, null));
                db.Members.Add(member);
                await db.SaveChangesAsync();
                return member.Id;
            }
            var nhung = await PlantAsync("X00004.CB01",
                new Identity(Nhung, null, Gender.Female, new DateOnly(1980, 5, 12), false, NhungCitizenId, null, null, null, "Tày", "Không", null),
                new DateOnly(2005, 3, 10), PoliticalTheoryLevel.Intermediate, "0112345678");
            var an = await PlantAsync("X00008.CB02",
                new Identity(An, null, Gender.Male, new DateOnly(1945, 2, 1), false, "001045098765", null, null, null, "Kinh", "Không", null),
                new DateOnly(1968, 6, 1), PoliticalTheoryLevel.Advanced, AnCard);
            var hcm = await PlantAsync("X26740.CB01",
                new Identity(HcmName, null, Gender.Female, new DateOnly(1985, 9, 9), false, HcmCitizenId, null, null, null, "Hoa", "Không", null),
                new DateOnly(2010, 1, 15), PoliticalTheoryLevel.Elementary, HcmCard);
            return (nhung, an, hcm);
        });
    }

    [Fact]
    public async Task A_name_typed_without_diacritics_finds_the_name_with_them()
    {
        var client = await SignInAsync("hanoi");
        Assert.Contains(Nhung, Names(await SearchAsync(client, "q=dang+thi+hong+nhung")));
        Assert.Contains(Nhung, Names(await SearchAsync(client, "q=" + Uri.EscapeDataString("Đặng"))));
        Assert.Contains(Nhung, Names(await SearchAsync(client, "q=DANG")));

        var an = await SearchAsync(client, "q=nguyen+van+an");
        Assert.Contains(An, Names(an));
        Assert.All(Names(an), n => Assert.True(ContainsAll(n, "nguyen", "van", "an"), n));
        Assert.Contains(An, Names(await SearchAsync(client, "q=" + Uri.EscapeDataString("Nguyễn Văn An"))));
    }

    [Fact]
    public async Task Partial_words_match_inside_the_name_and_every_word_must_match()
    {
        var client = await SignInAsync("hanoi");
        var partial = await SearchAsync(client, "q=hong+nhu");
        Assert.Contains(Nhung, Names(partial));
        Assert.All(Names(partial), n => Assert.True(ContainsAll(n, "hong", "nhu"), n));

        var vanAn = await SearchAsync(client, "q=van+an");
        Assert.Contains(An, Names(vanAn));
        Assert.All(Names(vanAn), n => Assert.True(ContainsAll(n, "van", "an"), n));

        var none = await SearchAsync(client, "q=nhung+zzq");
        Assert.Empty(Names(none));
        Assert.NotNull(none.QuerySelector("[data-testid=empty]"));
    }

    [Fact]
    public async Task A_cccd_or_a_party_card_number_finds_exactly_that_member()
    {
        var client = await SignInAsync("hanoi");
        Assert.Equal([Nhung], Names(await SearchAsync(client, "q=" + NhungCitizenId)));
        Assert.Equal([Nhung], Names(await SearchAsync(client, "q=0011+8001+2345")));
        Assert.Equal([An], Names(await SearchAsync(client, "q=" + AnCard)));
        Assert.Empty(Names(await SearchAsync(client, "q=001180012346")));
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "status=Probationary", "status" },
        { "status=counted", "counted" },
        { "gender=Female", "gender" },
        { "birthYear=1980", "birthYear" },
        { "age=From61To75", "age" },
        { "age=Over75", "age75" },
        { "ethnicity=T%C3%A0y", "ethnicity" },
        { "theory=Intermediate", "theory" },
        { "partyAge=From40", "partyAge" },
        { "partyAge=From20To30", "partyAge2030" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_gives_exactly_the_members_that_satisfy_it_in_list_order(string filter, string kind)
    {
        var client = await SignInAsync("admin");
        var page = await SearchAsync(client, "org=T01&" + filter);
        var today = OrgCom.Web.Infrastructure.VietnamTime.Today(TimeProvider.System);
        var expected = await WithDbAsync(async db =>
        {
            var root = await db.Organizations.Where(o => o.Code == "T01").Select(o => EF.Property<LTree>(o, OrgComDbContext.PathProperty)).SingleAsync();
            // In the database's own list order; the filter itself is applied here, independently of the page.
            var all = await db.Members
                .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(root)))
                .OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.Status, m.Gender, m.BirthDate, m.Ethnicity, m.PoliticalTheory, m.AdmittedOn })
                .ToListAsync();
            int Age(DateOnly birth) => today.Year - birth.Year - (birth.AddYears(today.Year - birth.Year) > today ? 1 : 0);
            int Years(DateOnly from) => today.Year - from.Year - (from.AddYears(today.Year - from.Year) > today ? 1 : 0);
            return all.Where(m => kind switch
                {
                    "status" => m.Status == MemberStatus.Probationary,
                    "counted" => m.Status is MemberStatus.Probationary or MemberStatus.Official,
                    "gender" => m.Gender == Gender.Female,
                    "birthYear" => m.BirthDate.Year == 1980,
                    "age" => Age(m.BirthDate) is >= 61 and <= 75,
                    "age75" => Age(m.BirthDate) > 75,
                    "ethnicity" => m.Ethnicity == "Tày",
                    "theory" => m.PoliticalTheory == PoliticalTheoryLevel.Intermediate,
                    "partyAge" => m.AdmittedOn is { } a && Years(a) >= 40,
                    "partyAge2030" => m.AdmittedOn is { } a && Years(a) is >= 20 and < 30,
                    _ => throw new ArgumentOutOfRangeException(nameof(kind)),
                })
                .Select(m => m.Id).Take(MemberSearchQuery.PageSize).ToList();
        });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task Pages_of_fifty_follow_each_other_in_the_vietnamese_list_order()
    {
        var client = await SignInAsync("hanoi");
        var first = await SearchAsync(client, "org=T01");
        Assert.Equal(MemberSearchQuery.PageSize, Ids(first).Count);
        var next = first.QuerySelector("[data-testid=next]")!.GetAttribute("href")!;
        Assert.Contains("pageNumber=2", next);
        var second = await GetDocumentAsync(client, next);
        Assert.Equal(MemberSearchQuery.PageSize, Ids(second).Count);
        Assert.Contains("Trang 2", second.QuerySelector("[data-testid=pager]")!.TextContent);

        var shown = Names(first).Concat(Names(second)).Select(n => PersonName.Parse(n)).ToList();
        Assert.Equal(shown.Order(VietnameseCollation.NameOrder).Select(n => n.FullName), shown.Select(n => n.FullName));
        var expected = await WithDbAsync(db => db.Members
            .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X000")))
            .OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(2 * MemberSearchQuery.PageSize).ToListAsync());
        Assert.Equal(expected, Ids(first).Concat(Ids(second)).ToList());
    }

    [Fact]
    public async Task Other_orders_sort_by_birth_date_and_admission_date()
    {
        var client = await SignInAsync("hanoi");
        var byBirth = await SearchAsync(client, "org=T01&sort=BirthDate");
        var births = await WithDbAsync(db => db.Members.Where(m => Ids(byBirth).Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.BirthDate));
        Assert.Equal(Ids(byBirth).Select(id => births[id]).Order(), Ids(byBirth).Select(id => births[id]));
        Assert.Equal(_an, Ids(byBirth)[0]);

        var byAdmission = await SearchAsync(client, "org=T01&sort=AdmittedOnDescending");
        var admitted = await WithDbAsync(db => db.Members.Where(m => Ids(byAdmission).Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.AdmittedOn));
        Assert.Equal(Ids(byAdmission).Select(id => admitted[id]).OrderDescending(), Ids(byAdmission).Select(id => admitted[id]));
    }

    [Fact]
    public async Task A_hanoi_user_never_gets_an_hcm_member_whatever_they_type()
    {
        var admin = await SignInAsync("admin");
        Assert.Equal([HcmName], Names(await SearchAsync(admin, "q=ton+nu+quynh+xuyen")));

        var hanoi = await SignInAsync("hanoi");
        foreach (var query in new[]
                 {
                     "q=ton+nu+quynh+xuyen", "q=" + Uri.EscapeDataString(HcmName), "q=xuyen", "q=" + HcmCitizenId, "q=" + HcmCard,
                     "q=xuyen&org=", "org=&ethnicity=Hoa", "org=&birthYear=1985&gender=Female", "org=&sort=AdmittedOnDescending",
                 })
        {
            var page = await SearchAsync(hanoi, query);
            Assert.DoesNotContain(_hcm, Ids(page));
            Assert.DoesNotContain(HcmName, page.Body!.TextContent);
        }
        var outside = await SearchAsync(hanoi, "q=xuyen&org=T79");
        Assert.Contains("Không tìm thấy tổ chức có mã \"T79\"", outside.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Empty(Ids(outside));

        var export = await hanoi.GetAsync("/Members/Search?handler=Export&org=&q=xuyen");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.DoesNotContain(HcmName, ExportedNames(await export.Content.ReadAsByteArrayAsync()));

        var count = await hanoi.GetStringAsync("/Members/Search?handler=Count&org=&q=" + HcmCitizenId);
        Assert.Equal("0 đảng viên", count);
    }

    [Fact]
    public async Task Bad_input_gets_a_vietnamese_message_and_no_error_page()
    {
        var client = await SignInAsync("hanoi");
        var thirteen = await SearchAsync(client, "q=0011800123456");
        Assert.Contains("số CCCD phải có đúng 12 chữ số (bạn đã nhập 13 chữ số)", thirteen.QuerySelector("[data-testid=hint]")!.TextContent);

        var year = await SearchAsync(client, "birthYear=3000");
        Assert.Contains("Năm sinh 3000 không hợp lệ", Errors(year));
        var word = await SearchAsync(client, "birthYear=abc");
        Assert.Contains("không hợp lệ", Errors(word));
        var unknown = await SearchAsync(client, "org=KHONGCO.123");
        Assert.Contains("Không tìm thấy tổ chức có mã \"KHONGCO.123\"", Errors(unknown));
        var shortNumber = await SearchAsync(client, "q=1234");
        Assert.Contains("số CCCD có đúng 12 chữ số", Errors(shortNumber));
        var deep = await SearchAsync(client, "pageNumber=100000");
        Assert.Contains("Chỉ xem được 10.000 kết quả đầu tiên", Errors(deep));
        var wild = await SearchAsync(client, "q=" + Uri.EscapeDataString("%_\\' or 1=1 --"));
        Assert.Null(wild.QuerySelector("[data-testid=errors]"));
    }

    [Fact]
    public async Task A_scoped_user_sees_their_own_organization_by_default_and_may_widen_to_their_whole_scope()
    {
        var client = await SignInAsync("xa.badinh");
        var page = await SearchAsync(client, "");
        Assert.Equal("Đảng bộ phường Ba Đình", page.QuerySelector("[data-testid=scope]")!.TextContent.Trim());
        Assert.Equal("X00004", (page.QuerySelector("#org") as IHtmlInputElement)!.Value);
        var ids = Ids(page);
        Assert.NotEmpty(ids);
        var cellsOfWard = await WithDbAsync(db => db.Members.Where(m => ids.Contains(m.Id))
            .Select(m => db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Code).Single()).ToListAsync());
        Assert.All(cellsOfWard, code => Assert.StartsWith("X00004.", code));
    }

    [Fact]
    public async Task The_organization_page_links_to_the_member_list_of_its_whole_subtree()
    {
        var client = await SignInAsync("hanoi");
        var school = await OrganizationIdAsync("X00004.DBTH");
        var details = await GetDocumentAsync(client, $"/Organizations/Details/{school}");
        var link = details.QuerySelector("[data-testid=member-list]")!.GetAttribute("href")!;
        Assert.Equal("/Members/Search?org=X00004.DBTH", link);

        var list = await GetDocumentAsync(client, link);
        var expected = await WithDbAsync(db => db.Members
            .Where(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004.DBTH.")))
            .CountAsync());
        var shown = Ids(list);
        Assert.Equal(Math.Min(expected, MemberSearchQuery.PageSize), shown.Count);
        var codes = await WithDbAsync(db => db.Members.Where(m => shown.Contains(m.Id))
            .Select(m => db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Code).Single()).ToListAsync());
        Assert.All(codes, c => Assert.StartsWith("X00004.DBTH.", c));
    }

    [Fact]
    public async Task The_export_streams_the_whole_result_as_xlsx_with_vietnamese_headers_and_real_dates_and_is_logged()
    {
        var client = await SignInAsync("hanoi");
        var response = await client.GetAsync("/Members/Search?handler=Export&org=X00004");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, response.Content.Headers.ContentType!.MediaType);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var reader = XlsxReader.Open(stream);
        var rows = reader.ReadRows().ToList();
        var header = rows.First(r => r[1].Text == "STT");
        Assert.Equal(
            ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "CCCD", "Số thẻ", "Dân tộc", "Ngày vào Đảng", "Ngày chính thức", "Trạng thái", "Nơi sinh hoạt"],
            Enumerable.Range(1, 11).Select(c => header[c].Text).ToList());
        var data = rows.Where(r => r.Number > header.Number).ToList();
        var expected = await WithDbAsync(db => db.Members
            .CountAsync(m => db.Organizations.Any(o => o.Id == m.OrganizationId && o.Code.StartsWith("X00004."))));
        Assert.Equal(expected, data.Count);

        var nhung = data.Single(r => r[2].Text == Nhung);
        Assert.Equal(XlsxCellKind.Date, nhung[4].Kind);
        Assert.Equal(new DateOnly(1980, 5, 12), nhung[4].AsDateOnly());
        Assert.Equal(NhungCitizenId, nhung[5].Text);
        Assert.Equal(new DateOnly(2005, 3, 10), nhung[8].AsDateOnly());
        Assert.Equal("Chính thức", nhung[10].Text);

        var names = data.Select(r => PersonName.Parse(r[2].Text!)).ToList();
        Assert.Equal(names.Order(VietnameseCollation.NameOrder).Select(n => n.FullName), names.Select(n => n.FullName));

        var logged = await WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "members" && a.EntityKey == "export"));
        Assert.Equal("hanoi", logged.UserName);
        Assert.Equal(AuditAction.View, logged.Action);
        Assert.Contains("Đảng bộ phường Ba Đình", logged.Reason);
    }

    [Theory]
    [InlineData("nguyen van", "T01", "hanoi", null)]
    [InlineData("dang", null, "hanoi", null)]
    [InlineData("thi lan", null, "admin", null)]
    [InlineData(null, "X00004", "admin", null)]
    [InlineData("nguy th", null, "admin", null)]
    [InlineData("van", null, "hanoi", "counted")]
    [InlineData("thi", "T01", "hanoi", "female")]
    [InlineData("an", null, "admin", null)]
    [InlineData("tran van", null, "admin", "page2")]
    [InlineData("thu thuy", null, "admin", null)]
    [InlineData("nguyen", "T01", "hanoi", "born1980")]
    [InlineData("thi", null, "admin", "age31to45")]
    [InlineData("van", null, "admin", "partyage10to20")]
    [InlineData("dang thi", null, "hanoi", "tay")]
    [InlineData("dang", null, "admin", "intermediate")]
    [InlineData("h uy", null, "admin", null)]
    public async Task Every_way_of_reading_a_page_gives_the_same_page(string? query, string? org, string user, string? extra)
    {
        // The shape only tells PostgreSQL how to read (chosen from the sample's estimates); the result must not depend on it.
        await using var scope = Factory.Services.CreateAsyncScope();
        var search = await SearchAsAsync(scope, user);
        var criteria = new MemberSearchCriteria
        {
            Query = query, OrganizationCode = org, Page = query is null || extra == "page2" ? 2 : 1,
            CountedOnly = extra == "counted", Gender = extra == "female" ? Gender.Female : null,
            BirthYear = extra == "born1980" ? 1980 : null,
            Age = extra == "age31to45" ? AgeBand.From31To45 : null,
            PartyAge = extra == "partyage10to20" ? PartyAgeBand.From10To20 : null,
            Ethnicity = extra == "tay" ? "Tày" : null,
            PoliticalTheory = extra == "intermediate" ? PoliticalTheoryLevel.Intermediate : null,
        };
        var resolved = (await search.ResolveAsync(criteria, CancellationToken.None)).Value!;
        var words = resolved.Words.ToHashSet();
        var pages = new List<List<long>>();
        var candidates = await search.CandidatePlansAsync(resolved, CancellationToken.None);
        if (query is not null && query != "an" && query != "h uy")
            Assert.Contains(candidates, p => p.Shape == SearchShape.Syllables);
        foreach (var plan in new[] { SearchPlan.Free, SearchPlan.Walk(), SearchPlan.Index(words), SearchPlan.Subtree() }.Concat(candidates))
        {
            if (plan.Shape == SearchShape.Index && words.Count == 0)
                continue;
            pages.Add((await search.PageAsync(resolved, plan, CancellationToken.None)).Rows.Select(r => r.Id).ToList());
        }
        Assert.NotEmpty(pages[0]);
        Assert.All(pages, p => Assert.Equal(pages[0], p));
    }

    [Theory]
    [InlineData("ton nu quynh xuyen")]
    [InlineData("xuyen")]
    [InlineData("quynh")]
    public async Task No_way_of_reading_a_page_shows_a_member_outside_the_users_scope(string query)
    {
        await using var adminScope = Factory.Services.CreateAsyncScope();
        var asAdmin = await SearchAsAsync(adminScope, "admin");
        var all = (await asAdmin.ResolveAsync(new MemberSearchCriteria { Query = query }, CancellationToken.None)).Value!;
        Assert.Contains(_hcm, (await asAdmin.PageAsync(all, CancellationToken.None)).Rows.Select(r => r.Id));

        await using var scope = Factory.Services.CreateAsyncScope();
        var search = await SearchAsAsync(scope, "hanoi");
        var resolved = (await search.ResolveAsync(new MemberSearchCriteria { Query = query }, CancellationToken.None)).Value!;
        var candidates = await search.CandidatePlansAsync(resolved, CancellationToken.None);
        Assert.Contains(candidates, p => p.Shape == SearchShape.Syllables);
        foreach (var plan in candidates.Append(SearchPlan.Free).Append(SearchPlan.Walk()))
        {
            var rows = (await search.PageAsync(resolved, plan, CancellationToken.None)).Rows;
            Assert.DoesNotContain(rows, r => r.Id == _hcm);
        }
    }

    /// <summary>The search service of a request signed in as <paramref name="user"/> (their grants, their scope).</summary>
    private static async Task<MemberSearchQuery> SearchAsAsync(AsyncServiceScope scope, string user)
    {
        var current = scope.ServiceProvider.GetRequiredService<OrgCom.Web.Infrastructure.Access.CurrentUser>();
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        var grants = await db.UserGrants.IgnoreQueryFilters()
            .Where(g => db.Users.Any(u => u.Id == g.UserId && u.UserName == user))
            .Join(db.Organizations.IgnoreQueryFilters(), g => g.OrganizationId, o => o.Id,
                (g, o) => new OrgCom.Web.Infrastructure.Access.ScopeGrant(g.Role, o.Id, EF.Property<LTree>(o, OrgComDbContext.PathProperty)))
            .ToListAsync();
        current.SetUser(Guid.NewGuid(), user, null, grants);
        return scope.ServiceProvider.GetRequiredService<MemberSearchQuery>();
    }

    private static async Task<IHtmlDocument> SearchAsync(HttpClient client, string query) =>
        await GetDocumentAsync(client, "/Members/Search?" + query);

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=results] tbody a").Select(a => a.TextContent.Trim()).ToList();

    private static List<long> Ids(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=results] tbody a").Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();

    private static string Errors(IHtmlDocument page) => page.QuerySelector("[data-testid=errors]")?.TextContent ?? "(không có thông báo lỗi)";

    private static bool ContainsAll(string name, params string[] words) =>
        words.All(w => VietnameseText.Fold(name).Contains(w, StringComparison.Ordinal));

    private static List<string> ExportedNames(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var reader = XlsxReader.Open(stream);
        return reader.ReadRows().Select(r => r[2].Text ?? "").ToList();
    }
}
