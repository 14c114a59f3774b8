using OrgCom.Core.Members;

namespace OrgCom.Core.Tests.Members;

public sealed class ImportTests
{
    private static readonly Identity Person = new("Nguyễn Văn Nhập", null, Gender.Male, new DateOnly(1970, 1, 15), false,
        null, null, null, null, "Kinh", null, null);

    public static TheoryData<MemberStatus, string?, MemberEventKind[]> Cases => new()
    {
        // The ceremony and the recognition become dated events, so statistics at past dates count the member.
        { MemberStatus.Official, "2001-03-01", [MemberEventKind.CeremonyHeld, MemberEventKind.RecognizedOfficial] },
        { MemberStatus.Probationary, null, [MemberEventKind.CeremonyHeld] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_import_records_the_admission_events(MemberStatus status, string? officialOn, MemberEventKind[] expected)
    {
        var official = officialOn is null ? (DateOnly?)null : DateOnly.Parse(officialOn);
        var member = Member.Import(7, Person, status, new DateOnly(2000, 2, 1), new DateOnly(2000, 3, 1), official, null, "(nhập)");
        Assert.Equal(expected, member.Events.Select(e => e.Kind));
        Assert.All(member.Events, e => Assert.Equal(7, e.OrganizationId));
        Assert.All(member.Events, e => Assert.Equal("(nhập)", e.RecordedBy));
        Assert.Equal(new DateOnly(2000, 3, 1), member.Events[0].EffectiveOn);
        if (expected.Length > 1)
            Assert.Equal(official, member.Events[1].EffectiveOn);
    }

    public static TheoryData<MemberStatus, string?, string> Refused => new()
    {
        // Statuses whose events (an ending, or no ceremony at all) an import does not record: the statistics would
        // count them admitted and never gone (a death, a departure) or gone before their ceremony (a candidate).
        { MemberStatus.Candidate, null, "(nhập)" },
        { MemberStatus.Deceased, "2001-03-01", "(nhập)" },
        { MemberStatus.Left, "2001-03-01", "(nhập)" },
        { MemberStatus.Removed, null, "(nhập)" },
        { MemberStatus.Expelled, "2001-03-01", "(nhập)" },
        { MemberStatus.NotAdmitted, null, "(nhập)" },
        // Official without the recognition date, probationary with one.
        { MemberStatus.Official, null, "(nhập)" },
        { MemberStatus.Probationary, "2001-03-01", "(nhập)" },
        // Nobody recording it.
        { MemberStatus.Official, "2001-03-01", " " },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_import_that_the_statistics_could_not_count_right_is_refused(MemberStatus status, string? officialOn, string recordedBy)
    {
        var official = officialOn is null ? (DateOnly?)null : DateOnly.Parse(officialOn);
        Assert.Throws<ArgumentException>(() =>
            Member.Import(7, Person, status, new DateOnly(2000, 2, 1), new DateOnly(2000, 3, 1), official, null, recordedBy));
    }
}
