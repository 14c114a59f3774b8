using OrgCom.Core.Rules;

namespace OrgCom.Core.Tests.Rules;

public class RuleAmendmentsTests
{
    private const string Key = RuleKey.ProbationMonths;
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RuleValue V(string value, string from, string? to) =>
        new(Key, value, D(from), to is null ? null : D(to), $"Văn bản {value}", "Ghi chú", true);

    private static readonly RuleValue[] Current = [V("10", "2021-07-30", "2025-07-01"), V("12", "2025-07-01", null)];

    private static RuleVersionDraft Draft(string value, string from, string? source = "Quy định 999-QĐ/TW") =>
        new(value, D(from), source, "Ghi chú mới", IsConfirmed: true);

    private static string Show(IReadOnlyList<RuleValue> versions) =>
        string.Join(" | ", versions.Select(v => $"{v.Value} {v.EffectiveFrom:yyyy-MM-dd}..{v.EffectiveTo:yyyy-MM-dd}"));

    [Theory]
    [InlineData("2027-01-01", "10 2021-07-30..2025-07-01 | 12 2025-07-01..2027-01-01 | 18 2027-01-01..")]
    [InlineData("2026-11-21", "10 2021-07-30..2025-07-01 | 12 2025-07-01..2026-11-21 | 18 2026-11-21..")]
    public void A_new_version_closes_the_open_ended_one_on_its_first_day(string from, string expected)
    {
        var result = RuleAmendments.Add(Key, Current, Draft("18", from), Today);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, Show(result.Value!));
        var book = new RuleBook(result.Value!);
        Assert.Equal("12", book.Get(Key, D(from).AddDays(-1)).Value);
        Assert.Equal("18", book.Get(Key, D(from)).Value);
        Assert.Equal("Quy định 999-QĐ/TW", book.Get(Key, D(from)).Source);
    }

    [Fact]
    public void A_version_between_two_others_ends_where_the_one_it_splits_ended()
    {
        var withFuture = RuleAmendments.Add(Key, Current, Draft("18", "2027-06-01"), Today).Value!;

        var result = RuleAmendments.Add(Key, withFuture, Draft("15", "2027-01-01"), Today);

        Assert.Equal("10 2021-07-30..2025-07-01 | 12 2025-07-01..2027-01-01 | 15 2027-01-01..2027-06-01 | 18 2027-06-01..",
            Show(result.Value!));
    }

    [Theory]
    [InlineData("2026-11-20", "rule.past")]
    [InlineData("2025-07-01", "rule.past")]
    public void No_version_starts_before_today(string from, string code)
    {
        Assert.Equal(code, RuleAmendments.Add(Key, Current, Draft("18", from), Today).Error!.Code);
    }

    [Fact]
    public void A_second_version_on_the_same_day_is_refused()
    {
        var withFuture = RuleAmendments.Add(Key, Current, Draft("18", "2027-01-01"), Today).Value!;

        var result = RuleAmendments.Add(Key, withFuture, Draft("24", "2027-01-01"), Today);

        Assert.Equal("rule.duplicate", result.Error!.Code);
        Assert.Contains("01/01/2027", result.Error.Message);
    }

    [Theory]
    [InlineData("mười tám", "Quy định 999-QĐ/TW", "rule.value.format")]
    [InlineData("18", " ", "rule.source.required")]
    [InlineData("18", null, "rule.source.required")]
    public void A_bad_value_or_a_missing_source_is_refused(string value, string? source, string code)
    {
        Assert.Equal(code, RuleAmendments.Add(Key, Current, Draft(value, "2027-01-01", source), Today).Error!.Code);
    }

    [Theory]
    [InlineData("2025-07-01")]
    [InlineData("2021-07-30")]
    public void A_version_already_applied_is_history(string from)
    {
        Assert.Equal("rule.history", RuleAmendments.Correct(Key, Current, D(from), Draft("18", "2027-01-01"), Today).Error!.Code);
        Assert.Equal("rule.history", RuleAmendments.Withdraw(Key, Current, D(from), Today).Error!.Code);
    }

    [Fact]
    public void A_future_version_can_be_corrected_in_value_and_date()
    {
        var withFuture = RuleAmendments.Add(Key, Current, Draft("18", "2027-01-01"), Today).Value!;

        var corrected = RuleAmendments.Correct(Key, withFuture, D("2027-01-01"), Draft("16", "2027-03-01", "Quy định 1000-QĐ/TW"), Today);

        Assert.True(corrected.IsSuccess, corrected.Error?.Message);
        Assert.Equal("10 2021-07-30..2025-07-01 | 12 2025-07-01..2027-03-01 | 16 2027-03-01..", Show(corrected.Value!));
        Assert.Equal("Quy định 1000-QĐ/TW", corrected.Value![^1].Source);
    }

    [Fact]
    public void A_correction_cannot_move_a_version_into_the_past_or_onto_another()
    {
        var two = RuleAmendments.Add(Key, RuleAmendments.Add(Key, Current, Draft("18", "2027-01-01"), Today).Value!,
            Draft("24", "2027-06-01"), Today).Value!;

        Assert.Equal("rule.past", RuleAmendments.Correct(Key, two, D("2027-01-01"), Draft("18", "2026-01-01"), Today).Error!.Code);
        Assert.Equal("rule.duplicate", RuleAmendments.Correct(Key, two, D("2027-01-01"), Draft("18", "2027-06-01"), Today).Error!.Code);
    }

    [Fact]
    public void Withdrawing_a_future_version_lets_the_previous_one_apply_again()
    {
        var two = RuleAmendments.Add(Key, RuleAmendments.Add(Key, Current, Draft("18", "2027-01-01"), Today).Value!,
            Draft("24", "2027-06-01"), Today).Value!;

        var first = RuleAmendments.Withdraw(Key, two, D("2027-01-01"), Today);
        Assert.Equal("10 2021-07-30..2025-07-01 | 12 2025-07-01..2027-06-01 | 24 2027-06-01..", Show(first.Value!));

        var last = RuleAmendments.Withdraw(Key, first.Value!, D("2027-06-01"), Today);
        Assert.Equal(Show(Current), Show(last.Value!));
    }

    [Fact]
    public void A_version_with_nothing_before_it_is_corrected_rather_than_withdrawn()
    {
        RuleValue[] only = [V("12", "2027-01-01", null)];

        Assert.Equal("rule.withdraw.no_previous", RuleAmendments.Withdraw(Key, only, D("2027-01-01"), Today).Error!.Code);
        Assert.Equal("rule.version.not_found", RuleAmendments.Withdraw(Key, only, D("2027-02-01"), Today).Error!.Code);
    }
}
