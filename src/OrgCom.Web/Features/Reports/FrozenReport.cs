namespace OrgCom.Web.Features.Reports;

/// <summary>
/// A report frozen at its reporting date ("chốt số liệu"): the computed table as it was when frozen, kept unchanged
/// whatever the data does afterwards, with who froze it and when. Frozen reports are never changed or deleted.
/// </summary>
public sealed class FrozenReport
{
    private FrozenReport()
    {
        Form = Parameters = ResultJson = FrozenBy = "";
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public ReportForm FormKind { get; private set; }

    /// <summary>The form's title as shown when frozen.</summary>
    public string Form { get; private set; }

    /// <summary>First day of the period (a report of a period), or null (a report at a date).</summary>
    public DateOnly? PeriodFrom { get; private set; }

    /// <summary>The reporting date: the end of the period or the date of a report at a date.</summary>
    public DateOnly ReportDate { get; private set; }

    /// <summary>Further choices of the form (e.g. the breakdown), as in the report's address.</summary>
    public string Parameters { get; private set; }

    /// <summary>The computed <see cref="ReportTable"/> as JSON.</summary>
    public string ResultJson { get; private set; }

    public DateTimeOffset FrozenAt { get; private set; }
    public string FrozenBy { get; private set; }
    public string? Note { get; private set; }

    public static FrozenReport Freeze(ReportTable table, string parameters, DateTimeOffset at, string by, string? note) => new()
    {
        OrganizationId = table.OrganizationId,
        FormKind = table.Form,
        Form = table.Title,
        PeriodFrom = table.From,
        ReportDate = table.To,
        Parameters = parameters,
        ResultJson = ReportTable.ToJson(table),
        FrozenAt = at,
        FrozenBy = by,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };

    public ReportTable Table => ReportTable.FromJson(ResultJson);
}

/// <summary>A frozen report as the lists show it: without its stored numbers (<see cref="FrozenReport.ResultJson"/>).</summary>
public sealed record FrozenReportListItem(long Id, long OrganizationId, string Form, DateOnly? PeriodFrom, DateOnly ReportDate,
    DateTimeOffset FrozenAt, string FrozenBy);
