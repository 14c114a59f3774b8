using Microsoft.AspNetCore.Mvc;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>
/// An .xlsx download, returned from a Razor Page handler (<see cref="IActionResult"/>) or a minimal API
/// (<see cref="IResult"/>). The file is finished in a private temporary file before the response starts, so a failure
/// while reading the rows still gives an error page instead of a truncated download, and the length is known.
/// The rows are read while the result executes, i.e. still inside the request and its DbContext scope.
/// </summary>
public sealed class XlsxResult : IActionResult, IResult
{
    private readonly Func<CancellationToken, Task<FileStream>> _write;

    private XlsxResult(string fileName, Func<CancellationToken, Task<FileStream>> write)
    {
        FileName = fileName;
        _write = write;
    }

    /// <summary>The download's name as the user sees it, e.g. "Danh sách đảng viên.xlsx".</summary>
    public string FileName { get; }

    public static XlsxResult Create<T>(XlsxReport<T> report, IAsyncEnumerable<T> rows, string fileName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            fileName += ".xlsx";
        return new XlsxResult(fileName, ct => XlsxWriter.WriteToTempFileAsync(report, rows, ct));
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var aborted = httpContext.RequestAborted;
        await using var file = await _write(aborted);
        var response = httpContext.Response;
        response.ContentType = XlsxWriter.ContentType;
        response.ContentLength = file.Length;
        response.Headers.ContentDisposition = DownloadFileName.ContentDisposition(FileName);
        // Exports hold personal data: no copies in browser or proxy caches.
        response.Headers.CacheControl = "no-store";
        await file.CopyToAsync(response.Body, aborted);
    }
}
