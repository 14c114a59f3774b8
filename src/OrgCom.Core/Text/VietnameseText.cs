using System.Globalization;
using System.Text;

namespace OrgCom.Core.Text;

public static class VietnameseText
{
    private static readonly TextInfo VietnameseTextInfo = CultureInfo.GetCultureInfo("vi-VN").TextInfo;

    public static string Normalize(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        return CollapseWhitespace(s.Normalize(NormalizationForm.FormC));
    }

    // Must stay equal to PostgreSQL lower(unaccent(x)) for Vietnamese letters: the folded column is computed here
    // at write time and searched with the database's unaccent on the query side.
    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        // NFD of the raw input equals NFD of its NFC form, so one decomposition is enough.
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            // Đ, đ and the look-alike Ð, ð have no decomposition, so NFD leaves them whole.
            sb.Append(c switch
            {
                'Đ' or 'đ' or 'Ð' or 'ð' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    public static string TitleCase(string? s)
    {
        var normalized = Normalize(s);
        var sb = new StringBuilder(normalized.Length);
        var atSyllableStart = true;
        foreach (var c in normalized)
        {
            if (c == ' ')
            {
                sb.Append(c);
                atSyllableStart = true;
            }
            else if (atSyllableStart && char.IsLetter(c))
            {
                sb.Append(VietnameseTextInfo.ToUpper(c));
                atSyllableStart = false;
            }
            else
            {
                sb.Append(VietnameseTextInfo.ToLower(c));
            }
        }

        return sb.ToString();
    }

    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
