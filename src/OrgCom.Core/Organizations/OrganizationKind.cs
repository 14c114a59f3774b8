namespace OrgCom.Core.Organizations;

/// <summary>The kinds of node in the party tree (domain.md §1). Stored by name, so the order here is free.</summary>
public enum OrganizationKind
{
    /// <summary>Trung ương — the root.</summary>
    Centre,
    /// <summary>Đảng bộ tỉnh, thành phố trực thuộc Trung ương.</summary>
    ProvincialCommittee,
    /// <summary>Đảng bộ trực thuộc Trung ương other than the provinces (Quân đội, Công an TW, Chính phủ, ...).</summary>
    CentralBodyCommittee,
    /// <summary>Đảng bộ huyện, quận, thị xã, thành phố thuộc tỉnh — ended on 1 July 2025, kept for history.</summary>
    DistrictCommittee,
    /// <summary>Đảng bộ xã, phường, đặc khu.</summary>
    CommuneCommittee,
    /// <summary>Đảng bộ, đảng ủy trực thuộc tỉnh ủy/thành ủy other than communes (khối, cơ quan, doanh nghiệp).</summary>
    ProvincialAffiliateCommittee,
    /// <summary>Đảng bộ cơ sở.</summary>
    GrassrootsCommittee,
    /// <summary>Chi bộ cơ sở — a grassroots organization without subdivisions.</summary>
    GrassrootsCell,
    /// <summary>Đảng bộ bộ phận.</summary>
    SubCommittee,
    /// <summary>Chi bộ trực thuộc — the smallest unit, under a grassroots committee or a sub-committee.</summary>
    Cell,
}

public static class OrganizationKinds
{
    private static readonly Dictionary<OrganizationKind, string> Names = new()
    {
        [OrganizationKind.Centre] = "Trung ương",
        [OrganizationKind.ProvincialCommittee] = "Đảng bộ tỉnh, thành phố",
        [OrganizationKind.CentralBodyCommittee] = "Đảng bộ trực thuộc Trung ương",
        [OrganizationKind.DistrictCommittee] = "Đảng bộ huyện (trước 01/7/2025)",
        [OrganizationKind.CommuneCommittee] = "Đảng bộ xã, phường, đặc khu",
        [OrganizationKind.ProvincialAffiliateCommittee] = "Đảng bộ trực thuộc tỉnh",
        [OrganizationKind.GrassrootsCommittee] = "Đảng bộ cơ sở",
        [OrganizationKind.GrassrootsCell] = "Chi bộ cơ sở",
        [OrganizationKind.SubCommittee] = "Đảng bộ bộ phận",
        [OrganizationKind.Cell] = "Chi bộ trực thuộc",
    };

    /// <summary>Which kinds may stand directly under which (the tree of domain.md §1, with the pre-2025 district level).</summary>
    private static readonly Dictionary<OrganizationKind, OrganizationKind[]> AllowedParents = new()
    {
        [OrganizationKind.Centre] = [],
        [OrganizationKind.ProvincialCommittee] = [OrganizationKind.Centre],
        [OrganizationKind.CentralBodyCommittee] = [OrganizationKind.Centre],
        [OrganizationKind.DistrictCommittee] = [OrganizationKind.ProvincialCommittee],
        [OrganizationKind.CommuneCommittee] = [OrganizationKind.ProvincialCommittee, OrganizationKind.DistrictCommittee],
        [OrganizationKind.ProvincialAffiliateCommittee] =
            [OrganizationKind.ProvincialCommittee, OrganizationKind.CentralBodyCommittee],
        [OrganizationKind.GrassrootsCommittee] =
        [
            OrganizationKind.ProvincialCommittee, OrganizationKind.CentralBodyCommittee,
            OrganizationKind.DistrictCommittee, OrganizationKind.CommuneCommittee,
            OrganizationKind.ProvincialAffiliateCommittee,
        ],
        [OrganizationKind.GrassrootsCell] =
        [
            OrganizationKind.ProvincialCommittee, OrganizationKind.CentralBodyCommittee,
            OrganizationKind.DistrictCommittee, OrganizationKind.CommuneCommittee,
            OrganizationKind.ProvincialAffiliateCommittee,
        ],
        // A commune committee leads its village and ward cells directly, as a grassroots committee does.
        [OrganizationKind.SubCommittee] = [OrganizationKind.GrassrootsCommittee, OrganizationKind.CommuneCommittee],
        [OrganizationKind.Cell] =
            [OrganizationKind.GrassrootsCommittee, OrganizationKind.SubCommittee, OrganizationKind.CommuneCommittee],
    };

    public static IReadOnlyList<OrganizationKind> All { get; } = Enum.GetValues<OrganizationKind>();

    public static string DisplayName(this OrganizationKind kind) => Names[kind];

    public static bool CanBeChildOf(this OrganizationKind kind, OrganizationKind parent) =>
        AllowedParents[kind].Contains(parent);

    public static IReadOnlyList<OrganizationKind> AllowedChildrenOf(OrganizationKind parent) =>
        All.Where(k => k.CanBeChildOf(parent)).ToList();

    /// <summary>Kinds where members are registered (sinh hoạt): a chi bộ of either kind.</summary>
    public static bool HoldsMembers(this OrganizationKind kind) =>
        kind is OrganizationKind.Cell or OrganizationKind.GrassrootsCell;
}
