using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OrgCom.Core.Common;

namespace OrgCom.Web.Features.Reports;

/// <summary>What a report is asked for, as in its address: form, organization, period or date, breakdown. Shared by
/// the report page, its drill-down and the freezing.</summary>
public sealed class ReportRequest
{
    [FromQuery] public ReportForm Form { get; set; } = ReportForm.IncreaseDecrease;
    [FromQuery] public long? OrganizationId { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    [FromQuery] public MemberDimension Dimension { get; set; } = MemberDimension.Gender;

    /// <summary>The year of a report by year (assessment results).</summary>
    [FromQuery] public int? Year { get; set; }
    /// <summary>Increase/decrease: count the opening and closing member by member at the two dates (a real check of the
    /// registry against its events, slower for a large subtree) instead of from the pre-aggregated counts.</summary>
    [FromQuery] public bool Reconcile { get; set; }

    public bool IsPeriod => Form == ReportForm.IncreaseDecrease;

    public bool IsYear => Form == ReportForm.AssessmentResults;

    /// <summary>The first year a report by year may be asked for.</summary>
    public const int FirstYear = 2000;

    /// <summary>The default year of a report by year: the current one from December (when the year's assessment is
    /// done), otherwise the previous one — as the Assessments report page.</summary>
    public static int DefaultYear(DateOnly today) => today.Month >= 12 ? today.Year : today.Year - 1;

    /// <summary>Parses the dates (defaults: this year up to today, or today); errors go to the model state in
    /// Vietnamese and the result is null.</summary>
    public (DateOnly? From, DateOnly To)? Dates(DateOnly today, ModelStateDictionary modelState)
    {
        if (IsYear)
        {
            var year = Year ?? DefaultYear(today);
            if (year < FirstYear || year > today.Year)
            {
                modelState.AddModelError(nameof(Year), $"Năm {year} không hợp lệ: hãy chọn năm từ {FirstYear} đến {today.Year}.");
                return null;
            }
            Year = year;
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        DateOnly to = today, from = new(today.Year, 1, 1);
        if (!string.IsNullOrWhiteSpace(To))
        {
            var parsed = DateText.Parse(To, IsPeriod ? "ngày cuối kỳ" : "ngày báo cáo");
            if (!parsed.IsSuccess)
            {
                modelState.AddModelError(nameof(To), parsed.Error!.Message);
                return null;
            }
            to = parsed.Value;
        }
        if (!IsPeriod)
            return (null, to);
        if (!string.IsNullOrWhiteSpace(From))
        {
            var parsed = DateText.Parse(From, "ngày đầu kỳ");
            if (!parsed.IsSuccess)
            {
                modelState.AddModelError(nameof(From), parsed.Error!.Message);
                return null;
            }
            from = parsed.Value;
        }
        else if (from > to)
            from = new DateOnly(to.Year, 1, 1);
        if (from > to)
        {
            modelState.AddModelError(nameof(From), $"Ngày đầu kỳ ({DateText.Format(from)}) phải trước hoặc bằng ngày cuối kỳ ({DateText.Format(to)}).");
            return null;
        }
        return (from, to);
    }

    /// <summary>The query string of this request for another organization (going down or up a level).</summary>
    public string QueryFor(long organizationId, DateOnly? from, DateOnly to) => IsYear
        ? $"Form={Form}&OrganizationId={organizationId}&Year={to.Year}"
        : $"Form={Form}&OrganizationId={organizationId}" + (from is { } f ? $"&From={DateText.Format(f)}" : "")
          + $"&To={DateText.Format(to)}" + (Form == ReportForm.MembersAtDate ? $"&Dimension={Dimension}" : "")
          + (Form == ReportForm.IncreaseDecrease && Reconcile ? "&Reconcile=true" : "");

    public string Parameters => Form switch
    {
        ReportForm.MembersAtDate => $"Dimension={Dimension}",
        ReportForm.AssessmentResults when Year is { } year => $"Year={year}",
        _ => "",
    };

    public static string FormName(ReportForm form) => form switch
    {
        ReportForm.IncreaseDecrease => "Tăng, giảm đảng viên trong kỳ",
        ReportForm.MembersAtDate => "Số lượng, chất lượng đảng viên tại một ngày",
        ReportForm.OrganizationsByKind => "Tổ chức đảng theo loại hình",
        ReportForm.AssessmentResults => "Kết quả đánh giá, xếp loại chất lượng",
        _ => form.ToString(),
    };

    public static string Number(long n) => n.ToString("N0", Vietnamese);

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
