using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Tests.Rules;

namespace OrgCom.Core.Tests.Cadres;

public class RotationTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly RotationOrigin Origin = new(5, 10, "Phó Chủ tịch · Ủy ban nhân dân phường Ba Đình", PositionLevel.Commune);

    private static Member Cadre(MemberStatus status = MemberStatus.Official)
    {
        var member = Member.Import(1, new Identity("Nguyễn Văn An", null, Gender.Male, new DateOnly(1980, 1, 1), false, null, null, null,
            null, "Kinh", null, null), MemberStatus.Official, new DateOnly(2000, 1, 1), new DateOnly(2000, 2, 1), new DateOnly(2001, 2, 1), null, "(kiểm thử)");
        // A member who left or died is reached through the lifecycle; only the status matters here.
        typeof(Member).GetProperty(nameof(Member.Status))!.SetValue(member, status);
        return member;
    }

    [Theory]
    [InlineData("Commune", "Provincial", "Up")]
    [InlineData("Commune", "ProvincialDepartment", "Up")]
    [InlineData("Provincial", "Commune", "Down")]
    [InlineData("Grassroots", "Central", "Up")]
    [InlineData("Commune", "Commune", "Sideways")]
    [InlineData("Commune", null, null)]
    public void The_direction_follows_the_levels_of_both_posts(string from, string? to, string? expected)
    {
        var direction = Rotation.DirectionOf(Enum.Parse<PositionLevel>(from), to is null ? null : Enum.Parse<PositionLevel>(to));
        Assert.Equal(expected, direction?.ToString());
    }

    [Theory]
    // organization, position, level, chosen direction, number, decision, start, planned end, purpose, expected error
    [InlineData(20L, "Phó Bí thư Tỉnh ủy", "Provincial", null, "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2029-10-31", "Đào tạo", null)]
    [InlineData(20L, "Phó Bí thư Tỉnh ủy", null, "Sideways", "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2029-10-31", "Đào tạo", null)]
    [InlineData(20L, "Phó Bí thư Tỉnh ủy", null, null, "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2029-10-31", "Đào tạo", "rotation.direction")]
    [InlineData(10L, "Phó Bí thư", "Commune", null, "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2029-10-31", "Đào tạo", "rotation.same_organization")]
    [InlineData(20L, " ", "Commune", null, "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2029-10-31", "Đào tạo", "rotation.to_position")]
    [InlineData(20L, "Phó Bí thư", "Commune", null, "số 1234", "2026-10-01", "2026-11-01", "2029-10-31", "Đào tạo", "document.number.format")]
    [InlineData(20L, "Phó Bí thư", "Commune", null, "1234-QĐ/TW", "2026-11-22", "2026-11-22", "2029-10-31", "Đào tạo", "appointment.decision.future")]
    [InlineData(20L, "Phó Bí thư", "Commune", null, "1234-QĐ/TW", "2026-10-01", "2026-09-30", "2029-10-31", "Đào tạo", "rotation.start.early")]
    [InlineData(20L, "Phó Bí thư", "Commune", null, "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2026-11-01", "Đào tạo", "rotation.end.early")]
    [InlineData(20L, "Phó Bí thư", "Commune", null, "1234-QĐ/TW", "2026-10-01", "2026-11-01", "2029-10-31", "  ", "rotation.purpose")]
    public void A_rotation_needs_a_destination_a_decision_a_period_and_a_purpose(long to, string position, string? level, string? chosen,
        string number, string decided, string start, string end, string purpose, string? error)
    {
        var result = Rotation.Create(Cadre(), Origin, to, position, level is null ? null : Enum.Parse<PositionLevel>(level),
            chosen is null ? null : Enum.Parse<RotationDirection>(chosen), number, DateOnly.Parse(decided), DateOnly.Parse(start),
            DateOnly.Parse(end), purpose, [], Today);
        Assert.Equal(error, result.Error?.Code);
        if (error is null)
        {
            Assert.Equal(10, result.Value!.FromOrganizationId);
            Assert.Equal("1234-QĐ/TW", result.Value.DecisionNumber);
        }
    }

    [Fact]
    public void The_derived_direction_wins_over_a_chosen_one()
    {
        var result = Rotation.Create(Cadre(), Origin, 20, "Phó Bí thư Tỉnh ủy", PositionLevel.Provincial, RotationDirection.Down,
            "1-QĐ/TW", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), new DateOnly(2029, 10, 31), "Đào tạo", [], Today);
        Assert.Equal(RotationDirection.Up, result.Value!.Direction);
    }

    [Fact]
    public void Someone_without_a_post_in_scope_or_no_longer_a_member_is_not_rotated()
    {
        Rotation.Create(Cadre(), null, 20, "Phó Bí thư", PositionLevel.Commune, null, "1-QĐ/TW", new DateOnly(2026, 10, 1),
            new DateOnly(2026, 11, 1), new DateOnly(2029, 10, 31), "Đào tạo", [], Today).Error!.Code.ShouldBe("rotation.not_cadre");
        Rotation.Create(Cadre(MemberStatus.Deceased), Origin, 20, "Phó Bí thư", PositionLevel.Commune, null, "1-QĐ/TW", new DateOnly(2026, 10, 1),
            new DateOnly(2026, 11, 1), new DateOnly(2029, 10, 31), "Đào tạo", [], Today).Error!.Code.ShouldBe("appointment.member.status");
    }

    [Theory]
    // another rotation of the cadre (start, last day) against 01/11/2026–31/10/2029
    [InlineData("2023-01-01", "2026-10-31", null)]
    [InlineData("2023-01-01", "2026-11-01", "rotation.overlap")]
    [InlineData("2029-10-31", "2031-01-01", "rotation.overlap")]
    [InlineData("2029-11-01", "2031-01-01", null)]
    [InlineData("2027-01-01", "2027-06-01", "rotation.overlap")]
    public void One_cadre_is_rotated_to_one_place_at_a_time(string otherStart, string otherEnd, string? error)
    {
        var result = Rotation.Create(Cadre(), Origin, 20, "Phó Bí thư", PositionLevel.Commune, null, "1-QĐ/TW", new DateOnly(2026, 10, 1),
            new DateOnly(2026, 11, 1), new DateOnly(2029, 10, 31), "Đào tạo", [new RotationPeriod(9, DateOnly.Parse(otherStart), DateOnly.Parse(otherEnd))], Today);
        Assert.Equal(error, result.Error?.Code);
    }

    [Theory]
    [InlineData("2027-03-01", "Trở về, giữ chức vụ cũ", null)]
    [InlineData("2026-11-01", "Trở về", null)]
    [InlineData("2026-10-31", "Trở về", "rotation.return.early")]
    [InlineData("2027-03-01", " ", "rotation.placement")]
    [InlineData("2027-12-01", "Trở về", "rotation.return.future")]
    public void The_return_is_after_the_start_not_in_the_future_and_says_where_to(string on, string placement, string? error)
    {
        var rotation = Rotation.Create(Cadre(), Origin, 20, "Phó Bí thư", PositionLevel.Commune, null, "1-QĐ/TW", new DateOnly(2026, 10, 1),
            new DateOnly(2026, 11, 1), new DateOnly(2029, 10, 31), "Đào tạo", [], Today).Value!;
        var result = rotation.Return(DateOnly.Parse(on), placement, new DateOnly(2027, 6, 1));
        Assert.Equal(error, result.Error?.Code);
        Assert.Equal(error is null, rotation.IsFinished);
        if (error is null)
            Assert.Equal("rotation.returned", rotation.Return(DateOnly.Parse(on), placement, new DateOnly(2027, 6, 1)).Error?.Code);
    }

    [Theory]
    [InlineData("2026-01-01", "2028-12-31", 36, false)]
    [InlineData("2026-01-15", "2029-01-14", 36, false)]
    [InlineData("2026-01-15", "2029-01-13", 35, true)]
    [InlineData("2026-11-01", "2027-10-31", 12, true)]
    public void A_period_shorter_than_the_usual_minimum_is_flagged_with_the_rule(string start, string end, int months, bool flagged)
    {
        var rotation = Rotation.Create(Cadre(), Origin, 20, "Phó Bí thư", PositionLevel.Commune, null, "1-QĐ/TW", new DateOnly(2025, 10, 1),
            DateOnly.Parse(start), DateOnly.Parse(end), "Đào tạo", [], Today).Value!;
        Assert.Equal(months, rotation.PlannedMonths);
        var warning = rotation.ShortPeriodWarning(ReferenceData.Rules);
        Assert.Equal(flagged, warning is not null);
        if (flagged)
            Assert.Contains("Quy định 65-QĐ/TW", warning);
    }

    [Theory]
    [InlineData("2026-12-01", "Planned")]
    [InlineData("2026-11-21", "Current")]
    public void The_state_depends_on_the_day(string start, string state)
    {
        var rotation = Rotation.Create(Cadre(), Origin, 20, "Phó Bí thư", PositionLevel.Commune, null, "1-QĐ/TW", new DateOnly(2026, 10, 1),
            DateOnly.Parse(start), new DateOnly(2029, 10, 31), "Đào tạo", [], Today).Value!;
        Assert.Equal(state, rotation.StateOn(Today).ToString());
    }
}

internal static class RotationAssertions
{
    public static void ShouldBe(this string actual, string expected) => Assert.Equal(expected, actual);
}
