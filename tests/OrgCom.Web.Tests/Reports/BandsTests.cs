using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;
using OrgCom.Web.Features.Reports;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Tests.Reports;

/// <summary>The age and party-age bands of "members at a date": limits from the rule data, shown with their source;
/// party age without the time out of the party.</summary>
public sealed class BandsTests : ReportTest
{
    private async Task<long> PlantReadmittedAsync()
    {
        var rules = Factory.Services.GetRequiredService<RuleBookProvider>();
        var context = await rules.ContextAsync("(kiểm thử)", CancellationToken.None);
        return await WithDbAsync(async db =>
        {
            // Admitted 2000 (decision 22/12/1999), left 01/01/2005, readmitted 01/01/2015: on 30/06/2025 25 years since
            // the admission, 15 in the party.
            var m = Member.Import(B, new Identity("Lê Văn Trở Lại", null, Gender.Male, D(1970, 3, 3), false, null, null, null, null, "Kinh", "Không", null),
                MemberStatus.Official, D(1999, 12, 22), D(2000, 1, 1), D(2001, 1, 1), null, "(kiểm thử)");
            db.Members.Add(m);
            await db.SaveChangesAsync();
            Assert.True(m.Leave(D(2005, 1, 1), "20-QĐ/ĐU", null, context).IsSuccess);
            var back = m.Readmit(D(2015, 1, 1), "21-QĐ/ĐU", D(2015, 1, 10), context);
            Assert.True(back.IsSuccess, back.Error?.Message);
            await db.SaveChangesAsync();
            return m.Id;
        });
    }

    [Fact]
    public async Task Party_age_bands_leave_out_the_years_outside_the_party_and_show_their_source()
    {
        var id = await PlantReadmittedAsync();
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=30/06/2025&Dimension=PartyAgeBand");
        var b = Cells(page.QuerySelector($"tr[data-organization='{B}']")!);
        Assert.Equal("1", b["c:p10-19"]);
        Assert.Equal("0", b["c:p20-29"]);
        var headers = page.QuerySelector("[data-testid=report] thead")!.TextContent;
        foreach (var header in new[] { "Dưới 10 năm", "10 – dưới 20 năm", "Từ 50 năm" })
            Assert.Contains(header, headers);
        var footnote = page.QuerySelector("[data-testid=footnote]")!.TextContent;
        Assert.Contains("Hướng dẫn 11-HD/BTCTW", footnote);
        Assert.Contains("chưa xác nhận", footnote);
        Assert.Contains("trừ thời gian ra khỏi Đảng", footnote);

        // The drill-down of the band lists the member; the Excel carries the note.
        var list = await GetDocumentAsync(client, page.QuerySelector($"tr[data-organization='{B}'] td[data-column='c:p10-19'] a")!.GetAttribute("href")!);
        Assert.Contains("Lê Văn Trở Lại", list.QuerySelector("[data-testid=members]")!.TextContent);
        Assert.Contains("10 – dưới 20 năm", list.QuerySelector("h1")!.TextContent);
        using var reader = OrgCom.Web.Infrastructure.Export.XlsxReader.Open(new MemoryStream(await (await client.GetAsync(
            $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=30/06/2025&Dimension=PartyAgeBand&handler=Excel")).Content.ReadAsByteArrayAsync()));
        Assert.Contains(reader.ReadRows(), r => r.Cells.Any(c => c.Text?.Contains("Hướng dẫn 11-HD/BTCTW") == true));

        // The statement agrees with the rule of the domain (PartyAge with the member's gaps) for every member counted.
        var bands = StatisticsBands.PartyAge([10, 20, 30, 40, 50]);
        var sqlBands = await SqlBandsAsync(MemberDimension.PartyAgeBand, D(2025, 6, 30));
        var members = await WithDbAsync(db => db.Members.Include(m => m.Events).Where(m => sqlBands.Keys.Contains(m.Id)).ToListAsync());
        Assert.Contains(members, m => m.Id == id);
        foreach (var m in members.Where(m => m.AdmittedOn is not null))
        {
            var gaps = m.ActivityGaps().Select(g => new InactivityGap(g.From, g.To ?? D(2025, 6, 30)));
            Assert.Equal(StatisticsBands.PartyAgeBandOf(bands, m.AdmittedOn!.Value, gaps, D(2025, 6, 30)).Key, sqlBands[m.Id]);
        }
    }

    [Fact]
    public async Task Age_bands_come_from_the_rule_data_and_a_new_version_changes_them_from_its_date()
    {
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=30/06/2025&Dimension=AgeBand");
        // The fixture's members were born on 05/05/1975: 50 years old on 30/06/2025.
        Assert.Equal("7", Cells(page.QuerySelector($"tr[data-organization='{A}']")!)["c:a41-50"]);
        Assert.Contains("Đến 30 tuổi", page.QuerySelector("[data-testid=report] thead")!.TextContent);
        Assert.Contains("Hướng dẫn 11-HD/BTCTW", page.QuerySelector("[data-testid=footnote]")!.TextContent);

        // A version with other limits from 01/01/2025 (as an administrator would add it): reports from that date use it.
        await WithDbAsync(async db =>
        {
            var old = await db.RuleValues.SingleAsync(r => r.Key == RuleKey.ReportAgeBandsYears);
            await db.Database.ExecuteSqlRawAsync("update rule_values set effective_to = '2025-01-01' where id = {0}", old.Id);
            await db.Database.ExecuteSqlRawAsync("""
                insert into rule_values (key, value, effective_from, effective_to, source, note, is_confirmed)
                select key, '35,55', '2025-01-01', null, 'Văn bản thử nghiệm', 'Mốc thử nghiệm', true from rule_values where id = {0}
                """, old.Id);
            return 0;
        });
        Factory.Services.GetRequiredService<RuleBookProvider>().Invalidate();
        var changed = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=30/06/2025&Dimension=AgeBand");
        Assert.Equal("7", Cells(changed.QuerySelector($"tr[data-organization='{A}']")!)["c:a36-55"]);
        Assert.Contains("Văn bản thử nghiệm", changed.QuerySelector("[data-testid=footnote]")!.TextContent);
        var before = await GetDocumentAsync(client, $"/Reports/View?Form=MembersAtDate&OrganizationId={Commune}&To=31/12/2024&Dimension=AgeBand");
        Assert.NotNull(before.QuerySelector("td[data-column='c:a41-50']"));
    }

    private Task<Dictionary<long, string>> SqlBandsAsync(MemberDimension dimension, DateOnly date) => WithDbAsync(async db =>
    {
        var rules = (await Factory.Services.GetRequiredService<RuleBookProvider>().GetAsync(CancellationToken.None)).Rules;
        var bands = DimensionBands.At(rules, date)!;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            select m.id, {dimension.Sql(bands)} from membership_at((select path from organizations where id = @root), @date) at
            join members m on m.id = at.member_id
            """, connection);
        cmd.Parameters.AddWithValue("root", Commune);
        cmd.Parameters.AddWithValue("date", date);
        var result = new Dictionary<long, string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result[reader.GetInt64(0)] = reader.GetString(1);
        return result;
    });
}
