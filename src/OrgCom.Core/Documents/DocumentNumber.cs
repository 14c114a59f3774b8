using System.Text.RegularExpressions;
using OrgCom.Core.Common;

namespace OrgCom.Core.Documents;

/// <summary>
/// A party document number, <c>&lt;number&gt;-&lt;type&gt;/&lt;issuer&gt;</c>, e.g. <c>205-QĐ/TW</c>, <c>06-KL/BTCTW</c>.
/// The type does not tell "Quyết định" from "Quy định" (both QĐ), so the kind of act is never inferred from it.
/// </summary>
public sealed partial record DocumentNumber(int Number, string Type, string Issuer)
{
    /// <summary>Types of party documents (Hướng dẫn 36-HD/VPTW on document format).</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "NQ", "QĐ", "QĐi", "CT", "KL", "QC", "TB", "HD", "BC", "KH", "CTr", "TT", "TTr", "ĐA", "CV",
    };

    /// <summary>Numbers below 10 are written with a leading zero (03-KH/TW), as party documents are numbered.</summary>
    public override string ToString() => $"{Number:00}-{Type}/{Issuer}";

    public static Result<DocumentNumber> Parse(string? text)
    {
        var s = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC).Replace(" ", "");
        if (s.Length == 0)
            return new Error("document.number.empty", "Chưa nhập số ký hiệu văn bản.");
        var m = Pattern().Match(s);
        if (!m.Success || !int.TryParse(m.Groups["n"].Value, out var number) || number <= 0)
            return new Error("document.number.format",
                $"Số ký hiệu văn bản \"{text}\" không đúng dạng <số>-<loại>/<cơ quan ban hành>, ví dụ 205-QĐ/TW.");
        var type = m.Groups["t"].Value;
        var known = KnownTypes.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase));
        if (known is null)
            return new Error("document.number.type",
                $"Loại văn bản \"{type}\" không có trong danh mục ({string.Join(", ", KnownTypes)}).");
        return new DocumentNumber(number, known, m.Groups["i"].Value.ToUpperInvariant());
    }

    [GeneratedRegex(@"^(?<n>\d{1,6})-(?<t>[\p{L}]{2,4})/(?<i>[\p{L}][\p{L}\d\-]{0,19})$")]
    private static partial Regex Pattern();
}
