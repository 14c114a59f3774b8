using OrgCom.Core.Rules;

namespace OrgCom.Core.Tests.Rules;

public class RuleValueTextTests
{
    [Theory]
    [InlineData(RuleKey.ProbationMonths, " 12 ", "12")]
    [InlineData(RuleKey.ProbationMonths, "+18", "18")]
    [InlineData(RuleKey.BadgeMilestonesYears, "30, 40 ,45", "30,40,45")]
    [InlineData(RuleKey.BadgePresentationDays, " 02-03 , 05-19", "02-03,05-19")]
    [InlineData(RuleKey.BadgePresentationDays, "02-29", "02-29")]
    [InlineData(RuleKey.DisciplineProbationaryAllowed, "Reprimand, Warning", "Reprimand,Warning")]
    [InlineData(RuleKey.PlanningHigherThanHeld, "Principal, Concurrent", "Principal,Concurrent")]
    [InlineData("unknown.key", " bất kỳ ", "bất kỳ")]
    public void A_readable_value_is_stored_in_the_form_the_rule_data_uses(string key, string typed, string stored)
    {
        var value = RuleValueText.Normalize(key, typed);

        Assert.True(value.IsSuccess, value.Error?.Message);
        Assert.Equal(stored, value.Value);
        var book = new RuleBook([new RuleValue(key, value.Value!, new DateOnly(2027, 1, 1), null, "Nguồn", "", true)]);
        Assert.Single(book.Values);
    }

    [Theory]
    [InlineData(RuleKey.ProbationMonths, "mười hai", "rule.value.format")]
    [InlineData(RuleKey.ProbationMonths, "12.5", "rule.value.format")]
    [InlineData(RuleKey.ProbationMonths, "0", "rule.value.format")]
    [InlineData(RuleKey.ProbationMonths, "-3", "rule.value.format")]
    [InlineData(RuleKey.ProbationMonths, "  ", "rule.value.required")]
    [InlineData(RuleKey.ProbationMonths, null, "rule.value.required")]
    [InlineData(RuleKey.BadgeMilestonesYears, "30,40,40", "rule.value.format")]
    [InlineData(RuleKey.BadgeMilestonesYears, "30,bốn mươi", "rule.value.format")]
    [InlineData(RuleKey.BadgeMilestonesYears, ",", "rule.value.format")]
    [InlineData(RuleKey.BadgePresentationDays, "31-02", "rule.value.format")]
    [InlineData(RuleKey.BadgePresentationDays, "03/02", "rule.value.format")]
    [InlineData(RuleKey.DisciplineProbationaryAllowed, "Reprimand,Expel", "rule.value.format")]
    [InlineData(RuleKey.PlanningHigherThanHeld, "Principal,Deputy", "rule.value.format")]
    public void An_unreadable_value_is_refused_with_what_the_rule_expects(string key, string? typed, string code)
    {
        var value = RuleValueText.Normalize(key, typed);

        Assert.False(value.IsSuccess);
        Assert.Equal(code, value.Error!.Code);
    }

    [Fact]
    public void The_message_says_what_was_typed_and_what_is_expected()
    {
        Assert.Equal("Giá trị \"mười hai\" không hợp lệ: cần một số nguyên dương, ví dụ 12.",
            RuleValueText.Normalize(RuleKey.ProbationMonths, "mười hai").Error!.Message);
        Assert.Contains("Warning (cảnh cáo)", RuleValueText.Hint(RuleKey.DisciplineProbationaryAllowed));
    }
}
