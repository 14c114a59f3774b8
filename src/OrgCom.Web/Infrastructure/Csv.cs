using System.Text;

namespace OrgCom.Web.Infrastructure;

/// <summary>A small RFC 4180 reader (quoted fields, doubled quotes, commas and newlines inside quotes), enough for the
/// reference files the project ships and the imports it accepts.</summary>
public static class Csv
{
    public static IEnumerable<Dictionary<string, string>> ReadRecords(TextReader reader)
    {
        string[]? header = null;
        foreach (var row in ReadRows(reader))
        {
            if (header is null)
            {
                header = row;
                continue;
            }
            var record = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
                record[header[i]] = i < row.Length ? row[i] : "";
            yield return record;
        }
    }

    public static IEnumerable<string[]> ReadRows(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
