using System.Text.Json;

namespace OrgCom.Web.Features.Audit;

/// <summary>One field of an audit line's changes; a null side means the field had no value (or did not exist).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>Reads the changes JSON the recorder writes: <c>{"field": {"old": …, "new": …}}</c>.</summary>
public static class AuditChanges
{
    public static List<FieldChange> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return [];
            return doc.RootElement.EnumerateObject()
                .Select(p => new FieldChange(p.Name, Side(p.Value, "old"), Side(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            // A line is shown even if its changes are not in the expected shape; verify-audit judges its integrity.
            return [new FieldChange("(không đọc được)", null, json)];
        }
    }

    /// <summary>Cuts a long value for the one-line rendering in search results.</summary>
    public static string Shorten(string value, int max = 60) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private static string? Side(JsonElement change, string name) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => v.GetString(),
                _ => v.GetRawText(),
            }
            : null;
}
