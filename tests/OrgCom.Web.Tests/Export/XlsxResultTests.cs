using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Tests.Export;

public sealed class XlsxResultTests
{
    [Fact]
    public async Task Download_has_the_spreadsheet_type_and_a_Vietnamese_file_name_with_an_ascii_fallback()
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        IResult result = XlsxResult.Create(XlsxWriterTests.Report(), Array.Empty<XlsxWriterTests.MemberLine>().ToAsyncEnumerable(), "Danh sách Đảng viên 2026");

        await result.ExecuteAsync(context);

        var response = context.Response;
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.ContentType);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal(body.Length, response.ContentLength);
        var disposition = response.Headers.ContentDisposition.ToString();
        Assert.Equal(
            "attachment; filename=\"Danh sach Dang vien 2026.xlsx\"; filename*=UTF-8''Danh%20s%C3%A1ch%20%C4%90%E1%BA%A3ng%20vi%C3%AAn%202026.xlsx",
            disposition);
        var parsed = ContentDispositionHeaderValue.Parse(disposition);
        Assert.Equal("Danh sách Đảng viên 2026.xlsx", parsed.FileNameStar.ToString());
        Assert.Equal("Danh sach Dang vien 2026.xlsx", parsed.FileName.ToString());

        using var reader = XlsxReader.Open(new MemoryStream(body.ToArray()));
        Assert.Equal("DANH SÁCH ĐẢNG VIÊN", reader.ReadRows().First()["A"].Text);
    }

    [Theory]
    [InlineData("Báo cáo thống kê Quý IV.xlsx", "Bao cao thong ke Quy IV.xlsx")]
    [InlineData("ĐẢNG BỘ Ứng Hòa.pdf", "DANG BO Ung Hoa.pdf")]
    [InlineData("Thư \"mời\" họp.pdf", "Thu _moi_ hop.pdf")]
    [InlineData("thư mục\\chi bộ.pdf", "chi bo.pdf")]
    [InlineData("Tổng hợp – 2026 ✓.xlsx", "Tong hop _ 2026 _.xlsx")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("   ", "tai-xuong")]
    public void Ascii_fallback_folds_accents_and_keeps_case(string name, string expected) =>
        Assert.Equal(expected, DownloadFileName.AsciiFallback(name));

    [Fact]
    public void The_utf8_name_is_composed_and_percent_encoded()
    {
        var decomposed = "Đảng viên.pdf".Normalize(System.Text.NormalizationForm.FormD);
        var header = DownloadFileName.ContentDisposition(decomposed);
        Assert.EndsWith("filename*=UTF-8''%C4%90%E1%BA%A3ng%20vi%C3%AAn.pdf", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_result_can_be_shown_inline()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await new PdfResult("%PDF-1.4"u8.ToArray(), "Nghị quyết số 12", inline: true).ExecuteAsync(context);

        Assert.Equal("application/pdf", context.Response.ContentType);
        Assert.StartsWith("inline; filename=\"Nghi quyet so 12.pdf\"; filename*=UTF-8''", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }
}
