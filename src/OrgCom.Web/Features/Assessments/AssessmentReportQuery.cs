using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Core.Assessments;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Assessments;

/// <summary>
/// The organizations of a unit as the levels above rated them (approved assessments): how many had to be rated, each
/// level, and those not rated by reason (<see cref="OrganizationNotRatedReason"/>, e.g. newly formed).
/// </summary>
public sealed record OrganizationCounts(long Required, IReadOnlyDictionary<QualityLevel, long> Levels,
    IReadOnlyDictionary<OrganizationNotRatedReason, long> Reasons)
{
    public static readonly OrganizationCounts None = new(0, new Dictionary<QualityLevel, long>(), new Dictionary<OrganizationNotRatedReason, long>());

    public long Of(QualityLevel level) => Levels.GetValueOrDefault(level);
    public long Rated => Levels.Values.Sum();
    public long NotRated => Reasons.Values.Sum();
    public long NotRatedFor(OrganizationNotRatedReason reason) => Reasons.GetValueOrDefault(reason);

    /// <summary>The share of the organizations rated, in percent with two decimals (0 when none was rated).</summary>
    public decimal Share(QualityLevel level) => Rated == 0 ? 0 : Math.Round(100m * Of(level) / Rated, 2);

    public static OrganizationCounts Sum(IEnumerable<OrganizationCounts> rows)
    {
        var list = rows.ToList();
        return new OrganizationCounts(list.Sum(r => r.Required),
            QualityLevels.All.ToDictionary(l => l, l => list.Sum(r => r.Of(l))),
            OrganizationNotRatedReasons.All.ToDictionary(x => x, x => list.Sum(r => r.NotRatedFor(x))));
    }
}

/// <summary>Counts by level of one unit of the report (an organization directly under the report's root, with its
/// subtree): its members' ratings, and (<see cref="Orgs"/>) the ratings its organizations received from the level above.</summary>
public sealed record LevelCounts(long OrganizationId, string Name, int Organizations, int Approved, long Required, long Excellent,
    long Good, long Completed, long NotCompleted, long NotAssessed, int Overrides = 0, IReadOnlyDictionary<NotAssessedReason, long>? Reasons = null,
    OrganizationCounts? OrganizationRatings = null)
{
    /// <summary>The organizations of the unit rated (or not, with the reason) by the level above them.</summary>
    public OrganizationCounts Orgs => OrganizationRatings ?? OrganizationCounts.None;

    /// <summary>Members not rated for <paramref name="reason"/> (of <see cref="NotAssessed"/>).</summary>
    public long NotAssessedFor(NotAssessedReason reason) => Reasons?.GetValueOrDefault(reason) ?? 0;

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
            list.Sum(r => r.Excellent), list.Sum(r => r.Good), list.Sum(r => r.Completed), list.Sum(r => r.NotCompleted), list.Sum(r => r.NotAssessed),
            list.Sum(r => r.Overrides), NotAssessedReasons.All.ToDictionary(x => x, x => list.Sum(r => r.NotAssessedFor(x))),
            OrganizationCounts.Sum(list.Select(r => r.Orgs)));
    }
}

public sealed record AssessmentRollup(long RootId, string RootName, int Year, IReadOnlyList<LevelCounts> Units, LevelCounts Total,
    LevelCounts PreviousTotal, IReadOnlyDictionary<QualityLevel, long> OrganizationLevels, int OrganizationOverrides);

/// <summary>
/// The rollup of a year's member ratings for an organization's subtree, one line per organization directly under it.
/// It adds up the counts each organization's assessment keeps (organization_assessments), never the 5.6M ratings
/// themselves — except the reasons of the members not rated, read from their ratings (few: a partial index), and the
/// organizations' ratings (one row per organization); only approved assessments count (ADR 0009).
/// <para>
/// The one source of the assessment results: the Assessments report page and the statistics form "Kết quả đánh giá,
/// xếp loại" (Features/Reports, ADR 0011) both read <see cref="RunAsync"/>, and the form's drill-down lists the members
/// behind a number with <see cref="MembersSql"/>, which counts the same ratings.
/// </para>
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
               coalesce(sum(a.not_assessed_count) filter (where a.status = 'Approved'), 0)::bigint,
               (count(*) filter (where a.status = 'Approved' and a.overrides <> '[]'::jsonb))::int
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

    /// <summary>The members not rated, by unit and reason, in the approved assessments of the year.</summary>
    private const string ReasonsSql = """
        select case when nlevel(o.path) > nlevel(@path::ltree) then ltree2text(subpath(o.path, nlevel(@path::ltree), 1))::bigint else @root end as unit,
               mr.not_assessed_reason, count(*)::bigint
        from assessment_rounds r
        join organization_assessments a on a.round_id = r.id and a.status = 'Approved'
        join organizations o on o.id = a.organization_id
        join member_ratings mr on mr.organization_assessment_id = a.id and mr.not_assessed_reason is not null
        where r.kind = 'Year' and r.year = @year and o.path <@ @path::ltree
        group by 1, 2
        """;

    /// <summary>The organizations rated by the level above (approved assessments of the year), by unit of the rated
    /// organization, level and reason for not rating. Few rows: one per organization (~300,000 nationally).</summary>
    private const string OrganizationRatingsSql = """
        select ltree2text(subpath(o.path, nlevel(@path::ltree), 1))::bigint as unit,
               g.final_level, g.not_rated_reason, count(*)::bigint
        from organization_ratings g
        join organization_assessments a on a.id = g.organization_assessment_id and a.status = 'Approved'
        join assessment_rounds r on r.id = a.round_id
        join organizations o on o.id = g.subject_organization_id
        where r.kind = 'Year' and r.year = @year and o.path <@ @path::ltree and o.id <> @root
        group by 1, 2, 3
        """;

    /// <summary>The measures of the member list behind a number (<see cref="MembersSql"/>'s <c>@measure</c>): the
    /// members to rate, those rated, each level, those not rated, and those not rated for one reason (<c>r:Reason</c>).</summary>
    public static readonly IReadOnlyList<string> MemberMeasures =
        ["Required", "Rated", .. QualityLevels.All.Select(l => l.ToString()), "NotAssessed", .. NotAssessedReasons.All.Select(r => "r:" + r)];

    /// <summary>The name of a measure of <see cref="MemberMeasures"/> in words.</summary>
    public static string MeasureName(string measure) => measure switch
    {
        "Required" => "Đảng viên phải đánh giá",
        "Rated" => "Đảng viên được xếp loại",
        "NotAssessed" => "Đảng viên không đánh giá",
        _ when measure.StartsWith("r:", StringComparison.Ordinal) && Enum.TryParse<NotAssessedReason>(measure[2..], out var r) => "Không đánh giá: " + r.DisplayName(),
        _ when Enum.TryParse<QualityLevel>(measure, out var l) => l.DisplayName(),
        _ => measure,
    };

    /// <summary>
    /// Column <c>Value</c>: the members behind one number of the rollup — rated in the approved assessments of the year
    /// <c>@year</c> of the organizations in the subtree <c>@root_path</c> (or, with <c>@own</c>, of <c>@org</c> itself),
    /// filtered by <c>@measure</c> (<see cref="MemberMeasures"/>). The same ratings as the counts each assessment keeps.
    /// </summary>
    public const string MembersSql = """
        select mr.member_id as "Value"
        from assessment_rounds r
        join organization_assessments a on a.round_id = r.id and a.status = 'Approved'
        join organizations o on o.id = a.organization_id
        join member_ratings mr on mr.organization_assessment_id = a.id
        where r.kind = 'Year' and r.year = @year and o.path <@ @root_path::ltree and (not @own or a.organization_id = @org)
          and (@measure = 'Required'
               or (@measure = 'Rated' and mr.final_level is not null)
               or mr.final_level = @measure
               or (@measure = 'NotAssessed' and mr.not_assessed_reason is not null)
               or 'r:' || mr.not_assessed_reason = @measure)
        """;

    /// <summary>The organization measures of the rollup whose organizations can be listed (<see cref="OrganizationsSql"/>'s
    /// <c>@measure</c>): those whose approved assessment a leader let pass a rule, and those not yet approved.</summary>
    public static readonly IReadOnlyList<string> OrganizationMeasures =
    [
        "Overrides", "NotApproved",
        // The organizations as the levels above rated them (OrganizationRatingsSql): required, rated, each level, not
        // rated, not rated for one reason.
        "o:Required", "o:Rated", .. QualityLevels.All.Select(l => "o:" + l), "o:NotRated", .. OrganizationNotRatedReasons.All.Select(r => "o:r:" + r),
    ];

    /// <summary>Whether a measure of <see cref="OrganizationMeasures"/> counts organizations as the level above rated them.</summary>
    public static bool IsOrganizationRating(string measure) => measure.StartsWith("o:", StringComparison.Ordinal);

    /// <summary>The name of a measure of <see cref="OrganizationMeasures"/> in words.</summary>
    public static string OrganizationMeasureName(string measure) => measure switch
    {
        "Overrides" => "Tổ chức được cho phép vượt quy định",
        "NotApproved" => "Tổ chức chưa được phê duyệt",
        "o:Required" => "Tổ chức đảng phải xếp loại",
        "o:Rated" => "Tổ chức đảng được xếp loại",
        "o:NotRated" => "Tổ chức đảng không xếp loại",
        _ when measure.StartsWith("o:r:", StringComparison.Ordinal) && Enum.TryParse<OrganizationNotRatedReason>(measure[4..], out var r)
            => "Tổ chức đảng không xếp loại: " + r.DisplayName(),
        _ when measure.StartsWith("o:", StringComparison.Ordinal) && Enum.TryParse<QualityLevel>(measure[2..], out var l)
            => "Tổ chức đảng " + l.DisplayName().ToLowerInvariant(),
        _ => measure,
    };

    /// <summary>
    /// Rows <c>(organization_id, assessment_id, unit)</c>: the organizations behind the rollup's organization counts of
    /// the year <c>@year</c> in the subtree <c>@path</c> (root <c>@root</c>), each with the report unit it counts in —
    /// <c>@measure</c> 'Overrides' (approved, a rule let pass) or 'NotApproved' (covered by a year round, without an
    /// approved assessment; the assessment null when none was opened). The same rounds, join and filters as the units'
    /// counts (<c>UnitsSql</c>: keep both in step), one row per counted pair, so the list has exactly the number shown.
    /// </summary>
    public const string OrganizationsSql = """
        with rounds as (
            select r.id, op.path from assessment_rounds r join organizations op on op.id = r.organization_id
            where r.kind = 'Year' and r.year = @year)
        select o.id as organization_id, a.id as assessment_id,
               case when nlevel(o.path) > nlevel(@path::ltree) then ltree2text(subpath(o.path, nlevel(@path::ltree), 1))::bigint else @root end as unit
        from organizations o
        join rounds rd on o.path <@ rd.path
        left join organization_assessments a on a.round_id = rd.id and a.organization_id = o.id
        where o.path <@ @path::ltree
          and (a.id is not null or (o.dissolved_on is null and o.established_on <= make_date(@year, 12, 31)))
          and @measure in ('Overrides', 'NotApproved')
          and case when @measure = 'Overrides' then a.status = 'Approved' and a.overrides <> '[]'::jsonb
                   else a.status is distinct from 'Approved' end
        union all
        -- The organizations rated by the levels above (the same rows as OrganizationRatingsSql: keep both in step), the
        -- assessment being the rater's.
        select g.subject_organization_id, a.id, ltree2text(subpath(o.path, nlevel(@path::ltree), 1))::bigint
        from organization_ratings g
        join organization_assessments a on a.id = g.organization_assessment_id and a.status = 'Approved'
        join assessment_rounds r on r.id = a.round_id
        join organizations o on o.id = g.subject_organization_id
        where @measure like 'o:%' and r.kind = 'Year' and r.year = @year and o.path <@ @path::ltree and o.id <> @root
          and (@measure = 'o:Required'
               or (@measure = 'o:Rated' and g.final_level is not null)
               or 'o:' || g.final_level = @measure
               or (@measure = 'o:NotRated' and g.not_rated_reason is not null)
               or 'o:r:' || g.not_rated_reason = @measure)
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
        var units = await DetailedUnitsAsync(rootId, rootPath, year, ct);
        var previous = await DetailedUnitsAsync(rootId, rootPath, year - 1, ct);
        var ids = units.Select(u => u.Id).ToList();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Code }).ToDictionaryAsync(o => o.Id, ct);
        var rows = units.OrderBy(u => u.Id == rootId ? "" : names.GetValueOrDefault(u.Id)?.Code ?? "")
            .Select(u => u.Counts with
            {
                Name = u.Id == rootId ? rootName + " (trực tiếp)" : names.GetValueOrDefault(u.Id)?.Name ?? u.Id.ToString(),
            })
            .ToList();

        var levels = new Dictionary<QualityLevel, long>();
        var overridden = 0;
        var connection = await OpenAsync(ct);
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

    /// <summary>The units of a year with the members not rated by reason and the organizations' ratings by level and
    /// reason (a unit with only organization ratings — none of its assessments approved — still gets a row).</summary>
    private async Task<List<(long Id, LevelCounts Counts)>> DetailedUnitsAsync(long rootId, string rootPath, int year, CancellationToken ct)
    {
        var units = await UnitsAsync(rootId, rootPath, year, ct);
        var reasons = new Dictionary<long, Dictionary<NotAssessedReason, long>>();
        await using (var cmd = new NpgsqlCommand(ReasonsSql, await OpenAsync(ct)))
        {
            cmd.Parameters.AddWithValue("path", rootPath);
            cmd.Parameters.AddWithValue("root", rootId);
            cmd.Parameters.AddWithValue("year", year);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!Enum.TryParse<NotAssessedReason>(reader.GetString(1), out var reason))
                    continue;
                var unit = reader.GetInt64(0);
                if (!reasons.TryGetValue(unit, out var byReason))
                    reasons[unit] = byReason = new Dictionary<NotAssessedReason, long>();
                byReason[reason] = reader.GetInt64(2);
            }
        }
        var organizations = new Dictionary<long, (long Required, Dictionary<QualityLevel, long> Levels, Dictionary<OrganizationNotRatedReason, long> Reasons)>();
        await using (var cmd = new NpgsqlCommand(OrganizationRatingsSql, await OpenAsync(ct)))
        {
            cmd.Parameters.AddWithValue("path", rootPath);
            cmd.Parameters.AddWithValue("root", rootId);
            cmd.Parameters.AddWithValue("year", year);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var unit = reader.GetInt64(0);
                if (!organizations.TryGetValue(unit, out var tally))
                    tally = (0, new Dictionary<QualityLevel, long>(), new Dictionary<OrganizationNotRatedReason, long>());
                var count = reader.GetInt64(3);
                tally.Required += count;
                if (!reader.IsDBNull(1) && Enum.TryParse<QualityLevel>(reader.GetString(1), out var level))
                    tally.Levels[level] = tally.Levels.GetValueOrDefault(level) + count;
                else if (!reader.IsDBNull(2) && Enum.TryParse<OrganizationNotRatedReason>(reader.GetString(2), out var why))
                    tally.Reasons[why] = tally.Reasons.GetValueOrDefault(why) + count;
                organizations[unit] = tally;
            }
        }
        foreach (var id in organizations.Keys.Except(units.Select(u => u.Id)).ToList())
            units.Add((id, new LevelCounts(id, "", 0, 0, 0, 0, 0, 0, 0, 0)));
        return units.Select(u => (u.Id, u.Counts with
        {
            Reasons = reasons.GetValueOrDefault(u.Id) ?? new Dictionary<NotAssessedReason, long>(),
            OrganizationRatings = organizations.TryGetValue(u.Id, out var t) ? new OrganizationCounts(t.Required, t.Levels, t.Reasons) : OrganizationCounts.None,
        })).ToList();
    }

    private async Task<List<(long Id, LevelCounts Counts)>> UnitsAsync(long rootId, string rootPath, int year, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(UnitsSql, await OpenAsync(ct));
        cmd.Parameters.AddWithValue("path", rootPath);
        cmd.Parameters.AddWithValue("root", rootId);
        cmd.Parameters.AddWithValue("year", year);
        var list = new List<(long, LevelCounts)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            list.Add((id, new LevelCounts(id, "", reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt32(9))));
        }
        return list;
    }

    /// <summary>The request's connection, opened once through EF (which closes it with the context).</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        return connection;
    }
}
