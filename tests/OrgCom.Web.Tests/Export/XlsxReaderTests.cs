using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Tests.Export;

/// <summary>Files as Excel writes them (shared strings, rich text, built-in date formats, formulas), unlike our own.</summary>
public sealed class XlsxReaderTests
{
    [Fact]
    public void Reads_shared_and_rich_strings_dates_booleans_formulas_and_merges()
    {
        var bytes = ExcelLikeWorkbook();

        using var reader = XlsxReader.Open(new MemoryStream(bytes));
        Assert.Equal(["Nhập liệu", "Ghi chú"], reader.SheetNames);
        var rows = reader.ReadRows("Nhập liệu").ToList();

        Assert.Equal([1, 3], rows.Select(r => r.Number));
        var header = rows[0];
        Assert.Equal(["Họ và tên", "Ngày sinh", "Đảng viên", "Tuổi Đảng", null, "_x0041_"], header.Values(6));

        var data = rows[1];
        Assert.Equal("Phạm Quỳnh Hương", data["A"].Text);                 // rich text runs joined, phonetic hint left out
        Assert.Equal(XlsxCellKind.Date, data["B"].Kind);                     // built-in format 14
        Assert.Equal(new DateOnly(1975, 4, 30), data["B"].AsDateOnly());
        Assert.Equal(XlsxCellKind.Date, data["C"].Kind);                     // custom [$-42A]dd/mm/yyyy
        Assert.Equal(new DateTime(2001, 9, 2), data["C"].Date);
        Assert.Equal(XlsxCellKind.Number, data["D"].Kind);                   // #,##0 is not a date
        Assert.Equal(25d, data["D"].Number);
        Assert.Equal(XlsxCellKind.Boolean, data["E"].Kind);
        Assert.Equal(true, data["E"].Boolean);
        Assert.Equal(XlsxCellKind.Text, data["F"].Kind);                     // formula with a string result
        Assert.Equal("Đạt", data["F"].Text);
        Assert.Equal("IF(D3>20,\"Đạt\",\"Chưa\")", data["F"].Formula);
        Assert.True(data["G"].IsEmpty);

        Assert.Equal([new XlsxRange(1, 4, 1, 5)], reader.ReadMergedRanges("Nhập liệu"));
        Assert.Equal(["Sheet khác"], reader.ReadRows("Ghi chú").Single().Values(1));
        Assert.Throws<ArgumentException>(() => reader.ReadRows("Không có").ToList());
    }

    [Theory]
    [InlineData(14u, null, true)]
    [InlineData(22u, null, true)]
    [InlineData(3u, null, false)]
    [InlineData(164u, "dd/mm/yyyy", true)]
    [InlineData(164u, "[$-42A]d mmmm yyyy", true)]
    [InlineData(164u, "[h]:mm", true)]
    [InlineData(164u, "#,##0 \"ngày\"", false)]
    [InlineData(164u, "[Red]#,##0.00", false)]
    [InlineData(164u, "General", false)]
    [InlineData(164u, "0.00E+00", false)]
    public void Recognises_date_formats(uint id, string? code, bool isDate) =>
        Assert.Equal(isDate, XlsxReader.IsDateFormat(id, code));

    [Fact]
    public void Refuses_a_stream_it_cannot_seek()
    {
        Assert.Throws<ArgumentException>(() => XlsxReader.Open(new NonSeekable()));
    }

    private static byte[] ExcelLikeWorkbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Họ và tên")),
                new SharedStringItem(new Text("Ngày sinh")),
                new SharedStringItem(
                    new Run(new Text("Phạm ")),
                    new Run(new RunProperties(new Bold()), new Text("Quỳnh Hương")),
                    new PhoneticRun(new Text("ふりがな")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }),
                new SharedStringItem(new Text("Đảng viên")),
                new SharedStringItem(new Text("_x005F_x0041_")),
                new SharedStringItem(new Text("Sheet khác")));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 170, FormatCode = "[$-42A]dd/mm/yyyy" }),
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 170, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true }));

            var first = workbook.AddNewPart<WorksheetPart>();
            first.Worksheet = new Worksheet(
                new SheetData(
                    new Row(
                        Shared("A1", 0), Shared("B1", 1), Shared("C1", 3),
                        new Cell { CellReference = "D1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Tuổi Đảng")) },
                        new Cell { CellReference = "E1" },
                        Shared("F1", 4)) { RowIndex = 1 },
                    new Row(
                        Shared("A3", 2),
                        new Cell { CellReference = "B3", StyleIndex = 1, CellValue = new CellValue("27514") },
                        new Cell { CellReference = "C3", StyleIndex = 2, CellValue = new CellValue("37136") },
                        new Cell { CellReference = "D3", StyleIndex = 3, CellValue = new CellValue("25") },
                        new Cell { CellReference = "E3", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                        new Cell { CellReference = "F3", DataType = CellValues.String, CellFormula = new CellFormula("IF(D3>20,\"Đạt\",\"Chưa\")"), CellValue = new CellValue("Đạt") },
                        new Cell { CellReference = "G3", StyleIndex = 3 }) { RowIndex = 3 }),
                new MergeCells(new MergeCell { Reference = "D1:E1" }));
            var second = workbook.AddNewPart<WorksheetPart>();
            second.Worksheet = new Worksheet(new SheetData(new Row(new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("5") })));

            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Name = "Nhập liệu", SheetId = 1, Id = workbook.GetIdOfPart(first) },
                new Sheet { Name = "Ghi chú", SheetId = 2, Id = workbook.GetIdOfPart(second) }));
        }
        return stream.ToArray();
    }

    private static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
