using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Infrastructure.Export;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Cadres;

/// <summary>The indicator "cán bộ đứng đầu không phải người địa phương" on the demo data: Hà Nội's city secretary comes
/// from Nghệ An, phường Ba Đình's from Hà Nội, Hồ Chí Minh City's from the former Bình Định — each province sees its own.</summary>
public sealed class LocalHeadsTests : AppTest
{
    [Fact]
    public async Task Each_province_sees_its_heads_counted_with_the_share_the_names_and_the_excel()
    {
        var (hanoiSecretary, baDinhSecretary, hcmSecretary) = await WithDbAsync(async db =>
        {
            async Task<string> Holder(string org, string position) => await db.Appointments
                .Where(a => a.EndedOn == null && a.PositionName == position && db.Organizations.Any(o => o.Id == a.OrganizationId && o.Code == org))
                .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => m.FullName).SingleAsync();
            return (await Holder("T01", "Bí thư Thành ủy"), await Holder("X00004", "Bí thư Đảng ủy phường"), await Holder("T79", "Bí thư Thành ủy"));
        });

        var hanoi = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(hanoi, "/Cadres/LocalHeads");
        var row = page.QuerySelector("[data-testid=indicator] tr[data-province='01']")!;
        Assert.Equal(["Hà Nội", "1", "1", "0", "1", "0", "0", "2", "1", "50%", "0"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Null(page.QuerySelector("[data-testid=indicator] tr[data-province='79']"));
        Assert.Contains("quê quán", page.QuerySelector("[data-testid=definition]")!.TextContent);

        var drill = await GetDocumentAsync(hanoi, "/Cadres/LocalHeads?Province=01");
        var lines = drill.QuerySelectorAll("[data-testid=drill] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.Contains(hanoiSecretary) && l.Contains("Tỉnh Nghệ An") && l.Contains("Không phải người địa phương"));
        Assert.Contains(lines, l => l.Contains(baDinhSecretary) && l.Contains("Người địa phương") && !l.Contains("Không phải"));

        var excel = await hanoi.GetAsync("/Cadres/LocalHeads?handler=Excel");
        using (var reader = XlsxReader.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
        {
            var cells = reader.ReadRows().SelectMany(r => r.Cells).Select(c => c.Text ?? "").ToList();
            Assert.Contains(hanoiSecretary, cells);
            Assert.Contains(baDinhSecretary, cells);
            Assert.DoesNotContain(hcmSecretary, cells);
            Assert.Contains(cells, c => c.Contains("không phải người địa phương 1 (50%)"));
        }

        // Hồ Chí Minh City: its secretary, not local (100%); nothing of Hà Nội, not even by typing its code.
        var hcm = await SignInAsync("hcm");
        var hcmRow = (await GetDocumentAsync(hcm, "/Cadres/LocalHeads")).QuerySelector("[data-testid=indicator] tr[data-province='79']")!;
        Assert.Equal(["Hồ Chí Minh", "1", "1", "0", "0", "0", "0", "1", "1", "100%", "0"], hcmRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var foreign = await GetDocumentAsync(hcm, "/Cadres/LocalHeads?Province=01");
        Assert.Empty(foreign.QuerySelectorAll("[data-testid=drill] tbody tr"));
        Assert.DoesNotContain(hanoiSecretary, foreign.Body!.TextContent);
    }
}
