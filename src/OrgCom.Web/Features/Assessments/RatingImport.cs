using System.Globalization;
using OrgCom.Core.Assessments;
using OrgCom.Core.Text;
using OrgCom.Web.Infrastructure.Export;

namespace OrgCom.Web.Features.Assessments;

/// <summary>One refused row of an imported sheet (row 0: the sheet as a whole).</summary>
public sealed record ImportError(int Row, string Identifier, string Message);

/// <summary>
/// Reads ratings from a sheet, one row per member: CCCD or party card number, level, note. Columns are found by their
/// headers ("CCCD", "Số thẻ", "Xếp loại", "Ghi chú"), or are A, B, C when the sheet has no header. Every row is checked
/// against the roster; the caller applies the ratings only when no row is refused.
/// </summary>
public static class RatingImport
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The final levels read, with their notes (blank: keep the stored note); see <see cref="OrganizationAssessment.RateAll"/>.</summary>
    public sealed record Outcome(List<(long MemberId, QualityLevel FinalLevel, string? Note)> Ratings, List<ImportError> Errors);

    public static async Task<Outcome> ReadAsync(IFormFile upload, IReadOnlyList<AssessmentQueries.RosterRow> roster,
        IReadOnlyList<MemberRating> stored, CancellationToken ct)
    {
        var ratings = new List<(long, QualityLevel, string?)>();
        var errors = new List<ImportError>();
        if (upload.Length > MaxBytes)
        {
            errors.Add(new ImportError(0, "", $"Tệp lớn quá {MaxBytes / 1024 / 1024} MB."));
            return new Outcome(ratings, errors);
        }
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (IsLegacyExcel(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) || upload.FileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new ImportError(0, "", LegacyExcel));
            return new Outcome(ratings, errors);
        }
        List<XlsxRow> rows;
        try
        {
            using var reader = XlsxReader.Open(buffer);
            rows = reader.ReadRows().ToList();
        }
        // A file that is not a zip package at all surfaces as System.IO.FileFormatException, a FormatException.
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
                                       or ArgumentException or InvalidOperationException or FormatException)
        {
            errors.Add(new ImportError(0, "", "Tệp không đọc được: cần một bảng tính Excel (.xlsx)."));
            return new Outcome(ratings, errors);
        }
        return Read(rows, roster, stored);
    }

    public const string LegacyExcel = "Tệp .xls (Excel 97-2003) không được hỗ trợ, hãy lưu lại dạng .xlsx (Excel: Tệp → Lưu thành → Sổ làm việc Excel) rồi nhập lại.";

    /// <summary>The compound-document signature of .xls (Excel 97-2003) files.</summary>
    private static bool IsLegacyExcel(ReadOnlySpan<byte> file) => file.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    public static Outcome Read(IReadOnlyList<XlsxRow> rows, IReadOnlyList<AssessmentQueries.RosterRow> roster, IReadOnlyList<MemberRating> stored)
    {
        var ratings = new List<(long, QualityLevel, string?)>();
        var excused = stored.Where(r => r.NotAssessedReason is not null).ToDictionary(r => r.MemberId, r => r.NotAssessedReason!.Value);
        var errors = new List<ImportError>();
        var (headerRow, idColumns, levelColumn, noteColumn) = Columns(rows);
        var byCitizenId = roster.Where(r => r.CitizenId is not null).ToDictionary(r => r.CitizenId!, r => r);
        var byCard = roster.Where(r => r.PartyCardNumber is not null).ToDictionary(r => r.PartyCardNumber!, r => r);
        // Card numbers vary in length (6 to 20 digits), so a number typed into Excel cannot be padded back like a
        // CCCD: it is matched on its digits without the leading zeros, when that is unambiguous.
        var byCardDigits = roster.Where(r => r.PartyCardNumber is not null).GroupBy(r => r.PartyCardNumber!.TrimStart('0'))
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var seen = new Dictionary<long, int>();
        foreach (var row in rows.Where(r => r.Number > headerRow))
        {
            var ids = idColumns.Select(c => Identifier(row[c])).Where(s => s.Length > 0).ToList();
            var levelText = row[levelColumn].ToString().Trim();
            var note = noteColumn > 0 ? row[noteColumn].ToString().Trim() : "";
            if (ids.Count == 0 && levelText.Length == 0 && note.Length == 0)
                continue;
            if (ids.Count == 0)
            {
                errors.Add(new ImportError(row.Number, "", $"Dòng {row.Number}: thiếu số CCCD hoặc số thẻ đảng viên."));
                continue;
            }
            var member = ids.Select(id => byCitizenId.GetValueOrDefault(id) ?? byCitizenId.GetValueOrDefault(id.PadLeft(12, '0'))
                                          ?? byCard.GetValueOrDefault(id) ?? byCardDigits.GetValueOrDefault(id.TrimStart('0')))
                .FirstOrDefault(m => m is not null);
            var shown = string.Join(" / ", ids);
            if (member is null)
            {
                errors.Add(new ImportError(row.Number, shown,
                    $"Dòng {row.Number}: không có đảng viên mang CCCD hoặc số thẻ {shown} trong danh sách đánh giá của tổ chức."));
                continue;
            }
            if (seen.TryGetValue(member.MemberId, out var first))
            {
                errors.Add(new ImportError(row.Number, shown,
                    $"Dòng {row.Number}: đảng viên {member.FullName} ({shown}) đã có ở dòng {first}; mỗi đảng viên chỉ một dòng."));
                continue;
            }
            seen[member.MemberId] = row.Number;
            var level = QualityLevels.Parse(levelText);
            if (level is null)
            {
                errors.Add(new ImportError(row.Number, shown, levelText.Length == 0
                    ? $"Dòng {row.Number}: đảng viên {member.FullName} chưa có mức xếp loại."
                    : $"Dòng {row.Number}: mức xếp loại \"{levelText}\" không hợp lệ; ghi một trong: {string.Join("; ", QualityLevels.All.Select(l => l.DisplayName()))} (hoặc số 1 đến 4)."));
                continue;
            }
            if (note.Length > MemberRating.MaxNoteLength)
            {
                errors.Add(new ImportError(row.Number, shown, $"Dòng {row.Number}: ghi chú dài tối đa {MemberRating.MaxNoteLength} ký tự (đã nhập {note.Length})."));
                continue;
            }
            if (excused.TryGetValue(member.MemberId, out var reason))
            {
                errors.Add(new ImportError(row.Number, shown,
                    $"Dòng {row.Number}: đảng viên {member.FullName} đang được ghi lý do không đánh giá ({reason.DisplayName()}); xóa lý do đó trên bảng nhập trước khi nhập mức xếp loại."));
                continue;
            }
            ratings.Add((member.MemberId, level.Value, note.Length == 0 ? null : note));
        }
        if (ratings.Count == 0 && errors.Count == 0)
            errors.Add(new ImportError(0, "", "Tệp không có dòng nào có số CCCD hoặc số thẻ đảng viên và mức xếp loại."));
        return new Outcome(ratings, errors);
    }

    /// <summary>A number typed into Excel loses the leading zeros of a CCCD: it is read back as whole digits.</summary>
    private static string Identifier(XlsxCell cell) => cell.Kind == XlsxCellKind.Number
        ? Math.Round(cell.Number!.Value).ToString("0", CultureInfo.InvariantCulture)
        : new string(cell.ToString().Where(char.IsAsciiDigit).ToArray());

    private static (int HeaderRow, int[] IdColumns, int LevelColumn, int NoteColumn) Columns(IReadOnlyList<XlsxRow> rows)
    {
        foreach (var row in rows.Take(15))
        {
            var ids = new List<int>();
            int level = 0, note = 0;
            foreach (var cell in row.Cells.Where(c => c.Kind == XlsxCellKind.Text))
            {
                var h = VietnameseText.Fold(cell.Text);
                if (h.Contains("cccd") || h.Contains("can cuoc") || h.Contains("so the"))
                    ids.Add(cell.Column);
                else if (h.Contains("xep loai") || h.Contains("muc"))
                    level = level == 0 ? cell.Column : level;
                else if (h.Contains("ghi chu"))
                    note = cell.Column;
            }
            if (ids.Count > 0 && level > 0)
                return (row.Number, ids.ToArray(), level, note);
        }
        return (0, [1], 2, 3);
    }

    public static XlsxReport<AssessmentQueries.RosterRow> Template(string organizationName, string roundTitle) => new(
    [
        XlsxColumn<AssessmentQueries.RosterRow>.RowNumber(),
        XlsxColumn<AssessmentQueries.RosterRow>.Text("Họ và tên", r => r.FullName, width: 28),
        XlsxColumn<AssessmentQueries.RosterRow>.Text("CCCD", r => r.CitizenId, width: 15),
        XlsxColumn<AssessmentQueries.RosterRow>.Text("Số thẻ đảng viên", r => r.PartyCardNumber, width: 16),
        XlsxColumn<AssessmentQueries.RosterRow>.Text("Xếp loại", _ => null, width: 30),
        XlsxColumn<AssessmentQueries.RosterRow>.Text("Ghi chú", _ => null, width: 36),
    ])
    {
        SheetName = "Xếp loại",
        TitleLines = [roundTitle.ToUpperInvariant(), organizationName, "Cột Xếp loại: Hoàn thành xuất sắc nhiệm vụ / Hoàn thành tốt nhiệm vụ / Hoàn thành nhiệm vụ / Không hoàn thành nhiệm vụ (hoặc 1 đến 4)"],
        AutoFilter = false,
    };

    public static XlsxReport<ImportError> ErrorReport(string organizationName) => new(
    [
        XlsxColumn<ImportError>.Integer("Dòng trong tệp", e => e.Row == 0 ? null : e.Row, width: 10),
        XlsxColumn<ImportError>.Text("CCCD / Số thẻ", e => e.Identifier, width: 20),
        XlsxColumn<ImportError>.Text("Lỗi", e => e.Message, width: 90),
    ])
    {
        SheetName = "Lỗi",
        TitleLines = ["CÁC DÒNG KHÔNG NHẬP ĐƯỢC", organizationName, "Không dòng nào của tệp được nhập; sửa các dòng dưới đây rồi nhập lại cả tệp."],
    };
}
