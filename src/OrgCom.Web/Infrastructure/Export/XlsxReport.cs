using System.Globalization;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>
/// One exported sheet: title lines above the table (each merged across all columns), a one- or two-level header,
/// typed data columns and an optional totals row. The layout, top to bottom: title lines, one blank row (only when
/// there are titles), the header (two rows when any column has a <see cref="XlsxColumn{T}.Group"/>), the data rows,
/// the totals row.
/// </summary>
public sealed class XlsxReport<T>
{
    public XlsxReport(IReadOnlyList<XlsxColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new ArgumentException("A report needs at least one column.", nameof(columns));
        if (columns.Count > XlsxLimits.MaxColumns)
            throw new ArgumentException($"Excel allows at most {XlsxLimits.MaxColumns} columns.", nameof(columns));
        if (columns.Any(c => c is null))
            throw new ArgumentException("A column is null.", nameof(columns));
        Columns = columns;
    }

    public IReadOnlyList<XlsxColumn<T>> Columns { get; }

    /// <summary>Shown on the sheet tab. Characters Excel forbids become '-', and it is cut to 31 characters.</summary>
    public string SheetName { get; init; } = "Danh sách";

    /// <summary>Lines above the table; the first uses the title style, the others the subtitle style.</summary>
    public IReadOnlyList<string> TitleLines { get; init; } = [];

    /// <summary>Keeps the header (and everything above it) visible while scrolling, and repeats it on printed pages.</summary>
    public bool FreezeHeader { get; init; } = true;

    public bool AutoFilter { get; init; } = true;

    /// <summary>
    /// Adds the totals row. Its label is written in the columns before the first column with a total (merged);
    /// columns without a <see cref="XlsxColumn{T}.Total"/> stay blank.
    /// </summary>
    public bool TotalsRow { get; init; }

    public string TotalsLabel { get; init; } = "Tổng cộng";

    /// <summary>Landscape A4 fitted to the page width when printed.</summary>
    public bool Landscape { get; init; } = true;

    public static string ExportedOnLine(DateOnly date) =>
        "Ngày xuất: " + date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

public enum XlsxColumnKind
{
    Text,
    /// <summary>A whole number shown with a thousands separator.</summary>
    Integer,
    /// <summary>A number shown with a thousands separator and two decimals.</summary>
    Decimal,
    /// <summary>A real Excel date (a serial number) shown as dd/mm/yyyy, so it sorts and filters as a date.</summary>
    Date,
    /// <summary>Written as the text "Có" or "Không".</summary>
    Boolean,
}

/// <summary>
/// A typed column. Build it with the factories, e.g. <c>XlsxColumn&lt;MemberRow&gt;.Date("Ngày sinh", r =&gt; r.BirthDate)</c>
/// (a <c>using Col = XlsxColumn&lt;MemberRow&gt;;</c> alias keeps a column list short). Adjacent columns with the same
/// <see cref="Group"/> share one merged group header above their own headers.
/// </summary>
public sealed class XlsxColumn<T>
{
    private XlsxColumn(string header, XlsxColumnKind kind, double? width, string? group, XlsxTotal? total)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        Kind = kind;
        Width = width ?? kind switch
        {
            XlsxColumnKind.Text => 24,
            XlsxColumnKind.Integer => 12,
            XlsxColumnKind.Decimal => 15,
            XlsxColumnKind.Date => 12,
            _ => 10,
        };
        if (Width is <= 0 or > 255)
            throw new ArgumentOutOfRangeException(nameof(width), Width, "Excel column widths are between 0 and 255 characters.");
        Group = string.IsNullOrWhiteSpace(group) ? null : group;
        Total = total;
    }

    public string Header { get; }
    public XlsxColumnKind Kind { get; }

    /// <summary>In characters of the default font, as Excel measures column widths.</summary>
    public double Width { get; }

    public string? Group { get; }
    public XlsxTotal? Total { get; }

    /// <summary>Numbers the data rows 1, 2, 3… (the "STT" column of Vietnamese lists).</summary>
    internal bool IsRowNumber { get; private init; }
    internal Func<T, string?>? TextOf { get; private init; }
    internal Func<T, long?>? IntegerOf { get; private init; }
    internal Func<T, decimal?>? DecimalOf { get; private init; }
    internal Func<T, DateOnly?>? DateOf { get; private init; }
    internal Func<T, bool?>? BooleanOf { get; private init; }

    /// <summary>The data row's position, 1 for the first: "STT".</summary>
    public static XlsxColumn<T> RowNumber(string header = "STT", double? width = 6) =>
        new(header, XlsxColumnKind.Integer, width, null, null) { IsRowNumber = true };

    public static XlsxColumn<T> Text(string header, Func<T, string?> value, double? width = null, string? group = null) =>
        new(header, XlsxColumnKind.Text, width, group, null) { TextOf = value ?? throw new ArgumentNullException(nameof(value)) };

    public static XlsxColumn<T> Integer(string header, Func<T, long?> value, double? width = null, string? group = null, XlsxTotal? total = null) =>
        new(header, XlsxColumnKind.Integer, width, group, total) { IntegerOf = value ?? throw new ArgumentNullException(nameof(value)) };

    public static XlsxColumn<T> Decimal(string header, Func<T, decimal?> value, double? width = null, string? group = null, XlsxTotal? total = null) =>
        new(header, XlsxColumnKind.Decimal, width, group, total) { DecimalOf = value ?? throw new ArgumentNullException(nameof(value)) };

    public static XlsxColumn<T> Date(string header, Func<T, DateOnly?> value, double? width = null, string? group = null) =>
        new(header, XlsxColumnKind.Date, width, group, null) { DateOf = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>The time of day is dropped: convert instants to Việt Nam time first (<see cref="VietnamTime"/>).</summary>
    public static XlsxColumn<T> Date(string header, Func<T, DateTime?> value, double? width = null, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, XlsxColumnKind.Date, width, group, null)
        {
            DateOf = row => value(row) is { } d ? DateOnly.FromDateTime(d) : null,
        };
    }

    public static XlsxColumn<T> Boolean(string header, Func<T, bool?> value, double? width = null, string? group = null) =>
        new(header, XlsxColumnKind.Boolean, width, group, null) { BooleanOf = value ?? throw new ArgumentNullException(nameof(value)) };
}

/// <summary>What the totals row shows under a numeric column (only Integer and Decimal columns take one).</summary>
public sealed class XlsxTotal
{
    private XlsxTotal(Func<decimal>? given) => Given = given;

    /// <summary>A SUM formula over the data rows (its value is also stored, for readers that do not calculate).</summary>
    public static XlsxTotal Sum { get; } = new(null);

    public static XlsxTotal Value(decimal value) => new(() => value);

    /// <summary>Asked for after the last row was written, so it may read a total the caller accumulated while streaming.</summary>
    public static XlsxTotal Value(Func<decimal> value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    internal Func<decimal>? Given { get; }
    internal bool IsSum => Given is null;
}

internal static class XlsxLimits
{
    public const int MaxColumns = 16_384;
    public const int MaxRows = 1_048_576;
    public const int MaxCellText = 32_767;
}
