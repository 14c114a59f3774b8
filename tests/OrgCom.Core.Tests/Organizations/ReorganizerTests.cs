using OrgCom.Core.Organizations;
using static OrgCom.Core.Tests.Organizations.TestOrganizations;

namespace OrgCom.Core.Tests.Organizations;

public class ReorganizerTests
{
    // Trung ương (1) ── Hà Nội (2) ─┬─ phường A (3, 2025-07-01) ─┬─ chi bộ A1 (5) ─ members
    //                               │                            └─ chi bộ A2 (6)
    //                               └─ phường B (4, 2025-07-01) ── chi bộ B1 (7)
    //                   Hà Tây (8, dissolved 2008)
    private static readonly DateOnly Reform = new(2025, 7, 1);
    private readonly Organization _centre = Centre();
    private readonly Dictionary<string, Participant> _p = new();

    public ReorganizerTests()
    {
        var haNoi = Establish(2, "HN", "Hà Nội", OrganizationKind.ProvincialCommittee, _centre, new DateOnly(1946, 1, 1));
        var a = Establish(3, "A", "Phường A", OrganizationKind.CommuneCommittee, haNoi, Reform);
        var b = Establish(4, "B", "Phường B", OrganizationKind.CommuneCommittee, haNoi, Reform);
        var a1 = Establish(5, "A1", "Chi bộ A1", OrganizationKind.Cell, a, Reform);
        var a2 = Establish(6, "A2", "Chi bộ A2", OrganizationKind.Cell, a, Reform);
        var b1 = Establish(7, "B1", "Chi bộ B1", OrganizationKind.Cell, b, Reform);
        var haTay = Dissolved(Establish(8, "HT", "Hà Tây", OrganizationKind.ProvincialCommittee, _centre, new DateOnly(1991, 1, 1)), new DateOnly(2008, 8, 1));
        _p["HN"] = new(haNoi, [1, 2]);
        _p["A"] = new(a, [1, 2, 3]);
        _p["B"] = new(b, [1, 2, 4]);
        _p["A1"] = new(a1, [1, 2, 3, 5], DirectMembers: 30);
        _p["A2"] = new(a2, [1, 2, 3, 6], DirectMembers: 12);
        _p["B1"] = new(b1, [1, 2, 4, 7], DirectMembers: 20);
        _p["HT"] = new(haTay, [1, 8]);
    }

    public static TheoryData<string, string, bool, string, string?> Merges() => new()
    {
        // sources, target, target is new, date, expected error code (null: allowed)
        { "A1,A2", "B1", false, "2025-09-01", null },
        { "A,B", "HN", false, "2025-09-01", null },
        { "A1,A2", "B1", true, "2025-09-01", null },
        { "A1", "B1", true, "2025-09-01", "reorganization.merge.two" },
        { "", "B1", false, "2025-09-01", "reorganization.merge.sources" },
        { "A1", "A1", false, "2025-09-01", "reorganization.merge.self" },
        { "A", "A1", false, "2025-09-01", "reorganization.merge.descendant" },
        { "HN", "B", false, "2025-09-01", "reorganization.merge.descendant" },
        { "HT", "HN", false, "2025-09-01", "reorganization.merge.dissolved" },
        { "A1", "HT", false, "2025-09-01", "reorganization.target.dissolved" },
        { "A1,A2", "B1", false, "2025-06-30", "reorganization.date.before" },
        { "A1,A2", "B1", false, "2025-07-01", null },
        { "A1,A2", "B", false, "2025-09-01", "reorganization.members.cell" },
        { "A,A1", "B", false, "2025-09-01", "reorganization.merge.nested" },
    };

    [Theory]
    [MemberData(nameof(Merges))]
    public void Merge_rules(string sources, string target, bool isNew, string date, string? error)
    {
        var list = sources.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => _p[s]).ToList();
        var result = Reorganizer.CheckMerge(list, _p[target], isNew, DateOnly.Parse(date));
        Assert.Equal(error, result.Error?.Code);
        if (error is not null)
            Assert.False(string.IsNullOrWhiteSpace(result.Error!.Message));
    }

    public static TheoryData<string, string, int, int, string, string?> Splits() => new()
    {
        // source, targets, unassigned children, unassigned members, date, expected error code
        { "A1", "A2,B1", 0, 0, "2025-09-01", null },
        { "A1", "A2", 0, 0, "2025-09-01", "reorganization.split.targets" },
        { "A1", "A2,B1", 0, 1, "2025-09-01", "reorganization.split.unassigned" },
        { "A", "B,HN", 2, 0, "2025-09-01", "reorganization.split.unassigned" },
        { "A", "A1,B", 0, 0, "2025-09-01", "reorganization.split.inside" },
        { "A1", "A2,B1", 0, 0, "2025-06-01", "reorganization.date.before" },
        { "HT", "A,B", 0, 0, "2025-09-01", "organization.dissolved" },
        { "A1", "A2,HT", 0, 0, "2025-09-01", "reorganization.target.dissolved" },
        { "A1", "A2,B", 0, 0, "2025-09-01", "reorganization.members.cell" },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_rules(string source, string targets, int unassignedChildren, int unassignedMembers, string date, string? error)
    {
        var list = targets.Split(',').Select(t => (_p[t], false)).ToList();
        // Members go to every target in turn, so a target that cannot hold members receives some.
        var membersByTarget = list.Select(_ => _p[source].DirectMembers > 0 ? 1 : 0).ToList();
        var result = Reorganizer.CheckSplit(_p[source], list, unassignedChildren, unassignedMembers, membersByTarget, DateOnly.Parse(date));
        Assert.Equal(error, result.Error?.Code);
    }

    [Fact]
    public void A_change_dated_before_the_latest_recorded_one_is_refused()
    {
        var cell = _p["A1"].Organization;
        Assert.True(cell.Rename("Chi bộ A1 mới", new DateOnly(2025, 10, 1), "2-QĐ/ĐU", Clerk).IsSuccess);
        var earlier = cell.Rename("Chi bộ A1 cũ", new DateOnly(2025, 9, 1), "3-QĐ/ĐU", Clerk);
        Assert.Equal("organization.date.last", earlier.Error?.Code);
        Assert.Contains("01/10/2025", earlier.Error!.Message);
    }

    [Fact]
    public void Ending_in_a_merge_keeps_the_organization_under_its_successor_and_revert_restores_it()
    {
        var a1 = _p["A1"].Organization;
        var b1 = _p["B1"].Organization;
        Assert.True(a1.End(OrganizationEventKind.Merged, b1, new DateOnly(2025, 9, 1), "4-QĐ/ĐU", 77, Clerk).IsSuccess);
        Assert.Equal(b1.Id, a1.ParentId);
        Assert.Equal(new DateOnly(2025, 9, 1), a1.DissolvedOn);
        var e = a1.Events[^1];
        Assert.Equal((OrganizationEventKind.Merged, 3L, 7L, 77L), (e.Kind, e.FromParentId!.Value, e.OtherOrganizationId!.Value, e.ReorganizationId!.Value));
        a1.Revert(e);
        Assert.Equal(3, a1.ParentId);
        Assert.Null(a1.DissolvedOn);
    }
}
