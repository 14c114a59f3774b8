using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>
/// Writes an <see cref="XlsxReport{T}"/> as an .xlsx file while the rows stream in, in constant memory: the sheet is
/// written with the SAX <see cref="OpenXmlWriter"/> straight into a zip entry and strings are inline, so nothing grows
/// with the number of rows (tested with 300,000 rows).
/// </summary>
/// <remarks>
/// The package is zipped here rather than by <c>SpreadsheetDocument</c>: the SDK needs a read-write package, and a
/// read-write zip keeps every part in memory until it is saved. The zip needs a seekable stream for Excel-friendly
/// entry headers, so other streams (an HTTP response) are fed from a private temporary file.
/// </remarks>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync<T>(Stream output, XlsxReport<T> report, IAsyncEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        if (output.CanSeek)
        {
            await WritePackageAsync(output, report, rows, cancellationToken);
            return;
        }
        await using var file = await WriteToTempFileAsync(report, rows, cancellationToken);
        await file.CopyToAsync(output, cancellationToken);
    }

    /// <summary>The finished file, positioned at its start; deleted when the stream is disposed.</summary>
    internal static async Task<FileStream> WriteToTempFileAsync<T>(XlsxReport<T> report, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        // Exports hold personal data: readable by this user only, and gone once the stream is closed.
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 64 * 1024,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"orgcom-xlsx-{Guid.NewGuid():N}.tmp"), options);
        try
        {
            await WritePackageAsync(file, report, rows, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task WritePackageAsync<T>(Stream output, XlsxReport<T> report, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rows);
        var sheetName = SheetName(report.SheetName);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WriteText(zip, "[Content_Types].xml", ContentTypesXml);
        WriteText(zip, "_rels/.rels", RootRelationshipsXml);
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationshipsXml);
        WriteElement(zip, "xl/styles.xml", XlsxStyles.Create());

        SheetLayout layout;
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        await using (var stream = entry.Open())
        {
            using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
            layout = await new SheetWriter<T>(writer, report).WriteAsync(rows, cancellationToken);
            writer.Close();
        }

        WriteElement(zip, "xl/workbook.xml", Workbook(sheetName, layout));
    }

    private static Workbook Workbook(string sheetName, SheetLayout layout)
    {
        var workbook = new Workbook();
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        workbook.Append(
            new BookViews(new WorkbookView()),
            new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" }));
        var quoted = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'!";
        var names = new DefinedNames();
        if (layout.AutoFilter is { } filter)
        {
            names.Append(new DefinedName(quoted + Absolute(filter)) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true });
        }
        if (layout.RepeatRows is { } repeat)
        {
            names.Append(new DefinedName(FormattableString.Invariant($"{quoted}${repeat.First}:${repeat.Last}")) { Name = "_xlnm.Print_Titles", LocalSheetId = 0 });
        }
        if (names.HasChildren)
            workbook.Append(names);
        // Excel recalculates the totals' SUM formulas on opening; the stored values serve readers that do not calculate.
        workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        return workbook;
    }

    private static string Absolute(XlsxRange range) =>
        FormattableString.Invariant($"${XlsxCellReference.ColumnName(range.FirstColumn)}${range.FirstRow}:${XlsxCellReference.ColumnName(range.LastColumn)}${range.LastRow}");

    /// <summary>Excel refuses sheet names with : \ / ? * [ ], longer than 31 characters, or starting or ending with '.</summary>
    internal static string SheetName(string? name)
    {
        var sb = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC))
            sb.Append(c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? '-' : c);
        var cleaned = sb.ToString().Trim().Trim('\'');
        if (cleaned.Length > 31)
            cleaned = cleaned[..(char.IsHighSurrogate(cleaned[30]) ? 30 : 31)].TrimEnd('\'');
        return cleaned.Length == 0 ? "Sheet1" : cleaned;
    }

    private static void WriteText(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static void WriteElement(ZipArchive zip, string name, OpenXmlElement element)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteElement(element);
        writer.Close();
    }

    private const string ContentTypesXml =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
        """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
        """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""" +
        """<Default Extension="xml" ContentType="application/xml"/>""" +
        """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
        """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" +
        """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""" +
        """</Types>""";

    private const string RootRelationshipsXml =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>""" +
        """</Relationships>""";

    private const string WorkbookRelationshipsXml =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""" +
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""" +
        """</Relationships>""";

    internal sealed record SheetLayout(XlsxRange? AutoFilter, (int First, int Last)? RepeatRows);

    /// <summary>Streams one worksheet; see <see cref="XlsxReport{T}"/> for the layout.</summary>
    private sealed class SheetWriter<T>(OpenXmlWriter writer, XlsxReport<T> report)
    {
        private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
        private static readonly DateOnly FirstExcelDate = new(1900, 3, 1);
        private static readonly DateOnly Epoch = new(1899, 12, 30);

        private readonly IReadOnlyList<XlsxColumn<T>> _columns = report.Columns;
        private readonly string[] _letters = report.Columns.Select((_, i) => XlsxCellReference.ColumnName(i + 1)).ToArray();
        private readonly List<XlsxRange> _merges = [];
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly CellFormula _formula = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();

        public async Task<SheetLayout> WriteAsync(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
        {
            var lastColumn = _columns.Count;
            var titleCount = report.TitleLines.Count;
            var headerTop = titleCount == 0 ? 1 : titleCount + 2;
            var twoLevel = _columns.Any(c => c.Group is not null);
            var headerBottom = twoLevel ? headerTop + 1 : headerTop;
            var firstDataRow = headerBottom + 1;

            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Worksheet());
            if (report.Landscape)
                writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            writer.WriteElement(SheetViews(headerBottom, firstDataRow));
            writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15.75 });
            writer.WriteElement(new Columns(_columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = c.Width,
                CustomWidth = true,
            })));

            writer.WriteStartElement(new SheetData());
            WriteTitles(lastColumn);
            WriteHeader(headerTop, twoLevel);

            var sums = new decimal[_columns.Count];
            var rowNumber = firstDataRow;
            var lastAllowed = XlsxLimits.MaxRows - (report.TotalsRow ? 1 : 0);
            await foreach (var item in rows.WithCancellation(cancellationToken))
            {
                if (rowNumber > lastAllowed)
                    throw new InvalidOperationException(
                        $"Danh sách vượt quá số dòng tối đa của một trang tính Excel ({XlsxLimits.MaxRows:N0} dòng).");
                // Also for sources that ignore the token they were given.
                cancellationToken.ThrowIfCancellationRequested();
                WriteDataRow(rowNumber, rowNumber - firstDataRow + 1, item, sums);
                rowNumber++;
            }
            var lastDataRow = rowNumber - 1;
            if (report.TotalsRow)
                WriteTotals(rowNumber, firstDataRow, lastDataRow, sums);
            writer.WriteEndElement(); // sheetData

            XlsxRange? filter = report.AutoFilter ? new XlsxRange(headerBottom, 1, Math.Max(headerBottom, lastDataRow), lastColumn) : null;
            if (filter is { } f)
                writer.WriteElement(new AutoFilter { Reference = f.Reference });
            if (_merges.Count > 0)
                writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m.Reference })) { Count = (uint)_merges.Count });
            writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            writer.WriteElement(new PageSetup
            {
                PaperSize = 9, // A4
                Orientation = report.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1,
                FitToHeight = 0,
            });
            writer.WriteElement(new HeaderFooter(new OddFooter("&CTrang &P/&N")));
            writer.WriteEndElement(); // worksheet
            return new SheetLayout(filter, report.FreezeHeader ? (headerTop, headerBottom) : null);
        }

        private SheetViews SheetViews(int headerBottom, int firstDataRow)
        {
            var view = new SheetView { WorkbookViewId = 0, TabSelected = true };
            if (report.FreezeHeader)
            {
                var topLeft = "A" + firstDataRow.ToString(CultureInfo.InvariantCulture);
                view.Append(
                    new Pane { VerticalSplit = headerBottom, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
            }
            return new SheetViews(view);
        }

        private void WriteTitles(int lastColumn)
        {
            for (var i = 0; i < report.TitleLines.Count; i++)
            {
                var row = i + 1;
                StartRow(row, i == 0 ? 21 : null);
                WriteTextCell(row, 0, report.TitleLines[i], i == 0 ? XlsxStyles.Title : XlsxStyles.Subtitle);
                writer.WriteEndElement();
                if (lastColumn > 1)
                    _merges.Add(new XlsxRange(row, 1, row, lastColumn));
            }
        }

        private void WriteHeader(int top, bool twoLevel)
        {
            if (!twoLevel)
            {
                StartRow(top, HeaderHeight(_columns.Select((c, i) => (c.Header, c.Width)), 1));
                for (var i = 0; i < _columns.Count; i++)
                    WriteTextCell(top, i, _columns[i].Header, XlsxStyles.Header);
                writer.WriteEndElement();
                return;
            }

            var bottom = top + 1;
            var groups = new List<(string Text, double Width)>();
            for (var i = 0; i < _columns.Count;)
            {
                var group = _columns[i].Group;
                var end = i;
                while (group is not null && end + 1 < _columns.Count && _columns[end + 1].Group == group)
                    end++;
                if (group is not null)
                    groups.Add((group, _columns.Skip(i).Take(end - i + 1).Sum(c => c.Width)));
                i = end + 1;
            }
            // An ungrouped header spans both rows: its lines are shared between them.
            var spanning = _columns.Where(c => c.Group is null).Select(c => (c.Header, c.Width)).ToList();
            var grouped = _columns.Where(c => c.Group is not null).Select(c => (c.Header, c.Width));
            StartRow(top, Max(HeaderHeight(groups, 1), HeaderHeight(spanning, 2)));
            for (var i = 0; i < _columns.Count; i++)
            {
                var column = _columns[i];
                if (column.Group is null)
                {
                    WriteTextCell(top, i, column.Header, XlsxStyles.Header);
                    _merges.Add(new XlsxRange(top, i + 1, bottom, i + 1));
                }
                else if (i == 0 || _columns[i - 1].Group != column.Group)
                {
                    var end = i;
                    while (end + 1 < _columns.Count && _columns[end + 1].Group == column.Group)
                        end++;
                    WriteTextCell(top, i, column.Group, XlsxStyles.Header);
                    if (end > i)
                        _merges.Add(new XlsxRange(top, i + 1, top, end + 1));
                }
                else
                {
                    WriteBlankCell(top, i, XlsxStyles.Header);
                }
            }
            writer.WriteEndElement();

            StartRow(bottom, Max(HeaderHeight(grouped, 1), HeaderHeight(spanning, 2)));
            for (var i = 0; i < _columns.Count; i++)
            {
                if (_columns[i].Group is null)
                    WriteBlankCell(bottom, i, XlsxStyles.Header);
                else
                    WriteTextCell(bottom, i, _columns[i].Header, XlsxStyles.Header);
            }
            writer.WriteEndElement();
        }

        private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

        /// <summary>
        /// Excel does not grow rows to fit wrapped text in merged cells, so header rows get a height from an estimate of
        /// the lines each header needs at its column's width; null keeps Excel's default for one line.
        /// </summary>
        private static double? HeaderHeight(IEnumerable<(string Text, double Width)> headers, int rowsShared)
        {
            var lines = 1;
            foreach (var (text, width) in headers)
            {
                var perLine = Math.Max(1, width - 1.5);
                lines = Math.Max(lines, (int)Math.Ceiling(text.Length * 1.1 / perLine));
            }
            var share = (int)Math.Ceiling(lines / (double)rowsShared);
            return share <= 1 ? null : share * 15.75 + 3;
        }

        private void WriteDataRow(int row, int position, T item, decimal[] sums)
        {
            StartRow(row, null);
            for (var i = 0; i < _columns.Count; i++)
            {
                var column = _columns[i];
                switch (column.Kind)
                {
                    case XlsxColumnKind.Text:
                        WriteTextCell(row, i, column.TextOf!(item), XlsxStyles.Text);
                        break;
                    case XlsxColumnKind.Integer:
                        if ((column.IsRowNumber ? position : column.IntegerOf!(item)) is { } integer)
                        {
                            sums[i] += integer;
                            WriteNumberCell(row, i, integer.ToString(CultureInfo.InvariantCulture), XlsxStyles.Integer);
                        }
                        else
                        {
                            WriteBlankCell(row, i, XlsxStyles.Integer);
                        }
                        break;
                    case XlsxColumnKind.Decimal:
                        if (column.DecimalOf!(item) is { } number)
                        {
                            sums[i] += number;
                            WriteNumberCell(row, i, number.ToString(CultureInfo.InvariantCulture), XlsxStyles.Decimal);
                        }
                        else
                        {
                            WriteBlankCell(row, i, XlsxStyles.Decimal);
                        }
                        break;
                    case XlsxColumnKind.Date:
                        var date = column.DateOf!(item);
                        if (date is null)
                            WriteBlankCell(row, i, XlsxStyles.Date);
                        else if (date.Value < FirstExcelDate)
                            // Excel's serials before March 1900 are off by its phantom 29 February 1900 (and it has none
                            // before 1900): such dates are kept exact as text.
                            WriteTextCell(row, i, date.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), XlsxStyles.Date);
                        else
                            WriteNumberCell(row, i, (date.Value.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture), XlsxStyles.Date);
                        break;
                    case XlsxColumnKind.Boolean:
                        var flag = column.BooleanOf!(item);
                        WriteTextCell(row, i, flag is null ? null : flag.Value ? "Có" : "Không", XlsxStyles.Boolean);
                        break;
                }
            }
            writer.WriteEndElement();
        }

        private void WriteTotals(int row, int firstDataRow, int lastDataRow, decimal[] sums)
        {
            var firstTotal = -1;
            for (var i = 0; i < _columns.Count && firstTotal < 0; i++)
                if (_columns[i].Total is not null)
                    firstTotal = i;
            var labelEnd = firstTotal < 0 ? _columns.Count - 1 : firstTotal - 1;

            StartRow(row, null);
            for (var i = 0; i < _columns.Count; i++)
            {
                var column = _columns[i];
                var numberStyle = column.Kind == XlsxColumnKind.Integer ? XlsxStyles.TotalInteger : XlsxStyles.TotalDecimal;
                if (i == 0 && labelEnd >= 0)
                {
                    WriteTextCell(row, i, report.TotalsLabel, XlsxStyles.TotalLabel);
                }
                else if (i <= labelEnd)
                {
                    WriteBlankCell(row, i, XlsxStyles.TotalLabel);
                }
                else if (column.Total is null)
                {
                    WriteBlankCell(row, i, XlsxStyles.TotalBlank);
                }
                else if (column.Total.IsSum)
                {
                    var cached = sums[i].ToString(CultureInfo.InvariantCulture);
                    if (lastDataRow < firstDataRow)
                        WriteNumberCell(row, i, cached, numberStyle);
                    else
                        WriteFormulaCell(row, i, FormattableString.Invariant($"SUM({_letters[i]}{firstDataRow}:{_letters[i]}{lastDataRow})"), cached, numberStyle);
                }
                else
                {
                    WriteNumberCell(row, i, column.Total.Given!().ToString(CultureInfo.InvariantCulture), numberStyle);
                }
            }
            writer.WriteEndElement();
            if (labelEnd > 0)
                _merges.Add(new XlsxRange(row, 1, row, labelEnd + 1));
        }

        private void StartRow(int row, double? height)
        {
            var number = new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture));
            if (height is null)
            {
                writer.WriteStartElement(_row, [number]);
                return;
            }
            writer.WriteStartElement(_row,
            [
                number,
                new OpenXmlAttribute("ht", "", height.Value.ToString("0.##", CultureInfo.InvariantCulture)),
                new OpenXmlAttribute("customHeight", "", "1"),
            ]);
        }

        private OpenXmlAttribute Reference(int row, int column) =>
            new("r", "", _letters[column] + row.ToString(CultureInfo.InvariantCulture));

        private static readonly string[] StyleIds = Enumerable.Range(0, (int)XlsxStyles.TotalBlank + 1)
            .Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        private static OpenXmlAttribute Style(uint style) => new("s", "", StyleIds[style]);

        private void WriteBlankCell(int row, int column, uint style)
        {
            writer.WriteStartElement(_cell, [Reference(row, column), Style(style)]);
            writer.WriteEndElement();
        }

        private void WriteTextCell(int row, int column, string? text, uint style)
        {
            if (string.IsNullOrEmpty(text))
            {
                WriteBlankCell(row, column, style);
                return;
            }
            text = XlsxText.ForCell(text);
            writer.WriteStartElement(_cell, [Reference(row, column), Style(style), new OpenXmlAttribute("t", "", "inlineStr")]);
            writer.WriteStartElement(_inline);
            if (XlsxText.NeedsSpacePreserved(text))
                writer.WriteStartElement(_text, [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")]);
            else
                writer.WriteStartElement(_text);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void WriteNumberCell(int row, int column, string number, uint style)
        {
            writer.WriteStartElement(_cell, [Reference(row, column), Style(style)]);
            writer.WriteStartElement(_value);
            writer.WriteString(number);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void WriteFormulaCell(int row, int column, string formula, string cached, uint style)
        {
            writer.WriteStartElement(_cell, [Reference(row, column), Style(style)]);
            writer.WriteStartElement(_formula);
            writer.WriteString(formula);
            writer.WriteEndElement();
            writer.WriteStartElement(_value);
            writer.WriteString(cached);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
