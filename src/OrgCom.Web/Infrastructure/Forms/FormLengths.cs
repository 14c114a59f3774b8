using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore.Metadata;
using OrgCom.Web.Data;

namespace OrgCom.Web.Infrastructure.Forms;

/// <summary>
/// Refuses form text longer than where it is stored, with a message naming the field and its limit, before anything
/// changes: "Họ và tên khai sinh dài tối đa 150 ký tự (đã nhập 163)." The page's bound properties are walked — nested
/// inputs (<c>Input.Reason</c>) and the rows of a table (<c>Rows[1].Position</c>, named "dòng 2") included — and each
/// field marked <see cref="StoredInAttribute"/> is measured against the limit the EF model declares
/// (<see cref="TextLengths"/>), so the numbers live only in the entity configurations.
/// </summary>
public static class FormLengths
{
    /// <summary>Adds a message to the page's model state for each field too long; true when every field fits.</summary>
    public static bool Check(object page, ModelStateDictionary modelState, IModel model)
    {
        ArgumentNullException.ThrowIfNull(page);
        var fits = true;
        foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.IsDefined(typeof(BindPropertyAttribute), inherit: true)))
            fits &= Visit(property, property.GetValue(page), property.Name, row: null, modelState, model);
        return fits;
    }

    /// <summary>The length as it will be stored: outer spaces dropped, letters and their marks composed (NFC), so text
    /// typed with decomposed Vietnamese marks is not counted longer than it is.</summary>
    public static int LengthOf(string text) => text.Trim().Normalize(NormalizationForm.FormC).Length;

    public static string Message(string label, int? row, int maxLength, int entered) =>
        $"{label}{(row is { } n ? $" (dòng {n})" : "")} dài tối đa {maxLength.ToString("N0", AppHost.Culture)} ký tự "
        + $"(đã nhập {entered.ToString("N0", AppHost.Culture)}).";

    private static bool Visit(PropertyInfo property, object? value, string key, int? row, ModelStateDictionary modelState, IModel model)
    {
        if (value is string text)
        {
            if (property.GetCustomAttribute<StoredInAttribute>() is not { } stored)
                return true;
            var max = TextLengths.MaxLength(model, stored.Entity, stored.Property, stored.JsonField);
            var length = LengthOf(text);
            if (length <= max)
                return true;
            modelState.AddModelError(key, Message(stored.Label, row, max, length));
            return false;
        }
        if (value is IEnumerable rows && DeclaresStoredFields(ElementType(property.PropertyType)))
        {
            var fits = true;
            var index = 0;
            foreach (var item in rows)
            {
                fits &= VisitFields(item, $"{key}[{index}]", index + 1, modelState, model);
                index++;
            }
            return fits;
        }
        if (value is not null && DeclaresStoredFields(property.PropertyType))
            return VisitFields(value, key, row, modelState, model);
        return true;
    }

    private static bool VisitFields(object? value, string prefix, int? row, ModelStateDictionary modelState, IModel model)
    {
        if (value is null)
            return true;
        var fits = true;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            fits &= Visit(property, property.GetValue(value), $"{prefix}.{property.Name}", row, modelState, model);
        return fits;
    }

    private static bool DeclaresStoredFields(Type? type) =>
        type is not null && type != typeof(string)
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.IsDefined(typeof(StoredInAttribute), inherit: true));

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
