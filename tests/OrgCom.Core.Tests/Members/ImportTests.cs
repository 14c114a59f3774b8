using OrgCom.Core.Members;

namespace OrgCom.Core.Tests.Members;

public sealed class ImportTests
{
    private static readonly Identity Person = new("Nguyễn Văn Nhập", null, Gender.Male, new DateOnly(1970, 1, 15), false,
        null, null, null, null, "Kinh", null, null);

    public static TheoryData<MemberStatus, string?, string?, MemberEventKind[]> Cases => new()
    {
        // Without an actor nothing is recorded (the record as the registry held it).
        { MemberStatus.Official, "2001-03-01", null, [] },
        // With one, the ceremony and the recognition become dated events, so statistics at past dates count the member.
        { MemberStatus.Official, "2001-03-01", "(nhập)", [MemberEventKind.CeremonyHeld, MemberEventKind.RecognizedOfficial] },
        { MemberStatus.Probationary, null, "(nhập)", [MemberEventKind.CeremonyHeld] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_import_records_the_admission_events_only_when_told_who_records_them(
        MemberStatus status, string? officialOn, string? recordedBy, MemberEventKind[] expected)
    {
        var official = officialOn is null ? (DateOnly?)null : DateOnly.Parse(officialOn);
        var member = Member.Import(7, Person, status, new DateOnly(2000, 2, 1), new DateOnly(2000, 3, 1), official, null, recordedBy);
        Assert.Equal(expected, member.Events.Select(e => e.Kind));
        Assert.All(member.Events, e => Assert.Equal(7, e.OrganizationId));
        if (expected.Length > 0)
            Assert.Equal(new DateOnly(2000, 3, 1), member.Events[0].EffectiveOn);
        if (expected.Length > 1)
            Assert.Equal(official, member.Events[1].EffectiveOn);
    }
}
