using Microsoft.AspNetCore.Mvc.ModelBinding;
using OrgCom.Core.Common;

namespace OrgCom.Web.Infrastructure.Forms;

/// <summary>Dates typed in a form (dd/MM/yyyy): parsed, or the Vietnamese message put on the field.</summary>
public static class FormDates
{
    /// <summary>The date typed in <paramref name="text"/>, or null with the error added to <paramref name="field"/>
    /// (<paramref name="name"/> is the field's name in the message, e.g. "ngày quyết định").</summary>
    public static DateOnly? ReadDate(this ModelStateDictionary modelState, string? text, string field, string name)
    {
        var parsed = DateText.Parse(text, name);
        if (parsed.IsSuccess)
            return parsed.Value;
        modelState.AddModelError(field, parsed.Error!.Message);
        return null;
    }

    /// <summary>A birth date typed as dd/MM/yyyy or, when <paramref name="yearOnly"/>, a bare year (born 1 January of it,
    /// as Decree 135/2020 reads a year-only birth); null with the Vietnamese message added to <paramref name="field"/>.
    /// The one reading of a birth for the member, candidate and non-member cadre forms.</summary>
    public static DateOnly? ReadBirth(this ModelStateDictionary modelState, string? text, string field, bool yearOnly)
    {
        var typed = (text ?? "").Trim();
        if (yearOnly && int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            if (year is >= 1900 and <= 2200)
                return new DateOnly(year, 1, 1);
            modelState.AddModelError(field, $"Năm sinh {year} không hợp lệ.");
            return null;
        }
        return modelState.ReadDate(typed, field, "ngày sinh");
    }
}
