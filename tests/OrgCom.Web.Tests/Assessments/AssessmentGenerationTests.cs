using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Core.Members;
using OrgCom.Web.Data.Generate;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Assessments;

public sealed class AssessmentGenerationTests : AppTest
{
    [Fact]
    public async Task Generate_refuses_a_database_that_is_not_generated_and_writes_nothing()
    {
        var generator = new AssessmentGenerator(TestDatabase.ConnectionString(DatabaseName), TextWriter.Null);
        var result = await generator.RunAsync(2025, 7, CancellationToken.None);
        Assert.Equal(AssessmentGenerator.NotGenerated, result.Error);
        Assert.Contains("không phải dữ liệu sinh", result.Error!.Message);
        Assert.False(await WithDbAsync(db => db.AssessmentRounds.AnyAsync()));
        Assert.False(await WithDbAsync(db => db.OrganizationAssessments.AnyAsync()));
    }

    [Fact]
    public async Task Generate_fills_one_years_ratings_whose_counts_add_up_and_the_report_reads_them()
    {
        var national = new NationalGenerator(TestDatabase.ConnectionString(DatabaseName), TimeProvider.System, TextWriter.Null);
        Assert.True((await national.RunAsync(new GenerationOptions(3000, 400, 7), CancellationToken.None)).IsSuccess);
        var generator = new AssessmentGenerator(TestDatabase.ConnectionString(DatabaseName), TextWriter.Null);
        var round = await generator.RunAsync(2025, 7, CancellationToken.None);
        Assert.True(round.IsSuccess, round.Error?.Message);

        var counted = await WithDbAsync(db => db.Members.CountAsync(m => MemberStatuses.Counted.Contains(m.Status) && m.AdmittedOn <= new DateOnly(2025, 12, 31)));
        var ratings = await WithDbAsync(db => db.MemberRatings.CountAsync());
        Assert.Equal(counted, ratings);
        var sums = await WithDbAsync(db => db.OrganizationAssessments.GroupBy(_ => 1).Select(g => new
        {
            Required = g.Sum(a => a.RequiredCount), Rated = g.Sum(a => a.ExcellentCount + a.GoodCount + a.CompletedCount + a.NotCompletedCount),
            NotAssessed = g.Sum(a => a.NotAssessedCount),
        }).SingleAsync());
        Assert.Equal(ratings, sums.Required);
        Assert.Equal(ratings, sums.Rated + sums.NotAssessed);
        var excellent = await WithDbAsync(db => db.MemberRatings.CountAsync(r => r.FinalLevel == QualityLevel.Excellent));
        Assert.InRange(excellent, ratings * 5 / 100, ratings * 15 / 100);
        Assert.True(await WithDbAsync(db => db.OrganizationRatings.AnyAsync()));

        // A second run for the same year is refused and changes nothing.
        Assert.Equal(AssessmentGenerator.AlreadyThere(2025), (await generator.RunAsync(2025, 7, CancellationToken.None)).Error);
        Assert.Equal(ratings, await WithDbAsync(db => db.MemberRatings.CountAsync()));

        // The national report adds them up.
        var admin = await SignInAsync("admin");
        var page = await GetDocumentAsync(admin, "/Assessments/Report?year=2025");
        var total = page.QuerySelector("[data-testid=total]")!.TextContent;
        Assert.Contains(sums.Required.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), total);
    }
}
