using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>Whether a head of a party committee is a local person, from what the dossier holds.</summary>
public enum HeadOrigin
{
    /// <summary>Quê quán thuộc tỉnh, thành phố của tổ chức.</summary>
    Local,
    /// <summary>Quê quán ở tỉnh, thành phố khác: "cán bộ đứng đầu không phải người địa phương".</summary>
    NotLocal,
    /// <summary>Lý lịch chưa ghi quê quán.</summary>
    Unknown,
}

/// <summary>A province as the indicator compares it: its code, its name and the names of the provinces merged into it
/// in 2025 (someone from the former Hà Giang is local to today's Tuyên Quang).</summary>
public sealed record ProvinceNames(string Code, string Name, IReadOnlyList<string> Names);

/// <summary>
/// The indicator "cán bộ đứng đầu không phải người địa phương" (domain.md §4, Quy định 65-QĐ/TW): heads of provincial and
/// commune party committees whose home town (quê quán) is not in the province of their organization.
/// <list type="bullet">
/// <item>A head is the holder of an active post of a party body that is a committee seat, of the provincial or commune
/// level, whose name is "Bí thư …" (Bí thư Tỉnh ủy, Thành ủy, Đảng ủy xã, phường) — not "Phó Bí thư".</item>
/// <item>The home town's province is the last comma-separated part of the quê quán text, as Vietnamese addresses are
/// written (xã, huyện, tỉnh); without its "Tỉnh"/"Thành phố" prefix, unaccented, it is compared with the province's
/// name and the names of the provinces merged into it. An empty quê quán is "unknown", counted apart.</item>
/// </list>
/// </summary>
public static class LocalHeads
{
    public static bool IsHead(string positionName, PositionLevel level, BodyKind body, bool isCommitteeSeat)
    {
        if (body != BodyKind.Party || !isCommitteeSeat || level is not (PositionLevel.Provincial or PositionLevel.Commune))
            return false;
        var name = VietnameseText.Fold(positionName);
        return name == "bi thu" || name.StartsWith("bi thu ", StringComparison.Ordinal);
    }

    public static HeadOrigin OriginOf(string? hometown, ProvinceNames province)
    {
        var parts = (hometown ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            return HeadOrigin.Unknown;
        var place = Bare(parts[^1]);
        return province.Names.Any(n => Bare(n) == place) ? HeadOrigin.Local : HeadOrigin.NotLocal;
    }

    /// <summary>"Thành phố Hà Nội", "TP. Hà Nội", "tỉnh Nghệ An" → "ha noi", "nghe an".</summary>
    public static string Bare(string name)
    {
        var folded = string.Join(' ', VietnameseText.Fold(name).Replace('.', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in new[] { "thanh pho ", "tinh ", "tp " })
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
                return folded[prefix.Length..];
        return folded;
    }

    public static string DisplayName(HeadOrigin origin) => origin switch
    {
        HeadOrigin.Local => "Người địa phương",
        HeadOrigin.NotLocal => "Không phải người địa phương",
        HeadOrigin.Unknown => "Chưa ghi quê quán",
        _ => origin.ToString(),
    };
}
