using System.Globalization;
using System.Text;
using OrgCom.Core.Organizations;
using static OrgCom.Core.Organizations.OrganizationKind;

namespace OrgCom.Core.Tests.Organizations;

public class OrganizationKindsTests
{
    // The tree of domain.md §1 with the pre-2025 district level. Read a row as "this kind may stand directly under
    // the column kind": x = allowed, . = refused. Written out by hand so that a change to the rule shows up here.
    private static readonly OrganizationKind[] Columns =
        [Centre, ProvincialCommittee, CentralBodyCommittee, DistrictCommittee, CommuneCommittee,
         ProvincialAffiliateCommittee, GrassrootsCommittee, GrassrootsCell, SubCommittee, Cell];

    private static readonly Dictionary<OrganizationKind, string> Matrix = new()
    {
        //                                        Ctr Prv CBd Dst Com PAf GCm GCl Sub Cel
        [Centre] = /*                          */ " .   .   .   .   .   .   .   .   .   . ",
        [ProvincialCommittee] = /*             */ " x   .   .   .   .   .   .   .   .   . ",
        [CentralBodyCommittee] = /*            */ " x   .   .   .   .   .   .   .   .   . ",
        [DistrictCommittee] = /*               */ " .   x   .   .   .   .   .   .   .   . ",
        [CommuneCommittee] = /*                */ " .   x   .   x   .   .   .   .   .   . ",
        [ProvincialAffiliateCommittee] = /*    */ " .   x   x   .   .   .   .   .   .   . ",
        [GrassrootsCommittee] = /*             */ " .   x   x   x   x   x   .   .   .   . ",
        [GrassrootsCell] = /*                  */ " .   x   x   x   x   x   .   .   .   . ",
        [SubCommittee] = /*                    */ " .   .   .   .   x   .   x   .   .   . ",
        [Cell] = /*                            */ " .   .   .   .   x   .   x   .   x   . ",
    };

    private static bool Expected(OrganizationKind kind, OrganizationKind parent)
    {
        var marks = Matrix[kind].Where(c => c is 'x' or '.').ToArray();
        return marks[Array.IndexOf(Columns, parent)] == 'x';
    }

    public static TheoryData<OrganizationKind, OrganizationKind, bool> EveryPair()
    {
        var data = new TheoryData<OrganizationKind, OrganizationKind, bool>();
        foreach (var kind in Columns)
        {
            foreach (var parent in Columns)
                data.Add(kind, parent, Expected(kind, parent));
        }

        return data;
    }

    public static TheoryData<OrganizationKind> EveryKind()
    {
        var data = new TheoryData<OrganizationKind>();
        foreach (var kind in Enum.GetValues<OrganizationKind>())
            data.Add(kind);
        return data;
    }

    [Fact]
    public void Matrix_covers_every_kind_in_rows_and_columns()
    {
        var kinds = Enum.GetValues<OrganizationKind>().OrderBy(k => k).ToArray();

        Assert.Equal(kinds, Columns.OrderBy(k => k));
        Assert.Equal(kinds, Matrix.Keys.OrderBy(k => k));
        Assert.All(Matrix.Values, row => Assert.Equal(Columns.Length, row.Count(c => c is 'x' or '.')));
        Assert.Equal(kinds, OrganizationKinds.All.OrderBy(k => k));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanBeChildOf_follows_the_tree(OrganizationKind kind, OrganizationKind parent, bool expected)
    {
        Assert.Equal(expected, kind.CanBeChildOf(parent));
    }

    [Fact]
    public void Matrix_has_one_hundred_pairs()
    {
        Assert.Equal(100, EveryPair().Count());
    }

    [Theory]
    [InlineData(Centre, new[] { ProvincialCommittee, CentralBodyCommittee })]
    [InlineData(ProvincialCommittee,
        new[] { DistrictCommittee, CommuneCommittee, ProvincialAffiliateCommittee, GrassrootsCommittee, GrassrootsCell })]
    [InlineData(CentralBodyCommittee, new[] { ProvincialAffiliateCommittee, GrassrootsCommittee, GrassrootsCell })]
    [InlineData(DistrictCommittee, new[] { CommuneCommittee, GrassrootsCommittee, GrassrootsCell })]
    [InlineData(CommuneCommittee, new[] { GrassrootsCommittee, GrassrootsCell, SubCommittee, Cell })]
    [InlineData(ProvincialAffiliateCommittee, new[] { GrassrootsCommittee, GrassrootsCell })]
    [InlineData(GrassrootsCommittee, new[] { SubCommittee, Cell })]
    [InlineData(GrassrootsCell, new OrganizationKind[0])]
    [InlineData(SubCommittee, new[] { Cell })]
    [InlineData(Cell, new OrganizationKind[0])]
    public void AllowedChildrenOf_lists_exactly_the_kinds_allowed_under_the_parent(
        OrganizationKind parent, OrganizationKind[] expected)
    {
        Assert.Equal(expected.OrderBy(k => k), OrganizationKinds.AllowedChildrenOf(parent).OrderBy(k => k));
    }

    [Theory]
    [InlineData(Centre, false)]
    [InlineData(ProvincialCommittee, false)]
    [InlineData(CentralBodyCommittee, false)]
    [InlineData(DistrictCommittee, false)]
    [InlineData(CommuneCommittee, false)]
    [InlineData(ProvincialAffiliateCommittee, false)]
    [InlineData(GrassrootsCommittee, false)]
    [InlineData(GrassrootsCell, true)]
    [InlineData(SubCommittee, false)]
    [InlineData(Cell, true)]
    public void Only_a_chi_bo_holds_members(OrganizationKind kind, bool expected)
    {
        Assert.Equal(expected, kind.HoldsMembers());
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void DisplayName_is_vietnamese_with_diacritics(OrganizationKind kind)
    {
        var name = kind.DisplayName();

        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.NotEqual(kind.ToString(), name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC), $"{kind}: \"{name}\" is not NFC");
        Assert.True(HasVietnameseDiacritic(name), $"{kind}: \"{name}\" has no Vietnamese diacritic");
    }

    [Fact]
    public void DisplayNames_are_distinct()
    {
        var names = Enum.GetValues<OrganizationKind>().Select(k => k.DisplayName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static bool HasVietnameseDiacritic(string s) =>
        s.Contains('Đ') || s.Contains('đ')
        || s.Normalize(NormalizationForm.FormD)
            .Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
