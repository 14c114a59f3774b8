using OrgCom.Core.Rules;
using OrgCom.Web.Features.Cadres;

namespace OrgCom.Web.Tests.Cadres;

public sealed class CadreQueriesTests
{
    private static readonly RuleBook Rules = RuleBookJson.Parse(File.ReadAllText(OrgCom.Web.Data.Seed.ReferenceData.PathOf("rules.json")));

    [Theory]
    // today, until; male ages (months) of the roadmap in force for those years; female ages
    [InlineData("2026-11-21", "2027-11-21", 738, 741, 684, 688)]
    [InlineData("2026-01-01", "2026-12-31", 738, 738, 684, 684)]
    [InlineData("2030-06-01", "2036-06-01", 744, 744, 700, 720)]
    public void The_forecast_reads_people_born_in_the_window_of_the_ages_in_force_from_today(
        string today, string until, int maleMin, int maleMax, int femaleMin, int femaleMax)
    {
        DateOnly from = DateOnly.Parse(today), to = DateOnly.Parse(until);

        var window = CadreQueries.BirthWindow(from, to, Rules);

        // Not the superseded 60/55 years of before 2021, which would widen it by years.
        Assert.Equal((from.AddMonths(-maleMax - 1), to.AddMonths(-maleMin)), window.Male);
        Assert.Equal((from.AddMonths(-femaleMax - 1), to.AddMonths(-femaleMin)), window.Female);
    }
}
