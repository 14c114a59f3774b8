using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace OrgCom.Web.Infrastructure.Forms;

/// <summary>
/// The messages ASP.NET Core writes when a form or query value cannot be bound (a letter in a number field, an empty
/// required number), in Vietnamese for every page at once. They name the field by its display name when the
/// property has one (<c>[Display(Name = "Số tháng")]</c>) and otherwise speak of "giá trị" only, never of the C# name.
/// </summary>
public static class VietnameseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ{Of(field)}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị đã nhập không hợp lệ{Of(field)}.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị đã nhập không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"Cần nhập một số{Of(field)}.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Cần nhập một số.");
        messages.SetValueMustNotBeNullAccessor(value => $"Cần nhập giá trị (đã nhập \"{value}\").");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị{Of(field)}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
    }

    /// <summary>" cho trường «Số tháng»" when the field has a Vietnamese display name; nothing for a bare C# name.</summary>
    private static string Of(string field) =>
        field.Any(c => c > '\u007f') || field.Contains(' ') ? $" cho trường «{field}»" : "";
}
