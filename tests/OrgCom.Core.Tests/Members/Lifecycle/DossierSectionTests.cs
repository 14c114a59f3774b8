using OrgCom.Core.Members;
using static OrgCom.Core.Tests.Members.Lifecycle.LifecycleScenario;

namespace OrgCom.Core.Tests.Members.Lifecycle;

public class DossierSectionTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    // ---- Import.

    [Theory]
    [InlineData(MemberStatus.Probationary, null, null)]
    [InlineData(MemberStatus.Official, "2001-06-01", " 123456789 ")]
    public void Import_enters_the_member_as_recorded_with_only_the_admission_events(MemberStatus status, string? officialOn, string? card)
    {
        var m = Member.Import(Cell, Person("1970-07-15", yearOnly: true, citizenId: "001 070 012 345"), status, D("2000-05-19"),
            D("2000-06-01"), officialOn is null ? null : D(officialOn), card, "(kiểm thử)");

        Assert.Equal((Cell, status, (CandidateStage?)null), (m.OrganizationId, m.Status, m.CandidateStage));
        Assert.Equal((D("2000-05-19"), D("2000-06-01")), (m.AdmittedOn!.Value, m.CeremonyOn!.Value));
        Assert.Equal(officialOn is null ? (DateOnly?)null : D(officialOn), m.OfficialOn);
        Assert.Equal(card?.Trim(), m.PartyCardNumber);
        Assert.Equal(("Nguyễn Văn An", D("1970-01-01"), true, "001070012345"), (m.FullName, m.BirthDate, m.BirthYearOnly, m.CitizenId));
        Assert.Equal(officialOn is null ? [MemberEventKind.CeremonyHeld] : [MemberEventKind.CeremonyHeld, MemberEventKind.RecognizedOfficial],
            m.Events.Select(e => e.Kind));
        Assert.Empty(m.ActivityGaps());
        Assert.Null(m.EndedOn);
        Assert.Equal(0, m.Readmissions);
        Assert.True(m.IsCounted);
    }

    [Theory]
    [InlineData("", "1995-05-10", null, "member.name.required")]
    [InlineData("Nguyễn Văn Bình", "2027-01-01", null, "member.birth.future")]
    [InlineData("Nguyễn Văn Bình", "1899-01-01", null, "member.birth.early")]
    [InlineData("Nguyễn Văn Bình", "1995-05-10", "1234", "member.cccd.format")]
    [InlineData("Nguyễn Văn Bình", "1996-06-11", "001096012345", null)]
    public void UpdateIdentity_validates_like_registration_and_changes_nothing_when_refused(
        string fullName, string birth, string? citizenId, string? code)
    {
        var m = Imported();

        var result = m.UpdateIdentity(Person(birth, citizenId: citizenId, fullName: fullName), D("2026-03-01"));

        Assert.Equal(code, result.Error?.Code);
        var expected = code is null ? (fullName, D(birth), citizenId) : ("Nguyễn Văn An", D("1970-01-15"), "001095012345");
        Assert.Equal(expected, (m.FullName, m.BirthDate, m.CitizenId));
    }

    [Theory]
    [InlineData(51, 1, 1, "Họ trong họ và tên dài tối đa 50 ký tự (đã nhập 51).")]
    [InlineData(2, 81, 1, "Tên đệm trong họ và tên dài tối đa 80 ký tự (đã nhập 81).")]
    [InlineData(2, 1, 51, "Tên trong họ và tên dài tối đa 50 ký tự (đã nhập 51).")]
    [InlineData(50, 80, 50, null)]
    public void UpdateIdentity_refuses_a_name_whose_part_is_longer_than_its_place(int family, int middle, int given, string? message)
    {
        var m = Imported();
        var name = $"{new string('a', family)} {new string('b', middle)} {new string('c', given)}";

        var result = m.UpdateIdentity(Person(fullName: name), D("2026-03-01"));

        Assert.Equal(message, result.Error?.Message);
        Assert.Equal(message is null ? name : "Nguyễn Văn An", m.FullName);
    }

    // ---- Work history (quá trình công tác): months written MM/yyyy.

    private static readonly WorkHistoryEntry Previous = new("01/2000", "12/2009", "Nhân viên", "Sở Nội vụ");

    [Theory]
    [InlineData("03/2015", null, "Kỹ sư", "Công ty A", null)]
    [InlineData("3/2015", "12/2018", "Kỹ sư", "Công ty A", null)]
    [InlineData(" 03/2015 ", "03/2015", "Kỹ sư", "Công ty A", null)]
    [InlineData("03/2015", "  ", "Kỹ sư", "Công ty A", null)]
    [InlineData("03/2015", null, "  ", "Công ty A", null)]
    [InlineData("03/2015", null, "Kỹ sư", "", null)]
    [InlineData("2015-03", null, "Kỹ sư", "Công ty A", "member.month.format")]
    [InlineData("13/2015", null, "Kỹ sư", "Công ty A", "member.month.format")]
    [InlineData("03/15", null, "Kỹ sư", "Công ty A", "member.month.format")]
    [InlineData("03/1899", null, "Kỹ sư", "Công ty A", "member.month.format")]
    [InlineData("15/03/2015", null, "Kỹ sư", "Công ty A", "member.month.format")]
    [InlineData("", null, "Kỹ sư", "Công ty A", "member.month.format")]
    [InlineData("03/2015", "02/2015", "Kỹ sư", "Công ty A", "member.work.period")]
    [InlineData("03/2015", "12/2014", "Kỹ sư", "Công ty A", "member.work.period")]
    [InlineData("03/2015", "2016", "Kỹ sư", "Công ty A", "member.work.period")]
    [InlineData("03/2015", "00/2016", "Kỹ sư", "Công ty A", "member.work.period")]
    [InlineData("03/2015", null, "", "", "member.work.empty")]
    [InlineData("03/2015", "05/2016", "  ", " ", "member.work.empty")]
    public void UpdateWorkHistory_checks_the_months_the_period_and_the_content(
        string from, string? to, string position, string unit, string? code)
    {
        var m = Imported();
        Assert.True(m.UpdateWorkHistory([Previous]).IsSuccess);

        var result = m.UpdateWorkHistory([new WorkHistoryEntry(from, to, position, unit)]);

        Assert.Equal(code, result.Error?.Code);
        if (code is not null)
        {
            Assert.Equal([Previous], m.WorkHistory);
            return;
        }
        var entry = Assert.Single(m.WorkHistory);
        Assert.Equal(from.Trim(), entry.From);
        Assert.Equal(string.IsNullOrWhiteSpace(to) ? null : to.Trim(), entry.To);
        Assert.Equal((position.Trim(), unit.Trim()), (entry.Position, entry.Unit));
    }

    [Fact]
    public void One_bad_row_refuses_the_whole_work_history()
    {
        var m = Imported();
        Assert.True(m.UpdateWorkHistory([Previous]).IsSuccess);

        var result = m.UpdateWorkHistory([
            new WorkHistoryEntry("01/2010", "12/2014", "Chuyên viên", "Sở Tư pháp"),
            new WorkHistoryEntry("01/2015", "12/2014", "Trưởng phòng", "Sở Tư pháp"),
        ]);

        Assert.Equal("member.work.period", result.Error?.Code);
        Assert.Equal([Previous], m.WorkHistory);
    }

    // ---- Family (quan hệ gia đình). Relatives born from 1850 to the current year.

    [Theory]
    [InlineData("Cha", "Nguyễn Văn Bình", 1940, null)]
    [InlineData("Con", "Nguyễn Văn Cường", null, null)]
    [InlineData("Mẹ", "Trần Thị Dung", 1850, null)]
    [InlineData("Con", "Nguyễn Văn Cường", 2020, null)]
    [InlineData("Cha", "", 1940, "member.family.incomplete")]
    [InlineData("Cha", "   ", null, "member.family.incomplete")]
    [InlineData("", "Nguyễn Văn Bình", 1940, "member.family.incomplete")]
    [InlineData("Ông", "Nguyễn Văn Em", 1849, "member.family.birth")]
    [InlineData("Con", "Nguyễn Văn Cường", 2051, "member.family.birth")]
    [InlineData("Con", "Nguyễn Văn Cường", 0, "member.family.birth")]
    public void UpdateFamily_needs_relation_and_name_and_a_possible_birth_year(
        string relation, string fullName, int? birthYear, string? code)
    {
        var m = Imported();
        var previous = new Relative("Vợ", "Lê Thị Hoa", 1972, null, null);
        Assert.True(m.UpdateFamily([previous], Today).IsSuccess);

        var result = m.UpdateFamily([new Relative(relation, " " + fullName + " ", birthYear, " ", "Hà Nội")], Today);

        Assert.Equal(code, result.Error?.Code);
        if (code is not null)
        {
            Assert.Equal([previous], m.Family);
            return;
        }
        var r = Assert.Single(m.Family);
        Assert.Equal((relation, fullName, birthYear, (string?)null, "Hà Nội"), (r.Relation, r.FullName, r.BirthYear, r.Occupation, r.Residence));
    }

    [Fact]
    public void UpdateFamily_refuses_a_relative_born_in_the_future()
    {
        // A member born in 1995: the upper bound "birth year + 80" is 2075, so a year that has not come yet passes it.
        var m = Candidate();

        var result = m.UpdateFamily([new Relative("Con", "Nguyễn Văn Cường", 2060, null, null)], Today);

        Assert.Equal("member.family.birth", result.Error?.Code);
        Assert.Empty(m.Family);
    }

    // ---- Awards.

    [Fact]
    public void UpdateAwards_needs_the_form_and_normalizes_the_rows()
    {
        var m = Imported();
        Assert.True(m.UpdateAwards([new Award(" 2015 ", "  Giấy  khen ", "12/QĐ", "UBND")]).IsSuccess);

        var award = Assert.Single(m.Awards);
        Assert.Equal(("2015", "Giấy khen"), (award.Date, award.Form));

        Assert.Equal("member.award.incomplete",
            m.UpdateAwards([new Award("2016", "Bằng khen", null, null), new Award("2017", "  ", null, null)]).Error?.Code);
        Assert.Equal("Giấy khen", Assert.Single(m.Awards).Form);
    }

    // ---- Photo.

    [Theory]
    [InlineData(1, "image/jpeg", null)]
    [InlineData(Member.MaxPhotoBytes, "image/png", null)]
    [InlineData(0, "image/jpeg", "member.photo.size")]
    [InlineData(Member.MaxPhotoBytes + 1, "image/jpeg", "member.photo.size")]
    [InlineData(0, "image/gif", "member.photo.size")]
    [InlineData(100, "image/gif", "member.photo.type")]
    [InlineData(100, "image/webp", "member.photo.type")]
    [InlineData(100, "application/pdf", "member.photo.type")]
    public void SetPhoto_takes_a_jpeg_or_png_up_to_1_MB(int size, string contentType, string? code)
    {
        var m = Imported();

        var result = m.SetPhoto(new byte[size], contentType);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(code is null ? size : (int?)null, m.Photo?.Length);
        Assert.Equal(code is null ? contentType : null, m.PhotoContentType);
    }

    [Fact]
    public void RemovePhoto_clears_the_photo_and_its_type_and_refuses_when_there_is_none()
    {
        var m = Imported();
        Assert.True(m.SetPhoto(new byte[100], "image/png").IsSuccess);

        Assert.True(m.RemovePhoto().IsSuccess);
        Assert.Equal((null, null), (m.Photo, m.PhotoContentType));

        Assert.Equal("member.photo.none", m.RemovePhoto().Error?.Code);
    }

    // ---- Party card number: 6 to 20 digits, for probationary and official members only.

    [Theory]
    [InlineData(Point.Probationary, "123456", null, "123456")]
    [InlineData(Point.Official, "12345678901234567890", null, "12345678901234567890")]
    [InlineData(Point.Official, " 123 456 789 ", null, "123456789")]
    [InlineData(Point.Official, null, null, null)]
    [InlineData(Point.Official, "   ", null, null)]
    [InlineData(Point.Official, "12345", "member.card.format", "999999")]
    [InlineData(Point.Official, "123456789012345678901", "member.card.format", "999999")]
    [InlineData(Point.Official, "12345a", "member.card.format", "999999")]
    [InlineData(Point.Official, "123-456", "member.card.format", "999999")]
    [InlineData(Point.Official, "١٢٣٤٥٦", "member.card.format", "999999")]
    [InlineData(Point.Registered, "123456", "member.card.status", null)]
    [InlineData(Point.AdmissionDecided, "123456", "member.card.status", null)]
    [InlineData(Point.NotAdmitted, "123456", "member.card.status", null)]
    [InlineData(Point.Left, "123456", "member.card.status", "999999")]
    [InlineData(Point.Expelled, "123456", "member.card.status", "999999")]
    [InlineData(Point.Deceased, "123456", "member.card.status", "999999")]
    public void SetPartyCardNumber_checks_the_format_and_the_status(Point point, string? number, string? code, string? stored)
    {
        var m = point is Point.Official or Point.Left or Point.Expelled or Point.Deceased ? WithCard(point) : At(point);

        var result = m.SetPartyCardNumber(number);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(stored, m.PartyCardNumber);
    }

    /// <summary>A member at <paramref name="point"/> who was given card 999999 while official.</summary>
    private static Member WithCard(Point point)
    {
        var m = At(Point.Official);
        Assert.True(m.SetPartyCardNumber("999999").IsSuccess);
        switch (point)
        {
            case Point.Left:
                Assert.True(m.Leave(EndedOn, "9-QĐ/ĐU", null, Context).IsSuccess);
                break;
            case Point.Expelled:
                Assert.True(m.Discipline(DisciplineLevel.Expulsion, EndedOn, "9-QĐ/ĐU", null, Context).IsSuccess);
                break;
            case Point.Deceased:
                Assert.True(m.Die(EndedOn, Context).IsSuccess);
                break;
        }
        return m;
    }
}
