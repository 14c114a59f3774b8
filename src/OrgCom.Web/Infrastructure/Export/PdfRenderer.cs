using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace OrgCom.Web.Infrastructure.Export;

public sealed class PdfRendererOptions
{
    public const string ChromiumEnvironmentVariable = "ORGCOM_CHROMIUM";
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>Debian's chromium (apt-get install chromium), or the path in ORGCOM_CHROMIUM.</summary>
    public string ChromiumPath { get; set; } =
        Environment.GetEnvironmentVariable(ChromiumEnvironmentVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;

    /// <summary>Chromium is killed when one page takes longer (waiting for a free slot does not count).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the private per-render folder is made (and always removed).</summary>
    public string TempRoot { get; set; } = Path.GetTempPath();
}

public class PdfRenderingException : Exception
{
    public PdfRenderingException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

public sealed class ChromiumNotFoundException(string path, Exception? inner = null) : PdfRenderingException(
    $"Không tìm thấy Chromium tại '{path}' để tạo PDF. Hãy cài bằng 'apt-get install -y chromium fonts-dejavu-core' " +
    $"hoặc đặt biến môi trường {PdfRendererOptions.ChromiumEnvironmentVariable} trỏ tới tệp chạy của Chromium.", inner)
{
    public string Path { get; } = path;
}

/// <summary>
/// Prints a self-contained HTML page (inline CSS, images as data: URIs) to PDF with headless Chromium
/// (<c>--print-to-pdf</c>). Each render runs in its own private temporary folder (page, profile and output), which is
/// always deleted; network access is blocked, so the page cannot fetch anything. At most two Chromiums run at once in
/// the process, since each takes hundreds of MB.
/// </summary>
/// <remarks>
/// Vietnamese needs a font with its glyphs: pages set <c>font-family: "DejaVu Sans"</c> (Debian fonts-dejavu-core,
/// installed by test.sh and required on servers), e.g. by starting their CSS with <see cref="BaseCss"/> or building the
/// page with <see cref="HtmlDocument"/>. Print layout comes from CSS: <c>@page { size: A4 landscape; margin: … }</c>,
/// <c>thead { display: table-header-group }</c> to repeat table headers, <c>break-inside: avoid</c>.
/// </remarks>
public sealed class PdfRenderer(PdfRendererOptions? options = null, ILogger<PdfRenderer>? logger = null)
{
    public const string FontFamily = "\"DejaVu Sans\", sans-serif";

    public const string BaseCss = """
        @page { size: A4; margin: 15mm 12mm; }
        html { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #000; }
        h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; }
        th { text-align: center; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        .number { text-align: right; }
        .center { text-align: center; }
        """;

    private static readonly SemaphoreSlim Slots = new(2, 2);
    private readonly PdfRendererOptions _options = options ?? new PdfRendererOptions();

    /// <summary>A complete UTF-8 page around <paramref name="bodyHtml"/> (already encoded HTML) with <see cref="BaseCss"/>.</summary>
    public static string HtmlDocument(string title, string bodyHtml, string? extraCss = null) =>
        $"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
        {BaseCss}
        {extraCss}
        </style>
        </head>
        <body>
        {bodyHtml}
        </body>
        </html>
        """;

    /// <exception cref="ChromiumNotFoundException">Chromium is not installed at the configured path.</exception>
    /// <exception cref="PdfRenderingException">Chromium failed or ran past the timeout (and was killed).</exception>
    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var chromium = _options.ChromiumPath;
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
            throw new ChromiumNotFoundException(chromium ?? "");

        await Slots.WaitAsync(cancellationToken);
        try
        {
            return await RenderInPrivateFolderAsync(chromium, html, cancellationToken);
        }
        finally
        {
            Slots.Release();
        }
    }

    private async Task<byte[]> RenderInPrivateFolderAsync(string chromium, string html, CancellationToken cancellationToken)
    {
        var folder = CreatePrivateFolder(_options.TempRoot);
        Process? process = null;
        try
        {
            var page = Path.Combine(folder, "page.html");
            var pdf = Path.Combine(folder, "page.pdf");
            // The BOM makes Chromium read the file as UTF-8 even when the page forgot <meta charset>.
            await File.WriteAllTextAsync(page, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);

            var start = new ProcessStartInfo(chromium)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (var argument in Arguments(folder, page, pdf))
                start.ArgumentList.Add(argument);
            // Chromium writes caches and crash reports under HOME/XDG folders: keep them in the private folder too.
            start.Environment["HOME"] = folder;
            start.Environment["XDG_CONFIG_HOME"] = folder;
            start.Environment["XDG_CACHE_HOME"] = folder;

            process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                throw new ChromiumNotFoundException(chromium, e);
            }
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);

            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Kill(process);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new PdfRenderingException(string.Create(CultureInfo.InvariantCulture,
                        $"Chromium không tạo xong PDF trong {_options.Timeout.TotalSeconds:0.#} giây nên đã bị dừng."));
                }
            }

            var output = new FileInfo(pdf);
            if (process.ExitCode != 0 || !output.Exists || output.Length == 0)
            {
                throw new PdfRenderingException(
                    $"Chromium không tạo được PDF (mã thoát {process.ExitCode}). {await TailAsync(errors)}".TrimEnd());
            }
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            if (process is not null)
            {
                Kill(process);
                process.Dispose();
            }
            await DeleteFolderAsync(folder);
        }
    }

    private static IEnumerable<string> Arguments(string folder, string page, string pdf) =>
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--mute-audio",
        "--no-pdf-header-footer",
        // The page is self-contained; refusing every host name keeps it from reaching the network (or the intranet).
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--user-data-dir=" + Path.Combine(folder, "profile"),
        "--print-to-pdf=" + pdf,
        new Uri(page).AbsoluteUri,
    ];

    private static string CreatePrivateFolder(string root)
    {
        var path = Path.Combine(root, "orgcom-pdf-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }
        catch (Win32Exception)
        {
            // Already gone.
        }
    }

    private static async Task<string> TailAsync(Task<string> errors)
    {
        try
        {
            // Helper processes may keep the pipe open a moment after the browser exits.
            var text = (await errors.WaitAsync(TimeSpan.FromSeconds(2))).Trim();
            return text.Length <= 2_000 ? text : "…" + text[^2_000..];
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    private async Task DeleteFolderAsync(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 10)
                {
                    // Not thrown: it would hide the render's own outcome.
                    logger?.LogError(e, "Could not delete the PDF render folder {Folder}", folder);
                    return;
                }
                // A helper process that was just killed may still be closing files in the profile.
                await Task.Delay(100 * attempt);
            }
        }
    }
}
