using System.Globalization;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>A1-style references: column 1 is "A", 27 is "AA"; rows and columns count from 1.</summary>
public static class XlsxCellReference
{
    public static string ColumnName(int column)
    {
        if (column is < 1 or > XlsxLimits.MaxColumns)
            throw new ArgumentOutOfRangeException(nameof(column), column, "Excel columns are numbered 1 to 16384.");
        Span<char> buffer = stackalloc char[3];
        var i = buffer.Length;
        while (column > 0)
        {
            column--;
            buffer[--i] = (char)('A' + column % 26);
            column /= 26;
        }
        return new string(buffer[i..]);
    }

    public static string Of(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Column number of "B" or "B7"; 0 when there are no letters.</summary>
    public static int ColumnNumber(ReadOnlySpan<char> reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
                break;
            column = column * 26 + (upper - 'A' + 1);
        }
        return column;
    }

    /// <summary>Row number of "B7"; 0 when there are no digits.</summary>
    public static int RowNumber(ReadOnlySpan<char> reference)
    {
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
            i++;
        return int.TryParse(reference[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}

/// <summary>A rectangular range such as a merged cell "A1:F1".</summary>
public readonly record struct XlsxRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public string Reference =>
        XlsxCellReference.Of(FirstRow, FirstColumn) + ":" + XlsxCellReference.Of(LastRow, LastColumn);

    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    public static XlsxRange Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var colon = reference.IndexOf(':');
        var first = colon < 0 ? reference.AsSpan() : reference.AsSpan(0, colon);
        var last = colon < 0 ? reference.AsSpan() : reference.AsSpan(colon + 1);
        var range = new XlsxRange(
            XlsxCellReference.RowNumber(first), XlsxCellReference.ColumnNumber(first),
            XlsxCellReference.RowNumber(last), XlsxCellReference.ColumnNumber(last));
        if (range.FirstRow == 0 || range.FirstColumn == 0 || range.LastRow < range.FirstRow || range.LastColumn < range.FirstColumn)
            throw new FormatException($"'{reference}' is not a cell range.");
        return range;
    }

    public override string ToString() => Reference;
}
