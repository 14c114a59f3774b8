using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>Text as a spreadsheet cell stores it, and back.</summary>
internal static partial class XlsxText
{
    /// <summary>
    /// NFC (so "Đảng" typed with combining marks matches "Đảng" when searched in Excel), without characters XML cannot
    /// carry, cut to Excel's 32,767 characters, and with a literal "_x0041_" protected: Excel reads _xHHHH_ as an
    /// escaped character.
    /// </summary>
    public static string ForCell(string text)
    {
        if (!IsXmlClean(text))
            text = RemoveInvalidXmlChars(text);
        if (!text.IsNormalized(NormalizationForm.FormC))
            text = text.Normalize(NormalizationForm.FormC);
        if (text.Length > XlsxLimits.MaxCellText)
        {
            var cut = XlsxLimits.MaxCellText;
            if (char.IsHighSurrogate(text[cut - 1]))
                cut--;
            text = text[..cut];
        }
        if (text.Contains("_x", StringComparison.OrdinalIgnoreCase))
            text = EscapePattern().Replace(text, "_x005F$0");
        return text;
    }

    /// <summary>Undoes Excel's _xHHHH_ escapes (control characters, and "_x005F_" before a literal escape).</summary>
    public static string FromCell(string text)
    {
        if (!text.Contains("_x", StringComparison.OrdinalIgnoreCase))
            return text;
        return EscapePattern().Replace(text, m =>
            ((char)int.Parse(m.ValueSpan[2..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
    }

    public static bool NeedsSpacePreserved(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains("  ", StringComparison.Ordinal)
                            || text.Contains('\n') || text.Contains('\t'));

    private static bool IsXmlClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20)
            {
                if (c is not ('\t' or '\n' or '\r'))
                    return false;
            }
            else if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
            else if (c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }
        return true;
    }

    private static string RemoveInvalidXmlChars(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
                continue;
            if (c is '\uFFFE' or '\uFFFF')
                continue;
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapePattern();
}
