using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using OrgCom.Web.Infrastructure.Export;
using Col = OrgCom.Web.Infrastructure.Export.XlsxColumn<OrgCom.Web.Tests.Export.XlsxWriterTests.MemberLine>;

namespace OrgCom.Web.Tests.Export;

public sealed class XlsxWriterTests
{
    public sealed record MemberLine(
        string Name, DateOnly BirthDate, DateOnly? ProbationOn, DateOnly? OfficialOn, long? Men, long? Women, decimal Fee, bool? Exempt);

    private static readonly MemberLine[] Members =
    [
        new("Nguyễn Văn Đặng", new DateOnly(1985, 2, 28), new DateOnly(2010, 5, 19), new DateOnly(2011, 5, 19), 1, 0, 125_000.50m, false),
        // Typed with combining marks (NFD): the file must hold the composed (NFC) text.
        new("Trần Thị Ngọc Ánh".Normalize(NormalizationForm.FormD), new DateOnly(1990, 12, 31), new DateOnly(2020, 1, 2), null, null, 1, 80_000m, true),
        new("Hoàng Ứng Ý — Đội 3", new DateOnly(1962, 9, 2), new DateOnly(1984, 3, 26), new DateOnly(1985, 3, 26), 2, 1, 1_234_567.25m, null),
    ];

    private const decimal GivenFeeTotal = 1_439_567.75m;

    internal static XlsxReport<MemberLine> Report() => new(
    [
        Col.RowNumber(),
        Col.Text("Họ và tên", m => m.Name, width: 28),
        Col.Date("Ngày sinh", m => m.BirthDate),
        Col.Date("Dự bị", m => m.ProbationOn, group: "Ngày vào Đảng"),
        Col.Date("Chính thức", m => m.OfficialOn, group: "Ngày vào Đảng"),
        Col.Integer("Nam", m => m.Men, group: "Số đảng viên", total: XlsxTotal.Sum),
        Col.Integer("Nữ", m => m.Women, group: "Số đảng viên", total: XlsxTotal.Sum),
        Col.Decimal("Đảng phí (đồng)", m => m.Fee, total: XlsxTotal.Value(() => GivenFeeTotal)),
        Col.Boolean("Miễn sinh hoạt", m => m.Exempt),
    ])
    {
        SheetName = "Đảng viên",
        TitleLines = ["DANH SÁCH ĐẢNG VIÊN", "Đảng bộ Phường Hoàn Kiếm", XlsxReport<MemberLine>.ExportedOnLine(new DateOnly(2026, 11, 21))],
        TotalsRow = true,
    };

    internal static async Task<byte[]> WriteAsync<T>(XlsxReport<T> report, IEnumerable<T> rows)
    {
        using var output = new MemoryStream();
        await XlsxWriter.WriteAsync(output, report, rows.ToAsyncEnumerable());
        return output.ToArray();
    }

    [Fact]
    public async Task Two_level_report_reads_back_cell_by_cell()
    {
        var bytes = await WriteAsync(Report(), Members);

        using var reader = XlsxReader.Open(new MemoryStream(bytes));
        Assert.Equal(["Đảng viên"], reader.SheetNames);
        var rows = reader.ReadRows().ToList();
        Assert.Equal([1, 2, 3, 5, 6, 7, 8, 9, 10], rows.Select(r => r.Number));

        object?[][] expected =
        [
            ["DANH SÁCH ĐẢNG VIÊN", null, null, null, null, null, null, null, null],
            ["Đảng bộ Phường Hoàn Kiếm", null, null, null, null, null, null, null, null],
            ["Ngày xuất: 21/11/2026", null, null, null, null, null, null, null, null],
            ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", null, "Số đảng viên", null, "Đảng phí (đồng)", "Miễn sinh hoạt"],
            [null, null, null, "Dự bị", "Chính thức", "Nam", "Nữ", null, null],
            [1d, "Nguyễn Văn Đặng", new DateTime(1985, 2, 28), new DateTime(2010, 5, 19), new DateTime(2011, 5, 19), 1d, 0d, 125_000.5d, "Không"],
            [2d, "Trần Thị Ngọc Ánh", new DateTime(1990, 12, 31), new DateTime(2020, 1, 2), null, null, 1d, 80_000d, "Có"],
            [3d, "Hoàng Ứng Ý — Đội 3", new DateTime(1962, 9, 2), new DateTime(1984, 3, 26), new DateTime(1985, 3, 26), 2d, 1d, 1_234_567.25d, null],
            ["Tổng cộng", null, null, null, null, 3d, 2d, 1_439_567.75d, null],
        ];
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], rows[i].Values(9));
        Assert.Equal(9, rows.Max(r => r.LastColumn));

        // Text comes back byte for byte in NFC, dates as dates (not numbers or text).
        var second = rows[6];
        Assert.Equal("Trần Thị Ngọc Ánh".Normalize(NormalizationForm.FormC), second["B"].Text);
        Assert.True(second["B"].Text!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(XlsxCellKind.Date, second["C"].Kind);
        Assert.Equal(new DateOnly(1990, 12, 31), second["C"].AsDateOnly());
        Assert.Equal(XlsxCellKind.Number, second["A"].Kind);

        var totals = rows[^1];
        Assert.Equal("SUM(F7:F9)", totals["F"].Formula);
        Assert.Equal("SUM(G7:G9)", totals["G"].Formula);
        Assert.Null(totals["H"].Formula);

        var merged = reader.ReadMergedRanges().Select(r => r.Reference).ToList();
        Assert.Equal(
            ["A1:I1", "A2:I2", "A3:I3", "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:G5", "H5:H6", "I5:I6", "A10:E10"],
            merged);
    }

    [Fact]
    public async Task Package_is_valid_open_xml_with_styles_freeze_pane_and_autofilter()
    {
        var bytes = await WriteAsync(Report(), Members);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.WorksheetParts.Single().Worksheet;
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        CellFormat FormatOf(string reference) =>
            formats[(int)sheet.Descendants<Cell>().Single(c => c.CellReference == reference).StyleIndex!.Value];

        var header = FormatOf("D5");
        Assert.NotNull(fonts[(int)header.FontId!.Value].Bold);
        Assert.Equal(HorizontalAlignmentValues.Center, header.Alignment!.Horizontal!.Value);
        Assert.Equal(BorderStyleValues.Thin, stylesheet.Borders!.Elements<Border>().ElementAt((int)header.BorderId!.Value).LeftBorder!.Style!.Value);
        Assert.NotNull(fonts[(int)FormatOf("A1").FontId!.Value].Bold);
        Assert.Equal(3u, FormatOf("F7").NumberFormatId!.Value); // #,##0
        var dateFormat = FormatOf("C7").NumberFormatId!.Value;
        Assert.Equal("dd/mm/yyyy", stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == dateFormat).FormatCode!.Value);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(6d, pane.VerticalSplit!.Value);
        Assert.Equal("A7", pane.TopLeftCell!.Value);
        Assert.Equal("A6:I9", sheet.Descendants<AutoFilter>().Single().Reference!.Value);

        var names = workbookPart.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text);
        Assert.Equal("'Đảng viên'!$A$6:$I$9", names["_xlnm._FilterDatabase"]);
        Assert.Equal("'Đảng viên'!$5:$6", names["_xlnm.Print_Titles"]);
    }

    [Fact]
    public async Task One_level_header_without_titles_starts_on_the_first_row()
    {
        var report = new XlsxReport<MemberLine>([Col.Text("Họ và tên", m => m.Name), Col.Date("Ngày sinh", m => m.BirthDate)])
        {
            SheetName = "Danh sách: Chi bộ [1]/2026",
        };
        var bytes = await WriteAsync(report, Members.Take(1));

        using var reader = XlsxReader.Open(new MemoryStream(bytes));
        Assert.Equal(["Danh sách- Chi bộ -1--2026"], reader.SheetNames);
        var rows = reader.ReadRows().ToList();
        Assert.Equal([1, 2], rows.Select(r => r.Number));
        Assert.Equal(["Họ và tên", "Ngày sinh"], rows[0].Values(2));
        Assert.Equal(["Nguyễn Văn Đặng", new DateTime(1985, 2, 28)], rows[1].Values(2));
        Assert.Empty(reader.ReadMergedRanges());

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task Awkward_text_is_cleaned_but_otherwise_exact()
    {
        string[] texts =
        [
            "  Lê  Văn\tTám  ",       // spaces kept as they are
            "Dòng 1\nDòng 2",
            "Mã _x0041_ giữ nguyên",  // Excel would otherwise read _x0041_ as "A"
            "Ký tự\u0001điều khiển",  // XML cannot carry it: removed
            "Chữ Hán 𠀀 và emoji 🇻🇳",
        ];
        var report = new XlsxReport<string>([XlsxColumn<string>.Text("Ghi chú", s => s)]);
        var bytes = await WriteAsync(report, texts);

        using var reader = XlsxReader.Open(new MemoryStream(bytes));
        var values = reader.ReadRows().Skip(1).Select(r => r["A"].Text).ToList();
        Assert.Equal(
            ["  Lê  Văn\tTám  ", "Dòng 1\nDòng 2", "Mã _x0041_ giữ nguyên", "Ký tựđiều khiển", "Chữ Hán 𠀀 và emoji 🇻🇳"],
            values);
    }

    [Fact]
    public async Task Dates_before_March_1900_are_written_as_text_and_an_empty_list_has_zero_totals()
    {
        var report = new XlsxReport<(DateOnly Date, long Count)>(
        [
            XlsxColumn<(DateOnly Date, long Count)>.Date("Ngày", r => r.Date),
            XlsxColumn<(DateOnly Date, long Count)>.Integer("Số", r => r.Count, total: XlsxTotal.Sum),
        ]) { TotalsRow = true };

        var old = await WriteAsync(report, [(new DateOnly(1899, 12, 31), 5L), (new DateOnly(1900, 3, 1), 7L)]);
        using (var reader = XlsxReader.Open(new MemoryStream(old)))
        {
            var rows = reader.ReadRows().ToList();
            Assert.Equal(["31/12/1899", 5d], rows[1].Values(2));
            Assert.Equal([new DateTime(1900, 3, 1), 7d], rows[2].Values(2));
            Assert.Equal(["Tổng cộng", 12d], rows[3].Values(2));
        }

        var empty = await WriteAsync(report, []);
        using (var reader = XlsxReader.Open(new MemoryStream(empty)))
        {
            var rows = reader.ReadRows().ToList();
            Assert.Equal([1, 2], rows.Select(r => r.Number));
            Assert.Equal(["Tổng cộng", 0d], rows[1].Values(2));
            Assert.Null(rows[1]["B"].Formula);
        }
        using var document = SpreadsheetDocument.Open(new MemoryStream(empty), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task A_non_seekable_output_gets_the_same_content()
    {
        var seekable = await WriteAsync(Report(), Members);
        using var target = new MemoryStream();
        await XlsxWriter.WriteAsync(new ForwardOnlyStream(target), Report(), Members.ToAsyncEnumerable());

        Assert.Equal(Cells(seekable), Cells(target.ToArray()));
        Assert.Equal(9, Cells(seekable).Count);
    }

    private static List<string> Cells(byte[] xlsx)
    {
        using var reader = XlsxReader.Open(new MemoryStream(xlsx));
        return reader.ReadRows().Select(r => $"{r.Number}: " + string.Join(" | ", r.Cells.Select(c => $"{c.Reference}={c}"))).ToList();
    }

    [Fact]
    public async Task Cancellation_stops_the_export()
    {
        using var cts = new CancellationTokenSource();
        async IAsyncEnumerable<MemberLine> Rows()
        {
            foreach (var member in Members)
            {
                yield return member;
                await cts.CancelAsync();
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            XlsxWriter.WriteAsync(new MemoryStream(), Report(), Rows(), cts.Token));
    }

    /// <summary>Like an HTTP response body: write-only, no seeking, no length.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);
    }
}
