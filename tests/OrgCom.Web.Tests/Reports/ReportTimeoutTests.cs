namespace OrgCom.Web.Tests.Reports;

/// <summary>A report the database cannot compute within its time limit: the page says so in Vietnamese (no error page,
/// nothing changed), and the report comes back once the database answers.</summary>
public sealed class ReportTimeoutTests : ReportTest
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["OrgCom:ReportTimeoutSeconds"] = "1" };

    [Fact]
    public async Task A_report_that_runs_out_of_time_gives_a_message_not_a_500()
    {
        var client = await SignInAsync("hanoi");
        var url = $"/Reports/View?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=31/12/2025";
        Assert.NotNull((await GetDocumentAsync(client, url)).QuerySelector("[data-testid=report]"));
        await using (var blocker = new Npgsql.NpgsqlConnection(OrgCom.Web.Tests.Infrastructure.TestDatabase.ConnectionString(DatabaseName)))
        {
            await blocker.OpenAsync();
            await using var tx = await blocker.BeginTransactionAsync();
            await using (var cmd = new Npgsql.NpgsqlCommand("lock table member_counts in access exclusive mode", blocker, tx))
                await cmd.ExecuteNonQueryAsync();
            var page = await GetDocumentAsync(client, url);
            Assert.Contains("chưa tính xong trong thời gian cho phép", page.QuerySelector("[data-testid=errors]")!.TextContent);
            Assert.Null(page.QuerySelector("[data-testid=report]"));
            await tx.RollbackAsync();
        }
        Assert.NotNull((await GetDocumentAsync(client, url)).QuerySelector("[data-testid=report]"));
    }

    [Fact]
    public async Task A_list_behind_a_number_that_runs_out_of_time_gives_a_message_not_a_500()
    {
        var client = await SignInAsync("hanoi");
        var url = $"/Reports/Members?Form=IncreaseDecrease&OrganizationId={Commune}&From=01/01/2025&To=31/12/2025&Measure=Admitted";
        Assert.NotNull((await GetDocumentAsync(client, url)).QuerySelector("[data-testid=drill-summary]"));
        foreach (var handler in new[] { "", "&handler=Excel" })
        {
            await using var blocker = new Npgsql.NpgsqlConnection(OrgCom.Web.Tests.Infrastructure.TestDatabase.ConnectionString(DatabaseName));
            await blocker.OpenAsync();
            await using var tx = await blocker.BeginTransactionAsync();
            await using (var cmd = new Npgsql.NpgsqlCommand("lock table member_events in access exclusive mode", blocker, tx))
                await cmd.ExecuteNonQueryAsync();
            var page = await GetDocumentAsync(client, url + handler);
            Assert.Contains("chưa tính xong trong thời gian cho phép", page.QuerySelector("[data-testid=errors]")!.TextContent);
            Assert.Null(page.QuerySelector("[data-testid=drill-summary]"));
            await tx.RollbackAsync();
        }
        Assert.NotNull((await GetDocumentAsync(client, url)).QuerySelector("[data-testid=drill-summary]"));
    }
}
