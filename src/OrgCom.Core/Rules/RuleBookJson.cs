using System.Globalization;
using System.Text.Json;

namespace OrgCom.Core.Rules;

/// <summary>
/// Reads rule data (<c>rules.json</c>): an array of
/// <c>{ "key", "value", "effectiveFrom": "yyyy-MM-dd", "effectiveTo"?: "yyyy-MM-dd" | null, "source", "note", "confirmed" }</c>.
/// <c>value</c> may be written as a string or a number; <c>effectiveTo</c> is exclusive.
/// </summary>
public static class RuleBookJson
{
    /// <exception cref="RuleConfigurationException">The text is not valid rule data; the message says which entry and field.</exception>
    public static RuleBook Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RuleConfigurationException($"Dữ liệu quy định không phải JSON hợp lệ: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new RuleConfigurationException("Dữ liệu quy định phải là một mảng JSON các quy định.");
            var values = document.RootElement.EnumerateArray().Select((e, i) => Read(e, i + 1)).ToArray();
            return new RuleBook(values);
        }
    }

    private static RuleValue Read(JsonElement e, int position)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Error(position, "không phải một đối tượng JSON");
        var key = RequiredString(e, "key", position);
        var value = e.TryGetProperty("value", out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())
            : throw Error(position, $"({key}) thiếu trường \"value\" (chuỗi hoặc số)");
        var from = RequiredDate(e, "effectiveFrom", position, key);
        DateOnly? to = e.TryGetProperty("effectiveTo", out var t) && t.ValueKind != JsonValueKind.Null
            ? ParseDate(t, "effectiveTo", position, key)
            : null;
        var source = RequiredString(e, "source", position);
        var note = e.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var confirmed = e.TryGetProperty("confirmed", out var c)
            ? c.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(position, $"({key}) trường \"confirmed\" phải là true hoặc false"),
            }
            : throw Error(position, $"({key}) thiếu trường \"confirmed\"");
        return new RuleValue(key, value, from, to, source, note, confirmed);
    }

    private static string RequiredString(JsonElement e, string name, int position) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString())
            ? p.GetString()!.Trim()
            : throw Error(position, $"thiếu trường \"{name}\"");

    private static DateOnly RequiredDate(JsonElement e, string name, int position, string key) =>
        e.TryGetProperty(name, out var p)
            ? ParseDate(p, name, position, key)
            : throw Error(position, $"({key}) thiếu trường \"{name}\"");

    private static DateOnly ParseDate(JsonElement p, string name, int position, string key) =>
        p.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(p.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(position, $"({key}) trường \"{name}\" phải là ngày dạng yyyy-MM-dd");

    private static RuleConfigurationException Error(int position, string problem) =>
        new($"Dữ liệu quy định, mục thứ {position}: {problem}.");
}
