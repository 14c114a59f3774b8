using DocumentFormat.OpenXml.Spreadsheet;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>The one stylesheet every export uses; the constants are indexes into its cell formats.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Subtitle = 2;
    public const uint Header = 3;
    public const uint Text = 4;
    public const uint Integer = 5;
    public const uint Decimal = 6;
    public const uint Date = 7;
    public const uint Boolean = 8;
    public const uint TotalLabel = 9;
    public const uint TotalInteger = 10;
    public const uint TotalDecimal = 11;
    public const uint TotalBlank = 12;

    /// <summary>Built-in formats: 3 is "#,##0", 4 is "#,##0.00" (separators follow the reader's locale).</summary>
    private const uint IntegerFormat = 3;
    private const uint DecimalFormat = 4;
    public const uint DateFormat = 164;
    public const string DateFormatCode = "dd/mm/yyyy";

    // Vietnamese administrative documents are set in Times New Roman.
    private const string FontName = "Times New Roman";

    public static uint ForData(XlsxColumnKind kind) => kind switch
    {
        XlsxColumnKind.Integer => Integer,
        XlsxColumnKind.Decimal => Decimal,
        XlsxColumnKind.Date => Date,
        XlsxColumnKind.Boolean => Boolean,
        _ => Text,
    };

    public static Stylesheet Create()
    {
        const uint regular = 0, bold = 1, title = 2, italic = 3;
        const uint noFill = 0, headerFill = 2;
        const uint noBorder = 0, thin = 1;

        var formats = new[]
        {
            Format(regular, noFill, noBorder),
            Format(title, noFill, noBorder, Centered()),
            Format(italic, noFill, noBorder, Centered()),
            Format(bold, headerFill, thin, new Alignment
            {
                Horizontal = HorizontalAlignmentValues.Center,
                Vertical = VerticalAlignmentValues.Center,
                WrapText = true,
            }),
            Format(regular, noFill, thin),
            Format(regular, noFill, thin, numberFormat: IntegerFormat),
            Format(regular, noFill, thin, numberFormat: DecimalFormat),
            Format(regular, noFill, thin, Centered(), DateFormat),
            Format(regular, noFill, thin, Centered()),
            Format(bold, noFill, thin, Centered()),
            Format(bold, noFill, thin, numberFormat: IntegerFormat),
            Format(bold, noFill, thin, numberFormat: DecimalFormat),
            Format(bold, noFill, thin),
        };

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormat, FormatCode = DateFormatCode }) { Count = 1 },
            new Fonts(
                Font(12, bold: false, italic: false),
                Font(12, bold: true, italic: false),
                Font(14, bold: true, italic: false),
                Font(12, bold: false, italic: true)) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 })
                {
                    PatternType = PatternValues.Solid,
                })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(formats) { Count = (uint)formats.Length },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, bool italic)
    {
        var font = new Font();
        if (bold)
            font.Append(new Bold());
        if (italic)
            font.Append(new Italic());
        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 1 }, new FontCharSet { Val = 163 });
        return font;
    }

    private static Alignment Centered() =>
        new() { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center };

    private static CellFormat Format(uint font, uint fill, uint border, Alignment? alignment = null, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
        };
        if (alignment is not null)
        {
            format.Append(alignment);
            format.ApplyAlignment = true;
        }
        return format;
    }
}
