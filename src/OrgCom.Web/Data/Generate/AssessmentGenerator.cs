using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OrgCom.Core.Common;

namespace OrgCom.Web.Data.Generate;

/// <summary>
/// Fills one year's quality ratings for everything a database holds (the generated national dataset): a year round
/// opened by the Centre, an approved assessment for every organization, a rating for every counted member admitted
/// by the end of the year and for every organization by its parent — for the rollup benchmark. The rows derive from
/// data already in the database, so they are written by set-based INSERT … SELECT in one transaction (no round trip
/// per row, faster than COPY from the client here); the counts each assessment keeps are computed from the ratings.
/// Levels are drawn deterministically from the member id and the seed: about 10% xuất sắc, 72% tốt, 14% hoàn thành,
/// 1% không hoàn thành, 3% not assessed. Like the rest of the generated data it is benchmark data, not audited, so a database
/// without NationalGenerator's mark (real data) is refused.
/// </summary>
public sealed class AssessmentGenerator(string connectionString, TextWriter output)
{
    public const string Actor = "(dữ liệu sinh toàn quốc)";
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly Error NotGenerated = new("generate.assessments.not_generated",
        "Cơ sở dữ liệu này không phải dữ liệu sinh toàn quốc (không có dấu của lệnh generate): không sinh kết quả xếp loại "
        + "vào dữ liệu thật, vì các kết quả này được ghi thẳng là đã phê duyệt và không qua nhật ký.");

    public static Error AlreadyThere(int year) => new("generate.assessments.present",
        $"Cơ sở dữ liệu đã có đợt đánh giá hằng năm {year}; không sinh thêm.");

    public async Task<Result<long>> RunAsync(int year, int seed, CancellationToken ct)
    {
        if (year is < 2020 or > 2100)
            return new Error("generate.assessments.year", "Năm đánh giá (--year) phải từ 2020 đến 2100.");
        var total = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            CommandTimeout = 0, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, "lock table assessment_rounds in share row exclusive mode", ct);
        // Approved ratings written without the audit log belong only in a generated database, marked as such by
        // NationalGenerator's actor on its organization events.
        await using (var generated = new NpgsqlCommand("select exists (select 1 from organization_events where recorded_by = @actor)", connection))
        {
            generated.Parameters.AddWithValue("actor", NationalGenerator.Actor);
            if (!(bool)(await generated.ExecuteScalarAsync(ct))!)
                return NotGenerated;
        }
        if (await ScalarAsync<bool>(connection, "select exists (select 1 from assessment_rounds where kind = 'Year' and year = @year)", ct, year))
            return AlreadyThere(year);

        var step = Stopwatch.StartNew();
        var round = await ScalarAsync<long>(connection, """
            insert into assessment_rounds (organization_id, kind, year, title, period_from, period_to, opens_on, members_due_on, closes_on)
            select id, 'Year', @year, 'Đánh giá, xếp loại chất lượng năm ' || @year || ' (dữ liệu sinh)',
                   make_date(@year, 1, 1), make_date(@year, 12, 31), make_date(@year, 11, 15), make_date(@year, 12, 31), make_date(@year + 1, 1, 31)
            from organizations where parent_id is null
            returning id
            """, ct, year);
        var assessments = await ExecuteAsync(connection, $"""
            insert into organization_assessments (round_id, organization_id, status, self_level, submitted_at, submitted_by, approved_at, approved_by,
                required_count, excellent_count, good_count, completed_count, not_completed_count, not_assessed_count)
            select {round}, o.id, 'Approved', 'Good', now(), '{Actor}', now(), '{Actor}', 0, 0, 0, 0, 0, 0
            from organizations o
            where o.dissolved_on is null and o.established_on <= make_date({year}, 12, 31)
            """, ct);
        Report("đánh giá của tổ chức", assessments, step.Elapsed);

        step.Restart();
        var ratings = await ExecuteAsync(connection, $"""
            insert into member_ratings (organization_assessment_id, organization_id, member_id, final_level, not_assessed_reason)
            select a.id, m.organization_id, m.id,
                   case when r.x < 30 then null when r.x < 130 then 'Excellent' when r.x < 850 then 'Good' when r.x < 990 then 'Completed' else 'NotCompleted' end,
                   case when r.x < 30 then (array['Ill','Away','Exempt'])[1 + r.x % 3] end
            from members m
            join organization_assessments a on a.round_id = {round} and a.organization_id = m.organization_id
            cross join lateral (select abs(hashint8(m.id * 31 + {seed})) % 1000 as x) r
            where m.status in ('Probationary', 'Official') and (m.admitted_on is null or m.admitted_on <= make_date({year}, 12, 31))
            """, ct);
        Report("xếp loại đảng viên", ratings, step.Elapsed);

        step.Restart();
        await ExecuteAsync(connection, $"""
            update organization_assessments a set
                required_count = c.required, excellent_count = c.excellent, good_count = c.good, completed_count = c.completed,
                not_completed_count = c.not_completed, not_assessed_count = c.not_assessed
            from (select organization_assessment_id as id, count(*) as required,
                         count(*) filter (where final_level = 'Excellent') as excellent,
                         count(*) filter (where final_level = 'Good') as good,
                         count(*) filter (where final_level = 'Completed') as completed,
                         count(*) filter (where final_level = 'NotCompleted') as not_completed,
                         count(*) filter (where not_assessed_reason is not null) as not_assessed
                  from member_ratings r
                  where exists (select 1 from organization_assessments x where x.id = r.organization_assessment_id and x.round_id = {round})
                  group by 1) c
            where a.id = c.id
            """, ct);
        var organizationRatings = await ExecuteAsync(connection, $"""
            insert into organization_ratings (organization_assessment_id, organization_id, subject_organization_id, final_level)
            select p.id, p.organization_id, c.organization_id,
                   case when abs(hashint8(c.organization_id * 17 + {seed})) % 100 < 15 then 'Excellent'
                        when abs(hashint8(c.organization_id * 17 + {seed})) % 100 < 85 then 'Good' else 'Completed' end
            from organization_assessments c
            join organizations o on o.id = c.organization_id
            join organization_assessments p on p.round_id = {round} and p.organization_id = o.parent_id
            where c.round_id = {round}
            """, ct);
        Report("số đếm và xếp loại tổ chức", organizationRatings, step.Elapsed);

        await transaction.CommitAsync(ct);
        step.Restart();
        await ExecuteAsync(connection, "vacuum (analyze) assessment_rounds, organization_assessments, member_ratings, organization_ratings", ct);
        output.WriteLine($"[orgcom]   VACUUM ANALYZE: {Seconds(step.Elapsed)}");
        output.WriteLine($"[orgcom] Xong đợt đánh giá năm {year}: {N(assessments)} tổ chức, {N(ratings)} đảng viên trong {Seconds(total.Elapsed)}.");
        return round;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, int year)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("year", year);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private void Report(string what, long rows, TimeSpan elapsed) =>
        output.WriteLine($"[orgcom]   {what}: {N(rows)} dòng trong {Seconds(elapsed)}");

    private static string N(long n) => n.ToString("N0", Vi);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("N1", Vi) + " s";
}
