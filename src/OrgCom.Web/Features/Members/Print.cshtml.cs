using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Features.Members;

/// <summary>What the printable form shows: the dossier, the print styles inline (the PDF is rendered from a string
/// and fetches nothing), and whether it is the browser's preview (with its toolbar) or the PDF.</summary>
public sealed record PrintSheet(DossierView Dossier, string Css, DateOnly PrintedOn, bool ForPdf, string? Error = null);

/// <summary>
/// The personal-history form laid out like the paper one (A4), to print from the browser or download as a PDF made
/// from the very same HTML. Both are openings of the dossier and are logged as views.
/// </summary>
public sealed class PrintModel(
    DossierQueries dossiers, PdfRenderer pdf, IRazorViewEngine views, ITempDataProvider tempData,
    IWebHostEnvironment environment, TimeProvider clock, ILogger<PrintModel> logger) : PageModel
{
    private const string DocumentView = "/Features/Members/DossierPrintDocument.cshtml";

    public PrintSheet Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var dossier = await dossiers.OpenAsync(id, ct);
        if (dossier is null)
            return NotFound();
        Sheet = await SheetAsync(dossier, forPdf: false);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken ct)
    {
        var dossier = await dossiers.OpenAsync(id, ct);
        if (dossier is null)
            return NotFound();
        var html = await RenderAsync(await SheetAsync(dossier, forPdf: true));
        try
        {
            var content = await pdf.RenderAsync(html, ct);
            var name = DownloadFileName.AsciiFallback(dossier.Member.FullName).Replace(' ', '-');
            return new PdfResult(content, $"Ly-lich-{name}.pdf");
        }
        catch (PdfRenderingException e)
        {
            logger.LogError(e, "PDF of the dossier of member {MemberId} failed", id);
            Sheet = await SheetAsync(dossier, forPdf: false) with
            {
                Error = "Chưa tạo được tệp PDF; hãy dùng nút \"In lý lịch\" của trang này hoặc thử lại sau.",
            };
            var page = Page();
            page.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return page;
        }
    }

    private async Task<PrintSheet> SheetAsync(DossierView dossier, bool forPdf)
    {
        var css = environment.WebRootFileProvider.GetFileInfo("css/print.css");
        await using var stream = css.CreateReadStream();
        using var reader = new StreamReader(stream);
        return new PrintSheet(dossier, await reader.ReadToEndAsync(), VietnamTime.Today(clock), forPdf);
    }

    /// <summary>Renders the form's HTML to a string in this request (no second request to the app).</summary>
    private async Task<string> RenderAsync(PrintSheet sheet)
    {
        var found = views.GetView(executingFilePath: null, viewPath: DocumentView, isMainPage: false);
        if (!found.Success)
            throw new InvalidOperationException($"{DocumentView} not found: {string.Join(", ", found.SearchedLocations)}");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<PrintSheet>(MetadataProvider, ModelState) { Model = sheet };
        var context = new ViewContext(PageContext, found.View, viewData, new TempDataDictionary(HttpContext, tempData), writer,
            new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
