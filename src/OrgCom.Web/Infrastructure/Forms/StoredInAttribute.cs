namespace OrgCom.Web.Infrastructure.Forms;

/// <summary>
/// Where a form field's text is stored: property <see cref="Property"/> of <see cref="Entity"/>, or with
/// <see cref="JsonField"/> that field of the rows of the jsonb list <see cref="Property"/>. The text may be no longer
/// than the model allows there (<see cref="FormLengths"/>); <see cref="Label"/> names the field in the message as the
/// form labels it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class StoredInAttribute(Type entity, string property, string label) : Attribute
{
    public Type Entity { get; } = entity;
    public string Property { get; } = property;
    public string Label { get; } = label;
    public string? JsonField { get; init; }
}

/// <inheritdoc />
[AttributeUsage(AttributeTargets.Property)]
public sealed class StoredInAttribute<TEntity>(string property, string label) : StoredInAttribute(typeof(TEntity), property, label)
    where TEntity : class;
