using OrgCom.Core.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgCom.Web.Features.Reports;

public enum ReportForm
{
    /// <summary>Tăng, giảm đảng viên trong kỳ.</summary>
    IncreaseDecrease,
    /// <summary>Đảng viên tại một ngày theo một tiêu chí (giới tính, độ tuổi, dân tộc, …).</summary>
    MembersAtDate,
    /// <summary>Tổ chức đảng tại một ngày theo loại hình, với số đảng viên.</summary>
    OrganizationsByKind,
    /// <summary>Kết quả đánh giá, xếp loại chất lượng theo mức (awaits the assessments).</summary>
    AssessmentResults,
}

/// <summary>One number column of a report. <see cref="Group"/> is the merged header above adjacent columns;
/// <see cref="DrillDown"/> says whether the members behind its numbers can be listed.</summary>
public sealed record ReportColumn(string Key, string Header, string? Group = null, bool DrillDown = true, string? ShareOf = null, string? ShareBase = null)
{
    /// <summary>A share in percent (<see cref="ShareOf"/> of <see cref="ShareBase"/>, both column keys), stored in
    /// hundredths of a percent; its total is the share of the totals, not a sum.</summary>
    public bool IsShare => ShareOf is not null && ShareBase is not null;
}

/// <summary>Another period's totals shown under the totals row (e.g. the year before), same columns.</summary>
public sealed record ReportComparison(string Label, long[] Totals);

/// <summary>One row: an organization (a child of the chosen one, with the totals of its whole subtree, or the chosen
/// organization itself for its own members); <see cref="HasChildren"/> lets the user go down one level.</summary>
public sealed record ReportRow(long OrganizationId, string Name, bool HasChildren, long[] Values);

/// <summary>
/// A computed report, whatever its form: rows of organizations, number columns, a totals row. The screen, the print,
/// the Excel file and a frozen copy are all made from this one value.
/// </summary>
public sealed class ReportTable
{
    public required ReportForm Form { get; init; }
    public required string Title { get; init; }
    public required long OrganizationId { get; init; }
    public required string OrganizationName { get; init; }

    /// <summary>First day of the period; null for a report at a date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the period, or the date of a report at a date (counts at the end of that day).</summary>
    public required DateOnly To { get; init; }

    /// <summary>The form's further choice in words (e.g. "Theo giới tính").</summary>
    public string? Subtitle { get; init; }

    /// <summary>A note printed under the table (e.g. where the age bands come from), kept with a frozen copy.</summary>
    public string? Footnote { get; init; }

    /// <summary>Increase/decrease: the opening and closing were counted member by member at the two dates, so the
    /// balance "đầu kỳ + tăng − giảm = cuối kỳ" is a real check; otherwise the opening is derived from the closing and
    /// the period's flows and there is nothing to check.</summary>
    public bool Reconciled { get; init; }

    /// <summary>Increase/decrease over a period in which the tree changed: counted member by member (the organization
    /// by organization count could not stand for it, or it was asked for), not kept in a frozen copy.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CountedByMembers { get; init; }

    public required IReadOnlyList<ReportColumn> Columns { get; init; }
    public required IReadOnlyList<ReportRow> Rows { get; init; }

    /// <summary>The period in words when it is not a span of dates (e.g. "Năm 2025").</summary>
    public string? PeriodCaption { get; init; }

    /// <summary>The totals of another period to compare with (the year before), or null.</summary>
    public ReportComparison? Comparison { get; init; }

    public long[] Totals => WithShares(Enumerable.Range(0, Columns.Count).Select(i => Rows.Sum(r => r.Values[i])).ToArray());

    /// <summary>The values with each share column computed from its count and base columns (hundredths of a percent).</summary>
    public long[] WithShares(long[] values)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] is { IsShare: true } c)
                values[i] = Share(values[ColumnIndex(c.ShareOf!)], values[ColumnIndex(c.ShareBase!)]);
        }
        return values;
    }

    /// <summary>A share in hundredths of a percent, rounded half away from zero (0 when the base is 0).</summary>
    public static long Share(long part, long whole) => whole == 0 ? 0 : (long)Math.Round(10_000m * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>A value as shown: "1.234", or for a share "12,50".</summary>
    public string Text(int column, long value) => Columns[column].IsShare
        ? (value / 100m).ToString("N2", ReportRequest.Vietnamese)
        : ReportRequest.Number(value);

    /// <summary>The period or date in words: "Từ ngày 01/01/2026 đến ngày 31/12/2026", "Tại ngày 31/12/2026" or the caption.</summary>
    public string PeriodText => PeriodCaption ?? (From is { } from
        ? $"Từ ngày {DateText.Format(from)} đến ngày {DateText.Format(To)}"
        : $"Tại ngày {DateText.Format(To)}");

    public int ColumnIndex(string key) => Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Key == key, (null!, -1)).i;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(ReportTable table) => JsonSerializer.Serialize(table, Json);

    public static ReportTable FromJson(string json) => JsonSerializer.Deserialize<ReportTable>(json, Json)
        ?? throw new InvalidOperationException("empty frozen report");
}
