using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>The tier a position belongs to; planning limits count positions of the same level. Lower is higher.</summary>
public enum PositionLevel
{
    /// <summary>Diện Trung ương quản lý.</summary>
    Central,
    /// <summary>Lãnh đạo cấp tỉnh.</summary>
    Provincial,
    /// <summary>Sở, ban, ngành, đoàn thể cấp tỉnh.</summary>
    ProvincialDepartment,
    /// <summary>Lãnh đạo cấp xã.</summary>
    Commune,
    /// <summary>Cơ sở (tổ chức cơ sở đảng, đơn vị sự nghiệp).</summary>
    Grassroots,
}

/// <summary>
/// The standing of a position within its level (thứ bậc trong cấp), higher first: with the level it orders positions, so
/// that planning goes only to a higher position (Quy định 377-QĐ/TW). A position ranks by the standing of the post in the
/// level's leadership, not only in its own body: a provincial Chủ tịch UBND, by convention a Phó Bí thư, ranks as a deputy.
/// </summary>
public enum PositionRank
{
    /// <summary>Người đứng đầu (Bí thư cấp ủy; Giám đốc sở, Trưởng ban ở cấp sở, ban, ngành).</summary>
    Head,
    /// <summary>Cấp phó của người đứng đầu (Phó Bí thư; Chủ tịch HĐND, UBND cấp tỉnh, cấp xã; Phó Giám đốc sở).</summary>
    Deputy,
    /// <summary>Ủy viên Ban Thường vụ, hoặc chức vụ tương đương.</summary>
    StandingCommitteeMember,
    /// <summary>Ủy viên cấp ủy, hoặc chức vụ tương đương.</summary>
    CommitteeMember,
    /// <summary>Chức vụ khác.</summary>
    Other,
}

/// <summary>The kind of body the position sits in.</summary>
public enum BodyKind
{
    /// <summary>Cơ quan đảng.</summary>
    Party,
    /// <summary>Cơ quan nhà nước (HĐND, UBND, sở, ngành).</summary>
    State,
    /// <summary>Mặt trận Tổ quốc, đoàn thể.</summary>
    MassOrganization,
}

/// <summary>
/// A position (chức vụ) such as Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Chủ tịch UBND: in a body (party, state or mass
/// organization) managed by a party organization — whose scope it belongs to —, with a level, whether it is a seat of the
/// elected committee (cấp ủy) and, where the standards of the title require it, the political-theory level.
/// </summary>
public sealed class Position
{
    public const int MaxNameLength = 200;
    public const int MaxBodyNameLength = 300;
    public const int MaxStandardSourceLength = 300;

    private Position()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public string Name { get; private set; }
    public PositionLevel Level { get; private set; }
    public BodyKind BodyKind { get; private set; }

    /// <summary>The state or mass body when it is not the party organization itself ("Ủy ban nhân dân thành phố Hà Nội").</summary>
    public string? BodyName { get; private set; }

    /// <summary>A seat of the elected committee: the congress rules (Chỉ thị 45-CT/TW) apply instead of those of appointment.</summary>
    public bool IsCommitteeSeat { get; private set; }

    public PoliticalTheoryLevel? RequiredPoliticalTheory { get; private set; }

    /// <summary>The standards of the title the requirement comes from ("Quy định 214-QĐ/TW ngày 02/01/2020").</summary>
    public string? StandardSource { get; private set; }

    public bool IsActive { get; private set; } = true;

    /// <summary>The standing within the level; with <see cref="Level"/> it orders positions (<see cref="PositionLevels.IsHigherThan"/>).</summary>
    public PositionRank Rank { get; private set; } = PositionRank.Other;

    public static Result<Position> Create(long organizationId, string name, PositionLevel level, BodyKind bodyKind,
        string? bodyName, bool isCommitteeSeat, PoliticalTheoryLevel? requiredPoliticalTheory, string? standardSource,
        PositionRank rank = PositionRank.Other)
    {
        var cleanName = VietnameseText.Normalize(name);
        if (cleanName.Length == 0)
            return CadreErrors.PositionNameRequired;
        if (cleanName.Length > MaxNameLength)
            return CadreErrors.TooLong("Tên chức vụ", MaxNameLength, cleanName.Length);
        if (!Enum.IsDefined(level) || !Enum.IsDefined(bodyKind))
            return CadreErrors.PositionLevelRequired;
        if (!Enum.IsDefined(rank))
            return CadreErrors.PositionRankRequired;
        var body = NullIfBlank(bodyName);
        if (body is { Length: > MaxBodyNameLength })
            return CadreErrors.TooLong("Tên cơ quan, đơn vị", MaxBodyNameLength, body.Length);
        if (bodyKind != BodyKind.Party && body is null)
            return CadreErrors.BodyNameRequired;
        var source = NullIfBlank(standardSource);
        if (requiredPoliticalTheory is { } required && (required == PoliticalTheoryLevel.None || !Enum.IsDefined(required)))
            return CadreErrors.TheoryRequirementInvalid;
        if (requiredPoliticalTheory is not null && source is null)
            return CadreErrors.StandardSourceRequired;
        if (source is { Length: > MaxStandardSourceLength })
            return CadreErrors.TooLong("Văn bản quy định tiêu chuẩn", MaxStandardSourceLength, source.Length);
        return new Position
        {
            OrganizationId = organizationId, Name = cleanName, Level = level, BodyKind = bodyKind, BodyName = body,
            IsCommitteeSeat = isCommitteeSeat, RequiredPoliticalTheory = requiredPoliticalTheory, StandardSource = source, Rank = rank,
        };
    }

    /// <summary>Sets the standing within the level (edited on the positions page).</summary>
    public Result ChangeRank(PositionRank rank)
    {
        if (!Enum.IsDefined(rank))
            return CadreErrors.PositionRankRequired;
        Rank = rank;
        return Result.Ok();
    }

    /// <summary>"Chủ tịch · Ủy ban nhân dân thành phố Hà Nội" or just the name.</summary>
    public string Title => BodyName is null ? Name : $"{Name} · {BodyName}";

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Normalize(s);
}

public static class PositionLevels
{
    public static string DisplayName(this PositionLevel level) => level switch
    {
        PositionLevel.Central => "Trung ương quản lý",
        PositionLevel.Provincial => "Lãnh đạo cấp tỉnh",
        PositionLevel.ProvincialDepartment => "Sở, ban, ngành, đoàn thể cấp tỉnh",
        PositionLevel.Commune => "Lãnh đạo cấp xã",
        PositionLevel.Grassroots => "Cơ sở",
        _ => level.ToString(),
    };

    public static string DisplayName(this PositionRank rank) => rank switch
    {
        PositionRank.Head => "Người đứng đầu",
        PositionRank.Deputy => "Cấp phó",
        PositionRank.StandingCommitteeMember => "Ủy viên Ban Thường vụ",
        PositionRank.CommitteeMember => "Ủy viên",
        PositionRank.Other => "Khác",
        _ => rank.ToString(),
    };

    /// <summary>A position of a higher level is higher; within a level, the higher rank. Equal level and rank is not higher.</summary>
    public static bool IsHigherThan(PositionLevel level, PositionRank rank, PositionLevel otherLevel, PositionRank otherRank) =>
        level < otherLevel || level == otherLevel && rank < otherRank;

    /// <summary>"Lãnh đạo cấp tỉnh, người đứng đầu".</summary>
    public static string Standing(PositionLevel level, PositionRank rank) => $"{level.DisplayName()}, {rank.DisplayName().ToLowerInvariant()}";

    public static string DisplayName(this BodyKind kind) => kind switch
    {
        BodyKind.Party => "Cơ quan đảng",
        BodyKind.State => "Cơ quan nhà nước",
        BodyKind.MassOrganization => "Mặt trận, đoàn thể",
        _ => kind.ToString(),
    };
}
