using Microsoft.AspNetCore.Mvc;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>A PDF from <see cref="PdfRenderer"/> as a download (or shown in the browser when <c>inline</c>), from a
/// Razor Page handler or a minimal API, with the same Vietnamese file name handling as <see cref="XlsxResult"/>.</summary>
public sealed class PdfResult(byte[] content, string fileName, bool inline = false) : IActionResult, IResult
{
    public const string ContentType = "application/pdf";

    public string FileName { get; } = fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? fileName : fileName + ".pdf";

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.ContentLength = content.Length;
        var disposition = DownloadFileName.ContentDisposition(FileName);
        response.Headers.ContentDisposition = inline ? "inline" + disposition["attachment".Length..] : disposition;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(content, httpContext.RequestAborted);
    }
}
