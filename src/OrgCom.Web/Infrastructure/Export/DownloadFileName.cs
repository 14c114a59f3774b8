using System.Text;
using OrgCom.Core.Text;

namespace OrgCom.Web.Infrastructure.Export;

/// <summary>
/// The Content-Disposition of a download with a Vietnamese file name: RFC 6266 <c>filename*=UTF-8''…</c> (RFC 5987)
/// for browsers, after an ASCII <c>filename="…"</c> with the accents folded away for clients that only read that.
/// </summary>
public static class DownloadFileName
{
    /// <summary><c>attachment; filename="Danh sach dang vien.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch…</c></summary>
    public static string ContentDisposition(string fileName)
    {
        var name = Clean(fileName);
        return $"attachment; filename=\"{AsciiFallback(name)}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    /// <summary>"Danh sách Đảng viên.xlsx" becomes "Danh sach Dang vien.xlsx": letters keep their case, Đ becomes D,
    /// and what is left outside printable ASCII (or would break the quoted header value) becomes '_'.</summary>
    public static string AsciiFallback(string fileName)
    {
        var name = Clean(fileName);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is >= ' ' and <= '~')
            {
                sb.Append(c is '"' or '\\' ? '_' : c);
                continue;
            }
            var folded = VietnameseText.Fold(c.ToString());
            if (folded.Length == 1 && folded[0] is >= ' ' and <= '~')
                sb.Append(char.IsUpper(c) ? char.ToUpperInvariant(folded[0]) : folded[0]);
            else
                sb.Append('_');
        }
        return sb.ToString();
    }

    /// <summary>NFC, no path, no control characters; "tai-xuong" when nothing is left.</summary>
    private static string Clean(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (!char.IsControl(c))
                sb.Append(c);
        var cleaned = sb.ToString().Trim();
        return cleaned.Length == 0 ? "tai-xuong" : cleaned;
    }
}
