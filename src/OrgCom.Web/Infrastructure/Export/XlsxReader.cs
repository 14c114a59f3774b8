using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>
/// Reads worksheets row by row with the SAX <see cref="OpenXmlReader"/> (one row in memory at a time, whatever the
/// sheet's size), for imports and tests. Shared and inline strings are resolved; numbers formatted as dates come back
/// as dates. Only the shared string table is held in memory.
/// </summary>
public sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly List<(string Name, string RelationshipId)> _sheets;
    private List<string>? _sharedStrings;
    private bool[]? _dateStyles;

    private XlsxReader(SpreadsheetDocument document)
    {
        _document = document;
        _workbook = document.WorkbookPart ?? throw new InvalidDataException("Tệp không phải là bảng tính Excel (.xlsx): thiếu phần workbook.");
        _sheets = _workbook.Workbook.Sheets?.Elements<Sheet>()
            .Where(s => s.Id?.Value is not null)
            .Select(s => (s.Name?.Value ?? "", s.Id!.Value!))
            .ToList() ?? [];
    }

    public static XlsxReader Open(string path) => new(SpreadsheetDocument.Open(path, false));

    /// <summary>The stream must be seekable (copy an upload to a temporary file first); it is not closed.</summary>
    public static XlsxReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
            throw new ArgumentException("Reading an .xlsx needs a seekable stream.", nameof(stream));
        return new(SpreadsheetDocument.Open(stream, false));
    }

    public IReadOnlyList<string> SheetNames => _sheets.Select(s => s.Name).ToList();

    /// <summary>The rows that have cells, in order; <paramref name="sheetName"/> null means the first sheet.</summary>
    public IEnumerable<XlsxRow> ReadRows(string? sheetName = null)
    {
        var part = Sheet(sheetName);
        return ReadRowsCore(part);
    }

    private IEnumerable<XlsxRow> ReadRowsCore(WorksheetPart part)
    {
        var sharedStrings = SharedStrings();
        var dateStyles = DateStyles();
        using var reader = OpenXmlReader.Create(part);
        var lastRow = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }
            // Loading moves the reader past the row, so the loop must not Read() again.
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
            lastRow = number;
            var cells = new List<XlsxCell>();
            var lastColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? XlsxCellReference.ColumnNumber(reference) : 0;
                if (column == 0)
                    column = lastColumn + 1;
                lastColumn = column;
                cells.Add(Decode(cell, number, column, sharedStrings, dateStyles));
            }
            yield return new XlsxRow(number, cells);
        }
    }

    public IReadOnlyList<XlsxRange> ReadMergedRanges(string? sheetName = null)
    {
        var ranges = new List<XlsxRange>();
        using var reader = OpenXmlReader.Create(Sheet(sheetName));
        while (reader.Read())
        {
            if (reader.ElementType != typeof(MergeCell) || !reader.IsStartElement)
                continue;
            foreach (var attribute in reader.Attributes)
                if (attribute.LocalName == "ref" && !string.IsNullOrEmpty(attribute.Value))
                    ranges.Add(XlsxRange.Parse(attribute.Value));
        }
        return ranges;
    }

    public void Dispose() => _document.Dispose();

    private WorksheetPart Sheet(string? name)
    {
        if (_sheets.Count == 0)
            throw new InvalidDataException("Bảng tính không có trang tính nào.");
        var sheet = name is null ? _sheets[0] : _sheets.FirstOrDefault(s => s.Name == name);
        if (sheet.RelationshipId is null)
            throw new ArgumentException($"Không có trang tính '{name}'.", nameof(name));
        return _workbook.GetPartById(sheet.RelationshipId) as WorksheetPart
            ?? throw new InvalidDataException($"Trang '{sheet.Name}' không phải là trang tính dữ liệu.");
    }

    private static XlsxCell Decode(Cell cell, int row, int column, List<string> sharedStrings, bool[] dateStyles)
    {
        var formula = cell.CellFormula?.Text is { Length: > 0 } f ? f : null;
        var raw = cell.CellValue?.Text;
        var empty = new XlsxCell(row, column, XlsxCellKind.Empty, null, null, null, null, formula);
        switch (cell.DataType?.Value)
        {
            case CellValues.SharedString:
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? empty with { Kind = XlsxCellKind.Text, Text = sharedStrings[index] }
                    : empty;
            case CellValues.InlineString:
                return cell.InlineString is { } inline ? empty with { Kind = XlsxCellKind.Text, Text = TextOf(inline) } : empty;
            case CellValues.String:
                return raw is null ? empty : empty with { Kind = XlsxCellKind.Text, Text = XlsxText.FromCell(raw) };
            case CellValues.Boolean:
                return raw is null ? empty : empty with { Kind = XlsxCellKind.Boolean, Boolean = raw is "1" or "true" };
            case CellValues.Error:
                return empty with { Kind = XlsxCellKind.Error, Text = raw };
            case CellValues.Date:
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? empty with { Kind = XlsxCellKind.Date, Date = iso }
                    : empty;
        }
        if (string.IsNullOrEmpty(raw) || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return empty;
        var style = cell.StyleIndex?.Value ?? 0;
        if (style < dateStyles.Length && dateStyles[style] && number is > -657435 and < 2958466)
        {
            // Excel counts a 29 February 1900 that never was: serials before it are one day ahead of OLE dates.
            return empty with { Kind = XlsxCellKind.Date, Date = DateTime.FromOADate(number < 60 ? number + 1 : number) };
        }
        return empty with { Kind = XlsxCellKind.Number, Number = number };
    }

    private static string TextOf(OpenXmlCompositeElement item)
    {
        // Plain text is one <t>; rich text is runs of <r><t>; phonetic hints (<rPh>) are not part of the value.
        if (item.GetFirstChild<Text>() is { } plain)
            return XlsxText.FromCell(plain.Text);
        var sb = new StringBuilder();
        foreach (var run in item.Elements<Run>())
            sb.Append(run.Text?.Text);
        return XlsxText.FromCell(sb.ToString());
    }

    private List<string> SharedStrings()
    {
        if (_sharedStrings is not null)
            return _sharedStrings;
        var strings = new List<string>();
        if (_workbook.SharedStringTablePart is { } part)
        {
            using var reader = OpenXmlReader.Create(part);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                    strings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
                else
                    reader.Read();
            }
        }
        return _sharedStrings = strings;
    }

    private bool[] DateStyles()
    {
        if (_dateStyles is not null)
            return _dateStyles;
        var stylesheet = _workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        return _dateStyles = formats
            .Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, custom.GetValueOrDefault(id)))
            .ToArray();
    }

    /// <summary>Built-in date formats, or a format code with day, month, year or time tokens outside quotes.</summary>
    internal static bool IsDateFormat(uint id, string? code)
    {
        if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
            return true;
        if (string.IsNullOrEmpty(code))
            return false;
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
                continue;
            }
            if (inBrackets)
            {
                // [h], [mm], [ss] are elapsed time; [Red], [$-42A] are not.
                if (c == ']')
                    inBrackets = false;
                else if (char.ToLowerInvariant(c) is 'h' or 's' && i > 0 && code[i - 1] == '[')
                    return true;
                continue;
            }
            switch (char.ToLowerInvariant(c))
            {
                case '"':
                    inQuotes = true;
                    break;
                case '[':
                    inBrackets = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'd' or 'm' or 'y' or 'h' or 's':
                    return true;
                case 'g' when code.AsSpan(i).StartsWith("General", StringComparison.OrdinalIgnoreCase):
                    i += "General".Length - 1;
                    break;
                case ';':
                    return false;
            }
        }
        return false;
    }
}

public enum XlsxCellKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
    Error,
}

/// <summary>One cell's value: <see cref="Text"/> for Text and Error, <see cref="Number"/>, <see cref="Date"/> or
/// <see cref="Boolean"/>; a formula cell carries its stored result and the <see cref="Formula"/>.</summary>
public readonly record struct XlsxCell(
    int Row, int Column, XlsxCellKind Kind, string? Text, double? Number, DateTime? Date, bool? Boolean, string? Formula)
{
    public string Reference => XlsxCellReference.Of(Row, Column);

    public bool IsEmpty => Kind == XlsxCellKind.Empty;

    /// <summary>string, double, DateTime, bool, or null when empty.</summary>
    public object? Value => Kind switch
    {
        XlsxCellKind.Text or XlsxCellKind.Error => Text,
        XlsxCellKind.Number => Number,
        XlsxCellKind.Date => Date,
        XlsxCellKind.Boolean => Boolean,
        _ => null,
    };

    public DateOnly? AsDateOnly() => Date is { } date ? DateOnly.FromDateTime(date) : null;

    public override string ToString() => Kind switch
    {
        XlsxCellKind.Empty => "",
        XlsxCellKind.Number => Number!.Value.ToString(CultureInfo.InvariantCulture),
        XlsxCellKind.Date => Date!.Value.TimeOfDay == TimeSpan.Zero
            ? Date.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : Date.Value.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        XlsxCellKind.Boolean => Boolean!.Value ? "TRUE" : "FALSE",
        _ => Text ?? "",
    };
}

public sealed class XlsxRow(int number, IReadOnlyList<XlsxCell> cells)
{
    /// <summary>1-based, as Excel shows it.</summary>
    public int Number { get; } = number;

    /// <summary>The cells the file stores, in column order (including styled cells without a value).</summary>
    public IReadOnlyList<XlsxCell> Cells { get; } = cells;

    public int LastColumn => Cells.Count == 0 ? 0 : Cells[^1].Column;

    /// <summary>The cell in a 1-based column; an empty cell when the file has none there.</summary>
    public XlsxCell this[int column]
    {
        get
        {
            foreach (var cell in Cells)
                if (cell.Column == column)
                    return cell;
            return new XlsxCell(Number, column, XlsxCellKind.Empty, null, null, null, null, null);
        }
    }

    public XlsxCell this[string column] => this[XlsxCellReference.ColumnNumber(column)];

    /// <summary>The values of columns 1 to <paramref name="columnCount"/> (see <see cref="XlsxCell.Value"/>).</summary>
    public object?[] Values(int columnCount)
    {
        var values = new object?[columnCount];
        foreach (var cell in Cells)
            if (cell.Column >= 1 && cell.Column <= columnCount)
                values[cell.Column - 1] = cell.Value;
        return values;
    }
}
