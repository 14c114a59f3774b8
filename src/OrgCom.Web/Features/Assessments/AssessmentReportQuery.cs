using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Assessments;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Assessments;

/// <summary>Counts by level of one unit of the report (an organization directly under the report's root, with its subtree).</summary>
public sealed record LevelCounts(long OrganizationId, string Name, int Organizations, int Approved, long Required, long Excellent,
    long Good, long Completed, long NotCompleted, long NotAssessed)
{
    public long Rated => Excellent + Good + Completed + NotCompleted;
    public long Of(QualityLevel level) => level switch
    {
        QualityLevel.Excellent => Excellent,
        QualityLevel.Good => Good,
        QualityLevel.Completed => Completed,
        _ => NotCompleted,
    };

    /// <summary>The share of the members rated, in percent with two decimals (0 when none was rated).</summary>
    public decimal Share(QualityLevel level) => Rated == 0 ? 0 : Math.Round(100m * Of(level) / Rated, 2);

    public static LevelCounts Sum(long id, string name, IEnumerable<LevelCounts> rows)
    {
        var list = rows.ToList();
        return new LevelCounts(id, name, list.Sum(r => r.Organizations), list.Sum(r => r.Approved), list.Sum(r => r.Required),
            list.Sum(r => r.Excellent), list.Sum(r => r.Good), list.Sum(r => r.Completed), list.Sum(r => r.NotCompleted), list.Sum(r => r.NotAssessed));
    }
}

public sealed record AssessmentRollup(long RootId, string RootName, int Year, IReadOnlyList<LevelCounts> Units, LevelCounts Total,
    LevelCounts PreviousTotal, IReadOnlyDictionary<QualityLevel, long> OrganizationLevels, int OrganizationOverrides);

/// <summary>
/// The rollup of a year's member ratings for an organization's subtree, one line per organization directly under it.
/// It adds up the counts each organization's assessment keeps (organization_assessments), never the 5.6M ratings
/// themselves; only approved assessments count (ADR 0009).
/// </summary>
public sealed class AssessmentReportQuery(OrgComDbContext db)
{
    // Every organization a year round of the year covers counts towards "not approved", including those whose staff
    // never opened their roster (no assessment row); organizations dissolved since count only if they were assessed.
    private const string UnitsSql = """
        with rounds as (
            select r.id, op.path from assessment_rounds r join organizations op on op.id = r.organization_id
            where r.kind = 'Year' and r.year = @year)
        select case when nlevel(o.path) > nlevel(@path::ltree) then ltree2text(subpath(o.path, nlevel(@path::ltree), 1))::bigint else @root end as unit,
               count(*)::int as orgs,
               (count(*) filter (where a.status = 'Approved'))::int as approved,
               coalesce(sum(a.required_count) filter (where a.status = 'Approved'), 0)::bigint,
               coalesce(sum(a.excellent_count) filter (where a.status = 'Approved'), 0)::bigint,
               coalesce(sum(a.good_count) filter (where a.status = 'Approved'), 0)::bigint,
               coalesce(sum(a.completed_count) filter (where a.status = 'Approved'), 0)::bigint,
               coalesce(sum(a.not_completed_count) filter (where a.status = 'Approved'), 0)::bigint,
               coalesce(sum(a.not_assessed_count) filter (where a.status = 'Approved'), 0)::bigint
        from organizations o
        join rounds rd on o.path <@ rd.path
        left join organization_assessments a on a.round_id = rd.id and a.organization_id = o.id
        where o.path <@ @path::ltree
          and (a.id is not null or (o.dissolved_on is null and o.established_on <= make_date(@year, 12, 31)))
        group by 1
        """;

    private const string OrganizationLevelsSql = """
        select g.final_level, count(*)::bigint
        from organization_ratings g
        join organization_assessments a on a.id = g.organization_assessment_id
        join assessment_rounds r on r.id = a.round_id
        join organizations o on o.id = g.subject_organization_id
        where r.kind = 'Year' and r.year = @year and a.status = 'Approved' and g.final_level is not null
          and o.path <@ @path::ltree and o.id <> @root
        group by 1
        """;

    /// <summary>Approved assessments of the subtree in which a leader let a rule's finding stand.</summary>
    private const string OverridesSql = """
        select count(*)::bigint
        from organization_assessments a
        join assessment_rounds r on r.id = a.round_id
        join organizations o on o.id = a.organization_id
        where r.kind = 'Year' and r.year = @year and a.status = 'Approved' and a.overrides <> '[]'::jsonb and o.path <@ @path::ltree
        """;

    /// <summary>The rollup for <paramref name="rootId"/>, which the caller loaded within the user's scope.</summary>
    public async Task<AssessmentRollup> RunAsync(long rootId, string rootName, string rootPath, int year, CancellationToken ct)
    {
        var units = await UnitsAsync(rootId, rootPath, year, ct);
        var previous = await UnitsAsync(rootId, rootPath, year - 1, ct);
        var ids = units.Select(u => u.Id).ToList();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Code }).ToDictionaryAsync(o => o.Id, ct);
        var rows = units.OrderBy(u => u.Id == rootId ? "" : names.GetValueOrDefault(u.Id)?.Code ?? "")
            .Select(u => u.Counts with { Name = u.Id == rootId ? rootName + " (trực tiếp)" : names.GetValueOrDefault(u.Id)?.Name ?? u.Id.ToString() })
            .ToList();

        var levels = new Dictionary<QualityLevel, long>();
        var overridden = 0;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await OpenAsync(connection, ct);
        await using (var cmd = new NpgsqlCommand(OrganizationLevelsSql, connection))
        {
            cmd.Parameters.AddWithValue("path", rootPath);
            cmd.Parameters.AddWithValue("root", rootId);
            cmd.Parameters.AddWithValue("year", year);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (Enum.TryParse<QualityLevel>(reader.GetString(0), out var level))
                    levels[level] = reader.GetInt64(1);
            }
        }
        await using (var cmd = new NpgsqlCommand(OverridesSql, connection))
        {
            cmd.Parameters.AddWithValue("path", rootPath);
            cmd.Parameters.AddWithValue("year", year);
            overridden = (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        return new AssessmentRollup(rootId, rootName, year, rows, LevelCounts.Sum(rootId, rootName, rows),
            LevelCounts.Sum(rootId, rootName, previous.Select(p => p.Counts)), levels, overridden);
    }

    private async Task<List<(long Id, LevelCounts Counts)>> UnitsAsync(long rootId, string rootPath, int year, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await OpenAsync(connection, ct);
        await using var cmd = new NpgsqlCommand(UnitsSql, connection);
        cmd.Parameters.AddWithValue("path", rootPath);
        cmd.Parameters.AddWithValue("root", rootId);
        cmd.Parameters.AddWithValue("year", year);
        var list = new List<(long, LevelCounts)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            list.Add((id, new LevelCounts(id, "", reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))));
        }
        return list;
    }

    private static async Task OpenAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open)
            await connection.OpenAsync(ct);
    }
}
