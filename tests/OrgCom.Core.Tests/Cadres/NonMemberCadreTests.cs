using OrgCom.Core.Cadres;
using OrgCom.Core.Members;

namespace OrgCom.Core.Tests.Cadres;

public class NonMemberCadreTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static NonMemberCadreDetails Details(string? name = "Trịnh Thị Hoa", Gender? gender = Gender.Female, string? birth = "1972-03-10",
        bool yearOnly = false, string? cccd = null, string? ethnicity = "Tày", string? hometown = "xã Tân Trào, tỉnh Tuyên Quang") =>
        new(name, gender, birth is null ? null : DateOnly.Parse(birth), yearOnly, ethnicity, null, "Thạc sĩ Luật", PoliticalTheoryLevel.Intermediate,
            hometown, cccd, null);

    [Theory]
    [InlineData("Trịnh Thị Hoa", "Female", "1972-03-10", false, null, null)]
    [InlineData("  ", "Female", "1972-03-10", false, null, "non_member.name.required")]
    [InlineData("Trịnh Thị Hoa", null, "1972-03-10", false, null, "non_member.gender.required")]
    [InlineData("Trịnh Thị Hoa", "Female", null, false, null, "non_member.birth.required")]
    [InlineData("Trịnh Thị Hoa", "Female", "2026-11-22", false, null, "non_member.birth.invalid")]
    [InlineData("Trịnh Thị Hoa", "Female", "2026-11-21", false, null, null)]
    [InlineData("Trịnh Thị Hoa", "Female", "1899-12-31", false, null, "non_member.birth.invalid")]
    [InlineData("Trịnh Thị Hoa", "Female", "1972-03-10", false, "001172012345", null)]
    [InlineData("Trịnh Thị Hoa", "Female", "1972-03-10", false, "001 172 012 345", null)]
    [InlineData("Trịnh Thị Hoa", "Female", "1972-03-10", false, "001072012345", "citizen_id.gender_century_mismatch")]
    [InlineData("Trịnh Thị Hoa", "Female", "1972-03-10", false, "00117201234", "citizen_id.length")]
    [InlineData("Trịnh Thị Hoa", "Female", "1973-06-01", true, "001173012345", null)]
    public void A_non_member_cadre_needs_a_name_gender_and_a_plausible_birth_and_a_valid_optional_cccd(
        string name, string? gender, string? birth, bool yearOnly, string? cccd, string? error)
    {
        var result = NonMemberCadre.Register(3, Details(name, gender is null ? null : Enum.Parse<Gender>(gender), birth, yearOnly, cccd), Today);
        Assert.Equal(error, result.Error?.Code);
    }

    [Fact]
    public void The_texts_are_normalized_and_measured_and_a_year_only_birth_is_1_january()
    {
        var cadre = NonMemberCadre.Register(3, Details(name: "  Trịnh   Thị Hoa ", birth: "1973-06-01", yearOnly: true, ethnicity: " "), Today).Value!;
        Assert.Equal("Trịnh Thị Hoa", cadre.FullName);
        Assert.Equal(new DateOnly(1973, 1, 1), cadre.BirthDate);
        Assert.Null(cadre.Ethnicity);
        Assert.Equal("cadre.length", NonMemberCadre.Register(3, Details(hometown: new string('x', 301)), Today).Error!.Code);
        Assert.Equal("cadre.length", NonMemberCadre.Register(3, Details(name: new string('x', 151)), Today).Error!.Code);
    }

    [Fact]
    public void A_refused_correction_changes_nothing()
    {
        var cadre = NonMemberCadre.Register(3, Details(), Today).Value!;
        Assert.False(cadre.Update(Details(name: "Tên mới", gender: null), Today).IsSuccess);
        Assert.Equal("Trịnh Thị Hoa", cadre.FullName);
        Assert.True(cadre.Update(Details(name: "Tên mới"), Today).IsSuccess);
        Assert.Equal("Tên mới", cadre.FullName);
    }

    [Fact]
    public void A_non_member_cadre_is_a_person_the_appointment_rules_take_and_is_never_unavailable_for_a_membership_status()
    {
        var person = CadrePerson.Of(NonMemberCadre.Register(3, Details(), Today).Value!);
        Assert.False(person.IsPartyMember);
        Assert.False(person.IsUnavailable);
        Assert.Null(person.MemberStatus);
        Assert.Equal("Ngoài Đảng", person.StatusText);
        var position = Position.Create(7, "Phó Chủ tịch", PositionLevel.Commune, BodyKind.State, "Ủy ban nhân dân phường", false, null, null).Value!;
        var created = Appointment.Create(person, position, AppointmentKind.Appointment, "15-QĐ/UBND", new DateOnly(2026, 1, 10),
            new DateOnly(2026, 1, 15), new DateOnly(2031, 1, 14), false, false, [], Today);
        Assert.True(created.IsSuccess, created.Error?.Message);
    }

    [Fact]
    public void A_member_whose_membership_ended_stays_unavailable_through_the_person()
    {
        var member = Member.Import(1, new Identity("Nguyễn Văn An", null, Gender.Male, new DateOnly(1975, 1, 1), false, null, null, null, null,
            "Kinh", null, null), MemberStatus.Official, new DateOnly(2000, 1, 1), new DateOnly(2000, 2, 1), new DateOnly(2001, 2, 1), null, "(kiểm thử)");
        CadrePerson person = member;
        Assert.True(person.IsPartyMember);
        Assert.False(person.IsUnavailable);
        Assert.Equal(MemberStatus.Official, person.MemberStatus);
    }
}
