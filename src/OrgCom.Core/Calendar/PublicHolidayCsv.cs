using System.Globalization;
using System.Text;

namespace OrgCom.Core.Calendar;

/// <summary>
/// Reads <c>public-holidays.csv</c>: a header <c>date,name,kind,source</c>, then one row per day, the date as
/// <c>yyyy-MM-dd</c> and the kind one of <see cref="PublicHolidayKind"/>'s names. Fields holding commas are quoted
/// (<c>"…"</c>, a quote inside doubled).
/// </summary>
public static class PublicHolidayCsv
{
    private static readonly string[] Header = ["date", "name", "kind", "source"];

    /// <exception cref="FormatException">The text is not valid holiday data; the message gives the line.</exception>
    public static IReadOnlyList<PublicHoliday> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || !SplitLine(lines[0].TrimStart('\uFEFF'), 1).Select(h => h.Trim()).SequenceEqual(Header))
            throw new FormatException($"Dòng 1 của lịch nghỉ phải là tiêu đề \"{string.Join(',', Header)}\".");

        var result = new List<PublicHoliday>();
        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            if (lines[i].Trim().Length == 0)
                continue;
            var fields = SplitLine(lines[i], lineNumber);
            if (fields.Count != Header.Length)
                throw new FormatException($"Dòng {lineNumber} của lịch nghỉ có {fields.Count} cột, cần {Header.Length} ({string.Join(',', Header)}).");
            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"Dòng {lineNumber} của lịch nghỉ: ngày \"{fields[0]}\" phải viết dạng yyyy-MM-dd.");
            if (!Enum.TryParse<PublicHolidayKind>(fields[2].Trim(), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
                throw new FormatException(
                    $"Dòng {lineNumber} của lịch nghỉ: loại ngày \"{fields[2]}\" phải là một trong {string.Join(", ", Enum.GetNames<PublicHolidayKind>())}.");
            var name = fields[1].Trim();
            var source = fields[3].Trim();
            if (name.Length == 0 || source.Length == 0)
                throw new FormatException($"Dòng {lineNumber} của lịch nghỉ thiếu tên ngày nghỉ hoặc văn bản làm căn cứ.");
            result.Add(new PublicHoliday(date, name, kind, source));
        }
        return result;
    }

    private static List<string> SplitLine(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }
        if (quoted)
            throw new FormatException($"Dòng {lineNumber} của lịch nghỉ có dấu nháy kép chưa đóng.");
        fields.Add(field.ToString());
        return fields;
    }
}
