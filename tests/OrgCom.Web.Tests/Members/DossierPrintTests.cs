using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Tests.Members;

/// <summary>The printable personal-history form and its PDF, rendered from the same HTML.</summary>
public sealed class DossierPrintTests : DossierTest
{
    private const string Pdftotext = "/usr/bin/pdftotext";

    /// <summary>A member with a name full of diacritics and something in every list section.</summary>
    private async Task<long> FilledMemberAsync()
    {
        var id = await HanoiMemberAsync();
        await WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == id);
            Assert.True(m.UpdateIdentity(m.Identity with { FullName = "Nguyễn Thị Ngọc Hường", CitizenId = "001190034567", Hometown = "Xã Phù Đổng, Hà Nội" },
                new DateOnly(2026, 1, 1)).IsSuccess);
            Assert.True(m.UpdateEducation(new Education("12/12", "Thạc sĩ Quản lý công", null, PoliticalTheoryLevel.Intermediate, "Tiếng Anh B2", null)).IsSuccess);
            Assert.True(m.UpdateWorkHistory([new WorkHistoryEntry("09/2012", null, "Chuyên viên", "Ủy ban nhân dân phường Ba Đình")]).IsSuccess);
            Assert.True(m.UpdateAwards([new Award("2020", "Bằng khen", "321-QĐ/UBND", "Ủy ban nhân dân thành phố Hà Nội")]).IsSuccess);
            Assert.True(m.UpdateFamily([new Relative("Mẹ", "Phạm Thị Lụa", 1962, "Hưu trí", "Hà Nội")], new DateOnly(2026, 1, 1)).IsSuccess);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private Task<int> ViewsAsync(long id) => WithDbAsync(db => db.AuditEntries.CountAsync(a =>
        a.Action == AuditAction.View && a.EntityType == "members" && a.EntityKey == id.ToString()));

    [Fact]
    public async Task The_print_view_is_the_paper_form_without_navigation_and_is_logged_as_a_view()
    {
        var id = await FilledMemberAsync();
        var client = await SignInAsync("hanoi");
        var page = await GetDocumentAsync(client, $"/Members/Print/{id}");

        foreach (var section in new[] { "identity", "education", "party", "introducers", "work", "awards", "discipline", "family", "history" })
            Assert.NotNull(page.QuerySelector($"[data-testid=print-{section}]"));
        Assert.Equal(3, page.QuerySelectorAll("section.part").Length);
        Assert.Equal("LÝ LỊCH ĐẢNG VIÊN", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.Body!.TextContent;
        Assert.Contains("NGUYỄN THỊ NGỌC HƯỜNG", text);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("Ủy ban nhân dân phường Ba Đình", text);
        Assert.Contains("Phạm Thị Lụa", text);
        Assert.Contains("Trung cấp", text);

        // A document of its own: the print styles inline, none of the site's navigation.
        Assert.Null(page.QuerySelector(".navbar"));
        Assert.Empty(page.QuerySelectorAll("link[rel=stylesheet]"));
        var css = page.QuerySelector("style")!.TextContent;
        Assert.Contains("size: A4", css);
        Assert.Contains("\"DejaVu Sans\"", css);
        Assert.Contains("break-before: page", css);

        Assert.Equal(1, await ViewsAsync(id));
    }

    [Fact]
    public async Task The_pdf_is_the_print_view_rendered_by_chromium_downloaded_under_the_members_name_and_logged_as_a_view()
    {
        var id = await FilledMemberAsync();
        var client = await SignInAsync("hanoi");
        var response = await client.GetAsync($"/Members/Print/{id}?handler=Pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)[..Math.Min(bytes.Length, 2000)]}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("Ly-lich-Nguyen-Thi-Ngoc-Huong.pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(1, await ViewsAsync(id));
    }

    [Fact]
    public async Task The_pdf_text_has_the_members_full_name_with_its_diacritics()
    {
        var id = await FilledMemberAsync();
        var client = await SignInAsync("hanoi");
        var bytes = await client.GetByteArrayAsync($"/Members/Print/{id}?handler=Pdf");
        var file = Path.Combine(Path.GetTempPath(), $"orgcom-dossier-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(file, bytes);
            // test.sh installs poppler-utils; a missing pdftotext fails here with the reason rather than skipping.
            Assert.True(File.Exists(Pdftotext), $"{Pdftotext} is missing: install poppler-utils (test.sh does).");
            var start = new ProcessStartInfo(Pdftotext) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-enc", "UTF-8", file, "-" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var text = (await process.StandardOutput.ReadToEndAsync()).Normalize(NormalizationForm.FormC);
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Nguyễn Thị Ngọc Hường", text);
            Assert.Contains("NGUYỄN THỊ NGỌC HƯỜNG", text);
            Assert.Contains("LÝ LỊCH ĐẢNG VIÊN", text);
            Assert.Contains("Ủy ban nhân dân phường Ba Đình", text);
            // The toolbar of the browser's preview is not part of the document.
            Assert.DoesNotContain("Tải PDF", text);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
