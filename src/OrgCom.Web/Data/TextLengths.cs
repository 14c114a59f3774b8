using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrgCom.Web.Data;

/// <summary>
/// The longest text each stored field takes, as the EF model declares it: a column's <c>HasMaxLength</c>, or for a
/// field of the rows of a jsonb list (work history, family, …), which has no column of its own, the limit its
/// configuration declares with <see cref="HasJsonFieldMaxLength{T}"/>. Forms check their input against these before
/// anything changes (<see cref="Infrastructure.Forms.FormLengths"/>), so no value is left for the database to refuse.
/// </summary>
public static class TextLengths
{
    private const string JsonFieldAnnotationPrefix = "OrgCom:JsonFieldMaxLength:";

    /// <summary>Declares the longest text of <paramref name="field"/> in the rows of a jsonb list property.</summary>
    public static PropertyBuilder<T> HasJsonFieldMaxLength<T>(this PropertyBuilder<T> builder, string field, int maxLength) =>
        builder.HasAnnotation(JsonFieldAnnotationPrefix + field, maxLength);

    /// <summary>The longest text <paramref name="property"/> of <paramref name="entity"/> takes, or with
    /// <paramref name="jsonField"/> that field of the rows of the jsonb list <paramref name="property"/>.</summary>
    /// <exception cref="InvalidOperationException">The model maps no such property or declares no limit for it.</exception>
    public static int MaxLength(IModel model, Type entity, string property, string? jsonField = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var mapped = model.FindEntityType(entity)?.FindProperty(property)
            ?? throw new InvalidOperationException($"{entity.Name}.{property} is not a mapped property.");
        var max = jsonField is null
            ? mapped.GetMaxLength()
            : mapped.FindAnnotation(JsonFieldAnnotationPrefix + jsonField)?.Value as int?;
        return max ?? throw new InvalidOperationException(
            $"{entity.Name}.{property}{(jsonField is null ? "" : "." + jsonField)} declares no maximum length.");
    }
}
