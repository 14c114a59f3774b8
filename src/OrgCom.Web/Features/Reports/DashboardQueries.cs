using Npgsql;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrgCom.Web.Features.Reports;

public sealed record MonthPoint(DateOnly Month, long Increases, long Decreases, long MembersAtEnd);

public sealed record Dashboard(long Organizations, long Members, long Probationary, long AdmissionsThisYear, long ProbationDue,
    long TransfersPending, IReadOnlyList<MonthPoint> Trend, DateOnly ProbationCutoff, RuleCitation ProbationRule);

/// <summary>
/// The home page's figures for one subtree, read from the pre-aggregates (<c>member_counts</c>, <c>member_flows</c>)
/// and two small partial indexes (probation, transfers in transit), so the whole country costs about what a province
/// does. The caller passes a path the user is granted.
/// <para>
/// It runs on the request's <see cref="OrgComDbContext"/> connection, opened and closed through EF
/// (<c>OpenConnectionAsync</c>/<c>CloseConnectionAsync</c>: a connection EF already holds open, e.g. inside a
/// transaction, stays open), with the request's cancellation. A database too slow to answer within
/// <see cref="TimeoutSeconds"/> (setting <c>OrgCom:DashboardTimeoutSeconds</c>) gives null — the home page says the
/// figures are unavailable instead of failing; a cancelled request stops the statement.
/// </para>
/// </summary>
public sealed class DashboardQueries(OrgComDbContext db, RuleBookProvider rules, IConfiguration configuration, ILogger<DashboardQueries> log)
{
    public int TimeoutSeconds => Math.Max(1, configuration.GetValue("OrgCom:DashboardTimeoutSeconds", 15));

    /// <summary>The figures, or null when the database did not answer within <see cref="TimeoutSeconds"/>.</summary>
    public async Task<Dashboard?> ForAsync(string path, DateOnly today, CancellationToken ct)
    {
        var (book, _) = await rules.GetAsync(ct);
        var probation = book.Get(RuleKey.ProbationMonths, today);
        // As the probation worklist: probation ended, or ends within a month.
        var cutoff = today.AddMonths(1).AddMonths(-probation.AsInt());
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        // At the root (the whole country) nothing needs filtering: skip the join with the tree.
        var whole = !path.Contains('.');
        // The path is written as a literal, not bound: the plan the server caches for a prepared statement assumes a
        // subtree of a few hundred organizations and probes the flows organization by organization (ADR 0011).
        var subtree = whole ? "" : StatisticsQueries.PathLiteral(path);
        string Scoped(string alias, string column) => whole ? "" : $"join organizations {alias} on {alias}.id = {column} and {alias}.path <@ {subtree}";
        // A province (two levels) is read from the pre-aggregates by the ancestor they keep (level2_id, ADR 0011
        // "Speed"): its flows are one range of an index instead of a search among the whole country's.
        var province = !whole && path.Count(c => c == '.') == 1 ? path[(path.IndexOf('.') + 1)..] : null;
        string Kept(string alias) => province is null ? Scoped(alias + "o", alias + ".organization_id") : "";
        string KeptWhere(string alias) => province is null ? "true" : $"{alias}.level2_id = {province}";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection)
            {
                // The server stops a statement that runs longer than the limit (the batch is one implicit transaction,
                // so the local setting ends with it); the client gives up a little later if the server does not answer.
                Timeout = TimeoutSeconds + 5,
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
                BatchCommands =
                {
                    new("select set_config('statement_timeout', @timeout_ms, true)"),
                    new($"select count(*) from organizations o where o.dissolved_on is null {(whole ? "" : $"and o.path <@ {subtree}")}"),
                    new($"select coalesce(sum(c.probationary + c.official), 0)::bigint, coalesce(sum(c.probationary), 0)::bigint from member_counts c {Kept("c")} where {KeptWhere("c")}"),
                    new($"select coalesce(sum(f.n), 0)::bigint from member_flows f {Kept("f")} where {KeptWhere("f")} and f.flow = 'Admitted' and f.day between @year_start and @today"),
                    new($"select count(*) from members m {Scoped("o", "m.organization_id")} where m.status = 'Probationary' and m.ceremony_on <= @cutoff"),
                    new($"""
                        select count(*) from transfers t where t.status = 'InTransit'
                        {(whole ? "" : $"and (exists (select 1 from organizations o where o.id = t.from_organization_id and o.path <@ {subtree}) or exists (select 1 from organizations o where o.id = t.to_organization_id and o.path <@ {subtree}))")}
                        """),
                    new($"""
                        select date_trunc('month', f.day)::date, member_flow_sign(f.flow), sum(f.n)::bigint
                        from member_flows f {Kept("f")}
                        where {KeptWhere("f")} and f.day >= @first_month and member_flow_sign(f.flow) <> 0
                        group by 1, 2
                        union all
                        -- A move between two organizations of the scope (a transfer, a reassignment) is neither an
                        -- increase nor a decrease of it, as in the increase/decrease report.
                        select date_trunc('month', e.effective_on)::date, member_flow_sign(x.flow), -count(*)
                        from member_events e {Scoped("a", "e.organization_id")} {Scoped("b", "e.other_organization_id")}
                        cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
                        where e.other_organization_id is not null and e.counted_flow in ({StatisticsQueries.CrossingFlows})
                          and e.effective_on >= @first_month
                        group by 1, 2
                        """),
                },
            };
            foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
            {
                command.Parameters.AddWithValue("today", today);
                command.Parameters.AddWithValue("year_start", new DateOnly(today.Year, 1, 1));
                command.Parameters.AddWithValue("cutoff", cutoff);
                command.Parameters.AddWithValue("first_month", firstMonth);
                command.Parameters.AddWithValue("timeout_ms", (TimeoutSeconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await using var reader = await batch.ExecuteReaderAsync(ct);
            long Scalar(int column = 0) => reader.GetInt64(column);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var organizations = Scalar();
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var (members, probationary) = (Scalar(0), Scalar(1));
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var admissions = Scalar();
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var due = Scalar();
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var transfers = Scalar();
            await reader.NextResultAsync(ct);
            var flows = new Dictionary<(DateOnly, int), long>();
            while (await reader.ReadAsync(ct))
            {
                var key = (DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt32(1));
                flows[key] = flows.GetValueOrDefault(key) + reader.GetInt64(2);
            }

            // Members at the end of each month: today's count less the net flows recorded after that month.
            var trend = new List<MonthPoint>();
            var later = flows.Where(f => f.Key.Item1 > new DateOnly(today.Year, today.Month, 1)).Sum(f => f.Key.Item2 * f.Value);
            var atEnd = members - later;
            for (var month = new DateOnly(today.Year, today.Month, 1); month >= firstMonth; month = month.AddMonths(-1))
            {
                var inc = flows.GetValueOrDefault((month, 1));
                var dec = flows.GetValueOrDefault((month, -1));
                trend.Add(new MonthPoint(month, inc, dec, atEnd));
                atEnd -= inc - dec;
            }
            trend.Reverse();
            return new Dashboard(organizations, members, probationary, admissions, due, transfers, trend, cutoff, probation.Citation);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && StatementTimeout.Is(e))
        {
            log.LogWarning(e, "Dashboard figures for {Path} not read within {Seconds} s", path, TimeoutSeconds);
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Whether a database error means the statement ran out of time.</summary>
public static class StatementTimeout
{
    /// <summary>The command timeout (Npgsql cancels the statement, then reports a timeout) or a statement cancelled by
    /// the server (<c>statement_timeout</c>, 57014).</summary>
    public static bool Is(Exception e)
    {
        // EF Core wraps it twice when a query fails while its results are read (a transient failure wrapping Npgsql's).
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is TimeoutException or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })
                return true;
        return false;
    }

    /// <summary>What a report or a report's list that ran out of time says (it changes nothing).</summary>
    public const string ReportMessage = "Báo cáo chưa tính xong trong thời gian cho phép nên chưa hiển thị được. "
        + "Hãy chọn một tổ chức cấp dưới hoặc một kỳ ngắn hơn, hoặc thử lại sau.";
}
