using OrgCom.Core.Organizations;

namespace OrgCom.Core.Tests.Organizations;

/// <summary>Builds organizations for tests through the real <see cref="Organization.Establish"/>.</summary>
internal static class TestOrganizations
{
    public const string Clerk = "tester";
    public static readonly DateOnly CentreFounded = new(1930, 2, 3);

    // The kind used as parent when a test only needs "some organization of kind X": one valid chain from the root.
    private static readonly Dictionary<OrganizationKind, OrganizationKind> ChainParent = new()
    {
        [OrganizationKind.ProvincialCommittee] = OrganizationKind.Centre,
        [OrganizationKind.CentralBodyCommittee] = OrganizationKind.Centre,
        [OrganizationKind.DistrictCommittee] = OrganizationKind.ProvincialCommittee,
        [OrganizationKind.CommuneCommittee] = OrganizationKind.ProvincialCommittee,
        [OrganizationKind.ProvincialAffiliateCommittee] = OrganizationKind.ProvincialCommittee,
        [OrganizationKind.GrassrootsCommittee] = OrganizationKind.CommuneCommittee,
        [OrganizationKind.GrassrootsCell] = OrganizationKind.CommuneCommittee,
        [OrganizationKind.SubCommittee] = OrganizationKind.GrassrootsCommittee,
        [OrganizationKind.Cell] = OrganizationKind.SubCommittee,
    };

    /// <summary>
    /// Test-only: gives the organization the id the database would assign on insert (the setter is private because
    /// production code never sets it). Needed so children and moves can refer to their parent's id.
    /// </summary>
    public static Organization WithId(this Organization organization, long id)
    {
        typeof(Organization).GetProperty(nameof(Organization.Id))!.SetValue(organization, id);
        return organization;
    }

    public static Organization Establish(
        long id, string code, string name, OrganizationKind kind, Organization? parent, DateOnly establishedOn)
    {
        var result = Organization.Establish(code, name, kind, parent, establishedOn, "1-QĐ/TW", null, Clerk);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value!.WithId(id);
    }

    public static Organization Centre() =>
        Establish(1, "TW", "Trung ương", OrganizationKind.Centre, null, CentreFounded);

    /// <summary>An organization of <paramref name="kind"/> at the end of a valid chain from the root, all founded
    /// with the Centre; ids are 100 + the kind's value.</summary>
    public static Organization OfKind(OrganizationKind kind)
    {
        if (kind == OrganizationKind.Centre)
            return Centre();
        var parent = OfKind(ChainParent[kind]);
        return Establish(100 + (long)kind, kind.ToString().ToUpperInvariant(), kind.DisplayName(), kind, parent,
            CentreFounded);
    }

    public static Organization Dissolved(Organization organization, DateOnly on)
    {
        var result = organization.Dissolve(on, "9-QĐ/TW", 0, 0, Clerk);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return organization;
    }
}
