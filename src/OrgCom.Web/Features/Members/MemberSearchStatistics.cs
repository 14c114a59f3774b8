using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Members;

/// <summary>
/// A small random sample of the member table (about 30,000 rows, in the list order), kept in memory to estimate how a
/// search will behave before it runs: how far down the name order the first page lies, how many rows the trigram index
/// would return for each word, how many members a subtree holds. PostgreSQL cannot know these (it has no statistics on
/// the words inside a name), and at 5.6 million members the wrong plan costs seconds instead of milliseconds.
/// </summary>
/// <remarks>
/// The sample is read past the scope filter on purpose: it is statistics, never shown to anyone; every result a user
/// sees comes from the scoped query. It is reloaded when older than <see cref="MaxAge"/>.
/// </remarks>
public sealed class MemberSearchStatistics(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(30);
    private const int TargetRows = 30_000;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile MemberSample? _sample;

    public async Task<MemberSample> GetAsync(OrgComDbContext db, CancellationToken ct)
    {
        var sample = _sample;
        if (sample is not null && clock.GetUtcNow() - sample.LoadedAt < MaxAge)
            return sample;
        await _loading.WaitAsync(ct);
        try
        {
            sample = _sample;
            if (sample is null || clock.GetUtcNow() - sample.LoadedAt >= MaxAge)
                _sample = sample = await LoadAsync(db, ct);
            return sample;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the sample (tests that change the data; the next search reloads it).</summary>
    public void Reset() => _sample = null;

    private async Task<MemberSample> LoadAsync(OrgComDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            double total;
            await using (var estimate = connection.CreateCommand())
            {
                // The planner's own row count; a fresh table (never analysed) reports -1 or 0.
                estimate.CommandText = "select greatest(reltuples, 0)::float8 from pg_class where oid = 'members'::regclass";
                total = Convert.ToDouble(await estimate.ExecuteScalarAsync(ct));
            }
            if (total < TargetRows * 2)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = "select count(*)::float8 from members";
                total = Convert.ToDouble(await count.ExecuteScalarAsync(ct));
            }
            var percent = total <= 0 ? 100 : Math.Clamp(TargetRows * 100.0 / total, 0.001, 100);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                select m.name_folded, subpath(o.path, 0, least(nlevel(o.path), {MemberSample.PrefixDepth}))::text, m.status, m.gender,
                       m.birth_date, m.admitted_on, m.ethnicity, m.political_theory
                from members m {(percent >= 100 ? "" : $"tablesample system ({percent.ToString(System.Globalization.CultureInfo.InvariantCulture)})")}
                join organizations o on o.id = m.organization_id
                order by m.given_name, m.middle_name, m.family_name, m.id
                """;
            var rows = new List<SampleRow>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                var prefixes = new Dictionary<string, string>();
                var ethnicities = new Dictionary<string, string>();
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(new SampleRow(
                        reader.GetString(0),
                        Intern(prefixes, reader.GetString(1)),
                        Enum.Parse<MemberStatus>(reader.GetString(2)),
                        Enum.Parse<Gender>(reader.GetString(3)),
                        reader.GetFieldValue<DateOnly>(4),
                        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                        reader.IsDBNull(6) ? null : Intern(ethnicities, reader.GetString(6)),
                        Enum.Parse<PoliticalTheoryLevel>(reader.GetString(7))));
                }
            }
            return new MemberSample(rows.ToArray(), Math.Max(total, rows.Count), clock.GetUtcNow());
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    private static string Intern(Dictionary<string, string> pool, string s)
    {
        if (pool.TryGetValue(s, out var existing))
            return existing;
        pool[s] = s;
        return s;
    }
}

public sealed record SampleRow(
    string NameFolded, string PathPrefix, MemberStatus Status, Gender Gender, DateOnly BirthDate, DateOnly? AdmittedOn,
    string? Ethnicity, PoliticalTheoryLevel PoliticalTheory);

/// <summary>The sample rows in the list order, and how many members each stands for.</summary>
public sealed class MemberSample(SampleRow[] rows, double totalMembers, DateTimeOffset loadedAt)
{
    /// <summary>Paths are kept to this depth (root, province or central committee, commune): deeper subtrees are small.</summary>
    public const int PrefixDepth = 3;

    public SampleRow[] Rows { get; } = rows;
    public double TotalMembers { get; } = totalMembers;
    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>Members one sample row stands for.</summary>
    public double Scale => Rows.Length == 0 ? 1 : TotalMembers / Rows.Length;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _fractions = new();

    /// <summary>The share of members whose folded name contains all these strings (at least half a sample row, so
    /// that "not seen in the sample" still counts as rare rather than impossible).</summary>
    public double Fraction(params string[] parts)
    {
        if (Rows.Length == 0)
            return 0;
        var key = string.Join('|', parts.Order(StringComparer.Ordinal));
        // Keys come from what users type: keep the memo small (it is rebuilt with the sample anyway).
        if (_fractions.Count > 20_000)
            _fractions.Clear();
        return _fractions.GetOrAdd(key, _ =>
        {
            var count = 0;
            foreach (var row in Rows)
            {
                if (parts.All(p => row.NameFolded.Contains(p, StringComparison.Ordinal)))
                    count++;
            }
            return Math.Max(count, 0.5) / Rows.Length;
        });
    }
}
