using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class PositionAppointmentTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData("Bí thư", "Party", null, null, null, null)]
    [InlineData("  ", "Party", null, null, null, "position.name.required")]
    [InlineData("Chủ tịch", "State", null, null, null, "position.body.required")]
    [InlineData("Chủ tịch", "State", "Ủy ban nhân dân tỉnh", "Advanced", null, "position.standard.required")]
    [InlineData("Chủ tịch", "State", "Ủy ban nhân dân tỉnh", "None", "Quy định 214-QĐ/TW", "position.theory.invalid")]
    [InlineData("Chủ tịch", "State", "Ủy ban nhân dân tỉnh", "Advanced", "Quy định 214-QĐ/TW", null)]
    public void A_position_needs_a_name_its_body_and_the_source_of_a_requirement(
        string name, string body, string? bodyName, string? theory, string? source, string? error)
    {
        var result = Position.Create(1, name, PositionLevel.Provincial, Enum.Parse<BodyKind>(body), bodyName, false,
            theory is null ? null : Enum.Parse<PoliticalTheoryLevel>(theory), source);
        Assert.Equal(error, result.Error?.Code);
    }

    [Theory]
    [InlineData(PositionRank.Head, null)]
    [InlineData(PositionRank.Other, null)]
    [InlineData((PositionRank)17, "position.rank.required")]
    public void A_position_has_a_rank_within_its_level_that_can_be_changed(PositionRank rank, string? error)
    {
        Assert.Equal(error, Position.Create(1, "Bí thư", PositionLevel.Commune, BodyKind.Party, null, true, null, null, rank).Error?.Code);
        var position = Position.Create(1, "Bí thư", PositionLevel.Commune, BodyKind.Party, null, true, null, null).Value!;
        Assert.Equal(PositionRank.Other, position.Rank);
        Assert.Equal(error, position.ChangeRank(rank).Error?.Code);
        Assert.Equal(error is null ? rank : PositionRank.Other, position.Rank);
    }

    private static Member Official() => Member.Import(1, new Identity("Nguyễn Văn An", null, Gender.Male, new DateOnly(1975, 1, 1), false,
        null, null, null, null, "Kinh", null, null), MemberStatus.Official, new DateOnly(2000, 1, 1), new DateOnly(2000, 2, 1), new DateOnly(2001, 2, 1), null, "(kiểm thử)");

    private static Position Post(long id)
    {
        var p = Position.Create(7, "Giám đốc", PositionLevel.ProvincialDepartment, BodyKind.State, "Sở Nội vụ", false, null, null).Value!;
        typeof(Position).GetProperty(nameof(Position.Id))!.SetValue(p, id);
        return p;
    }

    [Theory]
    [InlineData("15-QĐ/TU", "2026-01-10", "2026-01-15", "2031-01-14", false, null)]
    [InlineData("", "2026-01-10", "2026-01-15", "2031-01-14", false, "document.number.empty")]
    [InlineData("quyết định 15", "2026-01-10", "2026-01-15", "2031-01-14", false, "document.number.format")]
    [InlineData("15-QĐ/TU", "2026-12-10", "2026-12-15", "2031-12-14", false, "appointment.decision.future")]
    [InlineData("15-QĐ/TU", "2026-01-10", "2026-01-09", "2031-01-14", false, "appointment.start.early")]
    [InlineData("15-QĐ/TU", "2026-01-10", "2026-01-15", "2026-01-15", false, "appointment.term.end")]
    public void An_appointment_needs_its_decision_and_consistent_dates(
        string decision, string decided, string start, string end, bool concurrent, string? error)
    {
        var result = Appointment.Create(Official(), Post(5), AppointmentKind.Appointment, decision, DateOnly.Parse(decided),
            DateOnly.Parse(start), DateOnly.Parse(end), concurrent, false, [], Today);
        Assert.Equal(error, result.Error?.Code);
        if (error is null)
        {
            Assert.Equal(7, result.Value!.OrganizationId);
            Assert.Equal("Giám đốc · Sở Nội vụ", result.Value.PositionName);
        }
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, false, "appointment.principal")]   // a second principal post
    [InlineData(true, true, null)]                       // concurrent: allowed
    public void One_principal_post_at_a_time_concurrent_ones_beside_it(bool holdsPrincipal, bool concurrent, string? error)
    {
        var held = holdsPrincipal ? new List<HeldPost> { new(1, 9, "Phó Giám đốc", false) } : [];
        var result = Appointment.Create(Official(), Post(5), AppointmentKind.Appointment, "15-QĐ/TU", new DateOnly(2026, 1, 10),
            new DateOnly(2026, 1, 15), new DateOnly(2031, 1, 14), concurrent, false, held, Today);
        Assert.Equal(error, result.Error?.Code);
    }

    [Fact]
    public void The_same_position_twice_is_refused_and_an_end_needs_a_reason_and_a_later_date()
    {
        var held = new List<HeldPost> { new(1, 5, "Giám đốc", true) };
        Assert.Equal("appointment.duplicate", Appointment.Create(Official(), Post(5), AppointmentKind.Appointment, "15-QĐ/TU",
            new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 15), new DateOnly(2031, 1, 14), true, false, held, Today).Error!.Code);

        var appointment = Appointment.Create(Official(), Post(5), AppointmentKind.Appointment, "15-QĐ/TU",
            new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 15), new DateOnly(2031, 1, 14), false, true, [], Today).Value!;
        Assert.Equal("appointment.end.reason", appointment.End(new DateOnly(2026, 6, 1), " ").Error!.Code);
        Assert.Equal("appointment.end.early", appointment.End(new DateOnly(2026, 1, 1), "Nghỉ hưu").Error!.Code);
        Assert.True(appointment.End(new DateOnly(2026, 6, 1), "Điều động").IsSuccess);
        Assert.Equal("appointment.ended", appointment.End(new DateOnly(2026, 7, 1), "Lần nữa").Error!.Code);
    }

    /// <summary>Nguyễn Văn An, born 01/01/1975, retires at the end of 31/01/2037 (62 years, reached on 01/01/2037).</summary>
    private static RetirementSchedule AnRetires => Retirement.For(Gender.Male, new DateOnly(1975, 1, 1), false, ReferenceData.Rules).Value!;

    [Theory]
    // kind, term end: appointed terms and extensions end by retirement; elected terms follow the congress
    [InlineData(AppointmentKind.Appointment, "2037-01-31", null)]
    [InlineData(AppointmentKind.Appointment, "2037-02-01", "appointment.term.retirement")]
    [InlineData(AppointmentKind.Reappointment, "2038-01-31", "appointment.term.retirement")]
    [InlineData(AppointmentKind.Extension, "2037-02-01", "appointment.term.retirement")]
    [InlineData(AppointmentKind.Extension, "2037-01-31", null)]
    [InlineData(AppointmentKind.Election, "2038-01-31", null)]
    public void A_term_does_not_run_past_retirement(AppointmentKind kind, string termEnd, string? error)
    {
        var result = Appointment.Create(Official(), Post(5), kind, "15-QĐ/TU", new DateOnly(2033, 1, 10), new DateOnly(2033, 1, 10),
            DateOnly.Parse(termEnd), false, false, [], new DateOnly(2033, 1, 10), AnRetires);

        Assert.Equal(error, result.Error?.Code);
        if (error is not null)
            Assert.Contains("31/01/2037", result.Error!.Message);
    }

    [Theory]
    // kind, start: an empty term end is the rule's term, cut at retirement; an extension runs to retirement
    [InlineData(AppointmentKind.Appointment, "2026-03-15", "2031-03-14")]
    [InlineData(AppointmentKind.Reappointment, "2034-01-01", "2037-01-31")]
    [InlineData(AppointmentKind.Extension, "2036-01-01", "2037-01-31")]
    [InlineData(AppointmentKind.Election, "2034-01-01", "2038-12-31")]
    public void The_default_term_end_is_the_rules_term_not_beyond_retirement(AppointmentKind kind, string start, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Appointment.DefaultTermEnd(kind, DateOnly.Parse(start), AnRetires, ReferenceData.Rules));
    }
}
