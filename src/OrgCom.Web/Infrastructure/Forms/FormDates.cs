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
}
