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

    public bool IsPeriod => Form == ReportForm.IncreaseDecrease;

    /// <summary>Parses the dates (defaults: this year up to today, or today); errors go to the model state in
    /// Vietnamese and the result is null.</summary>
    public (DateOnly? From, DateOnly To)? Dates(DateOnly today, ModelStateDictionary modelState)
    {
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
    public string QueryFor(long organizationId, DateOnly? from, DateOnly to) =>
        $"Form={Form}&OrganizationId={organizationId}" + (from is { } f ? $"&From={DateText.Format(f)}" : "")
        + $"&To={DateText.Format(to)}" + (Form == ReportForm.MembersAtDate ? $"&Dimension={Dimension}" : "");

    public string Parameters => Form == ReportForm.MembersAtDate ? $"Dimension={Dimension}" : "";

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
