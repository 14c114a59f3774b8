using System.Text;
using OrgCom.Core.Common;
using OrgCom.Core.Organizations;
using static OrgCom.Core.Tests.Organizations.TestOrganizations;

namespace OrgCom.Core.Tests.Organizations;

public class OrganizationTests
{
    private const string Decision = "321-QĐ/TW";

    // A small tree, rebuilt for every test (xunit creates a new instance per test):
    //   Trung ương (1)
    //   ├─ Hà Nội (2, 1946) ── phường Hoàn Kiếm (4, 2010) ── trường THPT (7, 2015)
    //   ├─ Bắc Ninh (3, from 1/7/2025)
    //   ├─ Đảng bộ Chính phủ (5, 2025)
    //   └─ Hà Tây (6, 1991, dissolved 1/8/2008)
    private readonly Organization _centre = Centre();
    private readonly Organization _haNoi;
    private readonly Organization _bacNinh;
    private readonly Organization _hoanKiem;
    private readonly Organization _government;
    private readonly Organization _haTay;
    private readonly Organization _school;

    public OrganizationTests()
    {
        _haNoi = Establish(2, "HN", "Đảng bộ thành phố Hà Nội", OrganizationKind.ProvincialCommittee, _centre,
            new DateOnly(1946, 1, 1));
        _bacNinh = Establish(3, "BN", "Đảng bộ tỉnh Bắc Ninh", OrganizationKind.ProvincialCommittee, _centre,
            new DateOnly(2025, 7, 1));
        _hoanKiem = Establish(4, "HN.HK", "Đảng bộ phường Hoàn Kiếm", OrganizationKind.CommuneCommittee, _haNoi,
            new DateOnly(2010, 1, 1));
        _government = Establish(5, "CP", "Đảng bộ Chính phủ", OrganizationKind.CentralBodyCommittee, _centre,
            new DateOnly(2025, 2, 1));
        _haTay = Dissolved(
            Establish(6, "HT", "Đảng bộ tỉnh Hà Tây", OrganizationKind.ProvincialCommittee, _centre,
                new DateOnly(1991, 1, 1)),
            new DateOnly(2008, 8, 1));
        _school = Establish(7, "HN.HK.THPT", "Đảng bộ Trường THPT Việt Đức", OrganizationKind.GrassrootsCommittee,
            _hoanKiem, new DateOnly(2015, 1, 1));
    }

    private sealed record State(
        string Code, string Name, OrganizationKind Kind, long? ParentId, DateOnly EstablishedOn, DateOnly? DissolvedOn,
        int EventCount);

    private static State StateOf(Organization o) =>
        new(o.Code, o.Name, o.Kind, o.ParentId, o.EstablishedOn, o.DissolvedOn, o.Events.Count);

    private static Result<Organization> EstablishCommune(
        string code = "HN.BD", string name = "Đảng bộ phường Ba Đình", Organization? parent = null,
        DateOnly? on = null, OrganizationKind kind = OrganizationKind.CommuneCommittee) =>
        Organization.Establish(code, name, kind, parent, on ?? new DateOnly(2025, 7, 1), Decision, null, Clerk);

    private static void AssertRefused(Result<Organization> result, string code)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Null(result.Value);
    }

    private static void AssertRefused(Result result, string code)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    // ---- Establish ----

    [Theory]
    [InlineData("HN.BD", "HN.BD")]
    [InlineData("hn.bd", "HN.BD")]
    [InlineData("  Hn-Bd_01  ", "HN-BD_01")]
    [InlineData("\tx1\n", "X1")]
    public void Establish_trims_and_upper_cases_the_code(string input, string expected)
    {
        var result = EstablishCommune(code: input, parent: _haNoi);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(expected, result.Value!.Code);
    }

    [Fact]
    public void Establish_accepts_a_code_of_exactly_the_maximum_length()
    {
        var code = new string('A', Organization.MaxCodeLength);

        var result = EstablishCommune(code: $" {code} ", parent: _haNoi);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(code, result.Value!.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Establish_refuses_a_blank_code(string code)
    {
        var before = StateOf(_haNoi);

        AssertRefused(EstablishCommune(code: code, parent: _haNoi), "organization.code.required");
        Assert.Equal(before, StateOf(_haNoi));
    }

    [Fact]
    public void Establish_refuses_a_null_code()
    {
        AssertRefused(EstablishCommune(code: null!, parent: _haNoi), "organization.code.required");
    }

    public static TheoryData<string> BadCodes() => new()
    {
        "HN BD",
        "HN\tBD",
        "HÀNỘI",
        "ĐU01",
        "hà-nội",
        "A/B",
        "A+B",
        "A,B",
        "Ａ1",
        new string('A', Organization.MaxCodeLength + 1),
        " " + new string('b', Organization.MaxCodeLength + 1) + " ",
    };

    [Theory]
    [MemberData(nameof(BadCodes))]
    public void Establish_refuses_a_code_that_is_not_plain_ascii_or_too_long(string code)
    {
        var before = StateOf(_haNoi);

        var result = EstablishCommune(code: code, parent: _haNoi);

        AssertRefused(result, "organization.code.format");
        Assert.Contains(Organization.NormalizeCode(code), result.Error!.Message);
        Assert.Equal(before, StateOf(_haNoi));
    }

    [Theory]
    [InlineData("Đảng bộ phường Ba Đình", "Đảng bộ phường Ba Đình")]
    [InlineData("  Đảng bộ   phường\tBa Đình  ", "Đảng bộ phường Ba Đình")]
    [InlineData("Đảng bộ\u00A0phường\r\nBa Đình", "Đảng bộ phường Ba Đình")]
    public void Establish_collapses_whitespace_in_the_name(string input, string expected)
    {
        var result = EstablishCommune(name: input, parent: _haNoi);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(expected, result.Value!.Name);
    }

    [Fact]
    public void Establish_stores_the_name_in_nfc()
    {
        const string name = "Đảng bộ phường Ba Đình";

        var result = EstablishCommune(name: name.Normalize(NormalizationForm.FormD), parent: _haNoi);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(name.Normalize(NormalizationForm.FormC), result.Value!.Name);
        Assert.True(result.Value.Name.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0\t")]
    public void Establish_refuses_a_blank_name(string name)
    {
        var before = StateOf(_haNoi);

        AssertRefused(EstablishCommune(name: name, parent: _haNoi), "organization.name.required");
        Assert.Equal(before, StateOf(_haNoi));
    }

    [Fact]
    public void Establish_accepts_a_name_of_exactly_the_maximum_length_counted_after_nfc()
    {
        // 300 letters "ễ" are 900 chars in NFD but 300 in NFC.
        var name = new string('ễ', Organization.MaxNameLength);

        var result = EstablishCommune(name: name.Normalize(NormalizationForm.FormD), parent: _haNoi);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(name, result.Value!.Name);
    }

    [Fact]
    public void Establish_refuses_a_name_longer_than_the_maximum()
    {
        var before = StateOf(_haNoi);

        AssertRefused(
            EstablishCommune(name: new string('a', Organization.MaxNameLength + 1), parent: _haNoi),
            "organization.name.length");
        Assert.Equal(before, StateOf(_haNoi));
    }

    public static TheoryData<OrganizationKind> KindsOtherThanCentre()
    {
        var data = new TheoryData<OrganizationKind>();
        foreach (var kind in Enum.GetValues<OrganizationKind>().Where(k => k != OrganizationKind.Centre))
            data.Add(kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsOtherThanCentre))]
    public void Establish_refuses_any_kind_but_the_centre_without_a_parent(OrganizationKind kind)
    {
        AssertRefused(EstablishCommune(kind: kind, parent: null), "organization.parent.required");
    }

    [Fact]
    public void Establish_accepts_the_centre_without_a_parent()
    {
        var result = Organization.Establish(" tw ", "Trung ương", OrganizationKind.Centre, null,
            TestOrganizations.CentreFounded, null, null, Clerk);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("TW", result.Value!.Code);
        Assert.Null(result.Value.ParentId);
        Assert.Null(result.Value.Events.Single().ToParentId);
    }

    [Fact]
    public void Establish_refuses_a_dissolved_parent()
    {
        var before = StateOf(_haTay);

        // Even dated while Hà Tây still existed: a dissolved organization takes no new children.
        var result = EstablishCommune(parent: _haTay, on: new DateOnly(2000, 1, 1));

        AssertRefused(result, "organization.parent.dissolved");
        Assert.Contains(_haTay.Name, result.Error!.Message);
        Assert.Contains("01/08/2008", result.Error.Message);
        Assert.Equal(before, StateOf(_haTay));
    }

    public static TheoryData<OrganizationKind, OrganizationKind> EveryKindAndParentKind()
    {
        var data = new TheoryData<OrganizationKind, OrganizationKind>();
        foreach (var kind in Enum.GetValues<OrganizationKind>())
        {
            foreach (var parentKind in Enum.GetValues<OrganizationKind>())
                data.Add(kind, parentKind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndParentKind))]
    public void Establish_accepts_a_kind_under_a_parent_only_where_the_tree_allows_it(
        OrganizationKind kind, OrganizationKind parentKind)
    {
        var parent = OfKind(parentKind);
        var before = StateOf(parent);

        var result = EstablishCommune(kind: kind, parent: parent, on: new DateOnly(2026, 1, 1));

        if (kind.CanBeChildOf(parentKind))
        {
            Assert.True(result.IsSuccess, result.Error?.ToString());
            Assert.Equal(parent.Id, result.Value!.ParentId);
            Assert.Equal(kind, result.Value.Kind);
        }
        else
        {
            AssertRefused(result, "organization.kind.parent");
            Assert.Equal(before, StateOf(parent));
        }
    }

    [Theory]
    [InlineData(OrganizationKind.Cell, OrganizationKind.ProvincialCommittee)]
    [InlineData(OrganizationKind.CommuneCommittee, OrganizationKind.CentralBodyCommittee)]
    [InlineData(OrganizationKind.DistrictCommittee, OrganizationKind.CentralBodyCommittee)]
    [InlineData(OrganizationKind.ProvincialCommittee, OrganizationKind.ProvincialCommittee)]
    [InlineData(OrganizationKind.GrassrootsCommittee, OrganizationKind.Cell)]
    [InlineData(OrganizationKind.Cell, OrganizationKind.GrassrootsCell)]
    [InlineData(OrganizationKind.SubCommittee, OrganizationKind.ProvincialCommittee)]
    [InlineData(OrganizationKind.Centre, OrganizationKind.Centre)]
    public void Establish_refuses_a_kind_the_parent_cannot_hold(OrganizationKind kind, OrganizationKind parentKind)
    {
        var parent = OfKind(parentKind);
        var before = StateOf(parent);

        var result = EstablishCommune(kind: kind, parent: parent, on: new DateOnly(2026, 1, 1));

        AssertRefused(result, "organization.kind.parent");
        Assert.Contains(kind.DisplayName(), result.Error!.Message);
        Assert.Equal(before, StateOf(parent));
    }

    [Fact]
    public void Establish_refuses_a_date_before_the_parent_was_established()
    {
        var before = StateOf(_bacNinh);

        var result = EstablishCommune(parent: _bacNinh, on: new DateOnly(2025, 6, 30));

        AssertRefused(result, "organization.date.parent");
        Assert.Contains("01/07/2025", result.Error!.Message);
        Assert.Equal(before, StateOf(_bacNinh));
    }

    [Fact]
    public void Establish_accepts_the_parents_establishment_day()
    {
        var result = EstablishCommune(parent: _bacNinh, on: new DateOnly(2025, 7, 1));

        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Fact]
    public void Establish_sets_the_organization_and_records_the_established_event()
    {
        var on = new DateOnly(2025, 7, 1);

        var result = Organization.Establish(" bn.tn ", "  Đảng bộ phường  Từ Sơn ", OrganizationKind.CommuneCommittee,
            _bacNinh, on, "  328-QĐ/TW ", " 27.01 ", "nguyen.an");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var organization = result.Value!;
        Assert.Equal("BN.TN", organization.Code);
        Assert.Equal("Đảng bộ phường Từ Sơn", organization.Name);
        Assert.Equal(OrganizationKind.CommuneCommittee, organization.Kind);
        Assert.Equal(_bacNinh.Id, organization.ParentId);
        Assert.Equal(on, organization.EstablishedOn);
        Assert.Null(organization.DissolvedOn);
        Assert.False(organization.IsDissolved);
        Assert.Equal("328-QĐ/TW", organization.EstablishingDecision);
        Assert.Equal("27.01", organization.AdministrativeUnitCode);

        var e = Assert.Single(organization.Events);
        Assert.Equal(OrganizationEventKind.Established, e.Kind);
        Assert.Equal(on, e.EffectiveOn);
        Assert.Equal("328-QĐ/TW", e.DecisionNumber);
        Assert.Equal("nguyen.an", e.RecordedBy);
        Assert.Equal(_bacNinh.Id, e.ToParentId);
        Assert.Null(e.FromParentId);
        Assert.Equal("Đảng bộ phường Từ Sơn", e.ToName);
        Assert.Null(e.FromName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Establish_without_a_decision_keeps_no_decision(string? decision)
    {
        var result = Organization.Establish("BN.TN", "Đảng bộ phường Từ Sơn", OrganizationKind.CommuneCommittee,
            _bacNinh, new DateOnly(2025, 7, 1), decision, "  ", Clerk);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Null(result.Value!.EstablishingDecision);
        Assert.Null(result.Value.AdministrativeUnitCode);
        Assert.Null(Assert.Single(result.Value.Events).DecisionNumber);
    }

    // ---- Rename ----

    [Fact]
    public void Rename_changes_the_name_and_records_the_renamed_event()
    {
        var on = new DateOnly(2025, 7, 1);

        var result = _hoanKiem.Rename("  Đảng bộ   phường Hoàn Kiếm mới ", on, " 12-QĐ/TU ", "le.binh");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("Đảng bộ phường Hoàn Kiếm mới", _hoanKiem.Name);
        Assert.Equal(2, _hoanKiem.Events.Count);
        var e = _hoanKiem.Events[^1];
        Assert.Equal(OrganizationEventKind.Renamed, e.Kind);
        Assert.Equal(on, e.EffectiveOn);
        Assert.Equal("12-QĐ/TU", e.DecisionNumber);
        Assert.Equal("le.binh", e.RecordedBy);
        Assert.Equal("Đảng bộ phường Hoàn Kiếm", e.FromName);
        Assert.Equal("Đảng bộ phường Hoàn Kiếm mới", e.ToName);
        Assert.Equal(_haNoi.Id, _hoanKiem.ParentId);
    }

    [Fact]
    public void Rename_accepts_the_establishment_day()
    {
        Assert.True(_hoanKiem.Rename("Đảng bộ phường Hoàn Kiếm 2", _hoanKiem.EstablishedOn, Decision, Clerk).IsSuccess);
    }

    public static TheoryData<string, DateOnly, string, string> RefusedRenames() => new()
    {
        { "Đảng bộ phường Hoàn Kiếm", new DateOnly(2025, 7, 1), Decision, "organization.name.same" },
        { "  Đảng bộ  phường\tHoàn Kiếm ", new DateOnly(2025, 7, 1), Decision, "organization.name.same" },
        { "Đảng bộ phường Hoàn Kiếm".Normalize(NormalizationForm.FormD), new DateOnly(2025, 7, 1), Decision,
            "organization.name.same" },
        { "", new DateOnly(2025, 7, 1), Decision, "organization.name.required" },
        { "   ", new DateOnly(2025, 7, 1), Decision, "organization.name.required" },
        { new string('a', Organization.MaxNameLength + 1), new DateOnly(2025, 7, 1), Decision,
            "organization.name.length" },
        { "Đảng bộ phường Hoàn Kiếm mới", new DateOnly(2025, 7, 1), "", "organization.decision.required" },
        { "Đảng bộ phường Hoàn Kiếm mới", new DateOnly(2025, 7, 1), "  ", "organization.decision.required" },
        { "Đảng bộ phường Hoàn Kiếm mới", new DateOnly(2009, 12, 31), Decision, "organization.date.before" },
    };

    [Theory]
    [MemberData(nameof(RefusedRenames))]
    public void Rename_refuses_and_changes_nothing(string newName, DateOnly on, string decision, string code)
    {
        var before = StateOf(_hoanKiem);

        AssertRefused(_hoanKiem.Rename(newName, on, decision, Clerk), code);
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void Rename_refuses_a_dissolved_organization()
    {
        var before = StateOf(_haTay);

        var result = _haTay.Rename("Đảng bộ tỉnh Hà Tây mới", new DateOnly(2009, 1, 1), Decision, Clerk);

        AssertRefused(result, "organization.dissolved");
        Assert.Equal(before, StateOf(_haTay));
    }

    // ---- MoveTo ----

    [Fact]
    public void MoveTo_changes_the_parent_and_records_the_moved_event()
    {
        var on = new DateOnly(2025, 7, 1);

        var result = _hoanKiem.MoveTo(_bacNinh, [_centre.Id, _bacNinh.Id], on, " 325-QĐ/TW ", "tran.cuong");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(_bacNinh.Id, _hoanKiem.ParentId);
        Assert.Equal(2, _hoanKiem.Events.Count);
        var e = _hoanKiem.Events[^1];
        Assert.Equal(OrganizationEventKind.Moved, e.Kind);
        Assert.Equal(on, e.EffectiveOn);
        Assert.Equal("325-QĐ/TW", e.DecisionNumber);
        Assert.Equal("tran.cuong", e.RecordedBy);
        Assert.Equal(_haNoi.Id, e.FromParentId);
        Assert.Equal(_bacNinh.Id, e.ToParentId);
        Assert.Equal("Đảng bộ phường Hoàn Kiếm", _hoanKiem.Name);
    }

    [Fact]
    public void MoveTo_refuses_a_move_under_itself()
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_hoanKiem, [_centre.Id, _haNoi.Id, _hoanKiem.Id], new DateOnly(2025, 7, 1),
            Decision, Clerk);

        AssertRefused(result, "organization.move.cycle");
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_a_move_under_a_descendant()
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_school, [_centre.Id, _haNoi.Id, _hoanKiem.Id, _school.Id],
            new DateOnly(2025, 7, 1), Decision, Clerk);

        AssertRefused(result, "organization.move.cycle");
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_any_new_parent_whose_lineage_contains_the_organization()
    {
        // Only the lineage says "descendant" here: the kind and dates would otherwise allow the move.
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_bacNinh, [_centre.Id, _hoanKiem.Id, _bacNinh.Id], new DateOnly(2025, 7, 1),
            Decision, Clerk);

        AssertRefused(result, "organization.move.cycle");
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_the_current_parent()
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_haNoi, [_centre.Id, _haNoi.Id], new DateOnly(2025, 7, 1), Decision, Clerk);

        AssertRefused(result, "organization.move.same");
        Assert.Contains(_haNoi.Name, result.Error!.Message);
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_a_dissolved_new_parent()
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_haTay, [_centre.Id, _haTay.Id], new DateOnly(2025, 7, 1), Decision, Clerk);

        AssertRefused(result, "organization.parent.dissolved");
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_a_new_parent_that_cannot_hold_the_kind()
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_government, [_centre.Id, _government.Id], new DateOnly(2025, 7, 1), Decision,
            Clerk);

        AssertRefused(result, "organization.kind.parent");
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_a_date_before_the_new_parent_was_established()
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_bacNinh, [_centre.Id, _bacNinh.Id], new DateOnly(2025, 6, 30), Decision, Clerk);

        AssertRefused(result, "organization.date.parent");
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Theory]
    [InlineData("", 2025, 7, 1, "organization.decision.required")]
    [InlineData("  ", 2025, 7, 1, "organization.decision.required")]
    [InlineData(Decision, 2009, 12, 31, "organization.date.before")]
    public void MoveTo_refuses_without_a_decision_or_before_establishment(
        string decision, int year, int month, int day, string code)
    {
        var before = StateOf(_hoanKiem);

        var result = _hoanKiem.MoveTo(_bacNinh, [_centre.Id, _bacNinh.Id], new DateOnly(year, month, day), decision,
            Clerk);

        AssertRefused(result, code);
        Assert.Equal(before, StateOf(_hoanKiem));
    }

    [Fact]
    public void MoveTo_refuses_a_dissolved_organization()
    {
        Dissolved(_school, new DateOnly(2024, 1, 1));
        var before = StateOf(_school);

        var result = _school.MoveTo(_bacNinh, [_centre.Id, _bacNinh.Id], new DateOnly(2025, 7, 1), Decision, Clerk);

        AssertRefused(result, "organization.dissolved");
        Assert.Equal(before, StateOf(_school));
    }

    // ---- Dissolve ----

    [Fact]
    public void Dissolve_sets_the_date_and_records_the_dissolved_event()
    {
        var on = new DateOnly(2025, 7, 1);

        var result = _school.Dissolve(on, " 45-QĐ/ĐU ", 0, 0, "pham.dung");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(on, _school.DissolvedOn);
        Assert.True(_school.IsDissolved);
        Assert.Equal(_hoanKiem.Id, _school.ParentId);
        Assert.Equal(2, _school.Events.Count);
        var e = _school.Events[^1];
        Assert.Equal(OrganizationEventKind.Dissolved, e.Kind);
        Assert.Equal(on, e.EffectiveOn);
        Assert.Equal("45-QĐ/ĐU", e.DecisionNumber);
        Assert.Equal("pham.dung", e.RecordedBy);
        Assert.Equal(_hoanKiem.Id, e.FromParentId);
    }

    [Fact]
    public void Dissolve_refuses_the_root()
    {
        var before = StateOf(_centre);

        AssertRefused(_centre.Dissolve(new DateOnly(2025, 7, 1), Decision, 0, 0, Clerk), "organization.dissolve.root");
        Assert.False(_centre.IsDissolved);
        Assert.Equal(before, StateOf(_centre));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    [InlineData(3, 12)]
    public void Dissolve_refuses_while_children_or_members_remain_and_states_the_counts(int children, int members)
    {
        var before = StateOf(_school);

        var result = _school.Dissolve(new DateOnly(2025, 7, 1), Decision, children, members, Clerk);

        AssertRefused(result, "organization.dissolve.not_empty");
        Assert.Contains($"{children} tổ chức trực thuộc", result.Error!.Message);
        Assert.Contains($"{members} đảng viên", result.Error.Message);
        Assert.False(_school.IsDissolved);
        Assert.Equal(before, StateOf(_school));
    }

    [Theory]
    [InlineData("", 2025, 7, 1, "organization.decision.required")]
    [InlineData("  ", 2025, 7, 1, "organization.decision.required")]
    [InlineData(Decision, 2014, 12, 31, "organization.date.before")]
    public void Dissolve_refuses_without_a_decision_or_before_establishment(
        string decision, int year, int month, int day, string code)
    {
        var before = StateOf(_school);

        AssertRefused(_school.Dissolve(new DateOnly(year, month, day), decision, 0, 0, Clerk), code);
        Assert.Equal(before, StateOf(_school));
    }

    [Fact]
    public void Dissolve_twice_is_refused_and_keeps_the_first_date()
    {
        Dissolved(_school, new DateOnly(2025, 7, 1));
        var before = StateOf(_school);

        var result = _school.Dissolve(new DateOnly(2026, 1, 1), Decision, 0, 0, Clerk);

        AssertRefused(result, "organization.dissolved");
        Assert.Equal(new DateOnly(2025, 7, 1), _school.DissolvedOn);
        Assert.Equal(before, StateOf(_school));
    }

    // ---- IsActiveOn ----

    [Theory]
    [InlineData(1990, 12, 31, false)]
    [InlineData(1991, 1, 1, true)]
    [InlineData(2000, 6, 15, true)]
    [InlineData(2008, 7, 31, true)]
    [InlineData(2008, 8, 1, false)]
    [InlineData(2025, 7, 1, false)]
    public void IsActiveOn_includes_the_establishment_day_and_excludes_the_dissolution_day(
        int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, _haTay.IsActiveOn(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(2009, 12, 31, false)]
    [InlineData(2010, 1, 1, true)]
    [InlineData(2200, 1, 1, true)]
    public void IsActiveOn_has_no_end_while_not_dissolved(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, _hoanKiem.IsActiveOn(new DateOnly(year, month, day)));
    }

    // ---- Event names ----

    [Theory]
    [InlineData(OrganizationEventKind.Established, "Thành lập")]
    [InlineData(OrganizationEventKind.Renamed, "Đổi tên")]
    [InlineData(OrganizationEventKind.Moved, "Chuyển trực thuộc")]
    [InlineData(OrganizationEventKind.Dissolved, "Giải thể")]
    public void Event_kinds_have_vietnamese_names(OrganizationEventKind kind, string expected)
    {
        Assert.Equal(expected, OrganizationEvent.DisplayName(kind));
    }
}
