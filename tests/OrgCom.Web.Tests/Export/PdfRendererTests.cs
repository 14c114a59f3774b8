using System.Diagnostics;
using System.Text;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Tests.Export;

/// <summary>Runs the real Debian Chromium (test.sh installs chromium, fonts-dejavu-core and poppler-utils).</summary>
public sealed class PdfRendererTests : IDisposable
{
    private const string Sentence = "Đảng viên Nguyễn Văn Đặng — Hà Nội";
    private readonly string _tempRoot = Directory.CreateTempSubdirectory("orgcom-pdf-test-").FullName;

    public void Dispose() => Directory.Delete(_tempRoot, recursive: true);

    private PdfRenderer Renderer(TimeSpan? timeout = null) => new(new PdfRendererOptions
    {
        TempRoot = _tempRoot,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    private static string Page() => PdfRenderer.HtmlDocument(
        "Danh sách đảng viên",
        $"""
        <h1>DANH SÁCH ĐẢNG VIÊN</h1>
        <p>{Sentence}</p>
        <table>
          <thead><tr><th>STT</th><th>Họ và tên</th><th>Ngày vào Đảng</th></tr></thead>
          <tbody><tr><td class="center">1</td><td>Trần Thị Ngọc Ánh</td><td class="center">19/05/2010</td></tr></tbody>
        </table>
        """);

    [Fact]
    public async Task Vietnamese_page_becomes_a_pdf_whose_text_can_be_extracted()
    {
        var pdf = await Renderer().RenderAsync(Page());

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.True(pdf.Length > 1024, $"only {pdf.Length} bytes");
        // The glyphs come from the embedded DejaVu Sans, not from a fallback font that lacks them.
        Assert.Contains("DejaVuSans", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        var text = await PdfToTextAsync(pdf);
        Assert.Contains(Sentence, text.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);
        Assert.Contains("Trần Thị Ngọc Ánh", text.Normalize(NormalizationForm.FormC), StringComparison.Ordinal);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_tempRoot));
    }

    [Fact]
    public async Task A_missing_chromium_is_reported_clearly()
    {
        var renderer = new PdfRenderer(new PdfRendererOptions { ChromiumPath = "/khong/co/chromium", TempRoot = _tempRoot });

        var error = await Assert.ThrowsAsync<ChromiumNotFoundException>(() => renderer.RenderAsync(Page()));

        Assert.Equal("/khong/co/chromium", error.Path);
        Assert.Contains("/khong/co/chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("ORGCOM_CHROMIUM", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tempRoot));
    }

    [Fact]
    public async Task A_render_past_the_timeout_is_killed_and_cleaned_up()
    {
        var error = await Assert.ThrowsAsync<PdfRenderingException>(() =>
            Renderer(TimeSpan.FromMilliseconds(1)).RenderAsync(Page()));

        Assert.Contains("giây", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tempRoot));
        // No Chromium of this render (they all carry its folder in their command line) is left running.
        Assert.Empty(ProcessesMentioning(_tempRoot));
    }

    private static List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(text, StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        Assert.True(File.Exists(tool), "pdftotext is missing: install Debian poppler-utils (test.sh does).");
        var path = Path.Combine(Path.GetTempPath(), $"orgcom-pdftotext-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-enc", "UTF-8", path, "-" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {errors}");
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
