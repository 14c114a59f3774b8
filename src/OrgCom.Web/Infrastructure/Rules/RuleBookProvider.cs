using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Calendar;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Data.Seed;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Infrastructure.Rules;

/// <summary>
/// The rules and the working-day calendar in force, read from the database (tables rule_values and public_holidays)
/// and cached briefly: a new rule version or a corrected holiday is a data change, picked up without a deployment.
/// The administration pages call <see cref="Invalidate"/> after a change, so this instance applies it at once;
/// other instances within <see cref="CacheFor"/>.
/// </summary>
public sealed class RuleBookProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (RuleBook Rules, WorkingCalendar Calendar, DateTimeOffset LoadedAt)? _cached;
    private long _generation;

    public async Task<(RuleBook Rules, WorkingCalendar Calendar)> GetAsync(CancellationToken ct)
    {
        if (_cached is { } c && clock.GetUtcNow() - c.LoadedAt < CacheFor)
            return (c.Rules, c.Calendar);
        await _lock.WaitAsync(ct);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.LoadedAt < CacheFor)
                return (again.Rules, again.Calendar);
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(hệ thống: quy định)");
            var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
            var rules = await db.RuleValues.AsNoTracking().ToListAsync(ct);
            var holidays = await db.PublicHolidays.AsNoTracking().ToListAsync(ct);
            var book = new RuleBook(rules.Select(r => r.ToValue()));
            var calendar = new WorkingCalendar(holidays.Select(h => h.ToHoliday()));
            // A change committed while this load ran invalidated it already: serve it once, but do not keep it.
            if (Interlocked.Read(ref _generation) == generation)
                _cached = (book, calendar, clock.GetUtcNow());
            return (book, calendar);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Forgets the cached rules and calendar; the next reader loads them from the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cached = null;
    }

    public async Task<LifecycleContext> ContextAsync(string actor, CancellationToken ct)
    {
        var (rules, calendar) = await GetAsync(ct);
        return new LifecycleContext(rules, calendar, actor);
    }

    /// <summary>
    /// Loads the rule versions and holidays shipped in Data/Reference into a new installation. Once there, the data
    /// belongs to the administrators (the pages under /Rules), so nothing they changed comes back: a shipped version
    /// is added only if it overlaps no version of its rule in the database, and a year's holidays only if the
    /// database has no day of that year (a year is covered as a whole, see WorkingCalendar).
    /// </summary>
    public static async Task EnsureReferenceAsync(OrgComDbContext db, CancellationToken ct)
    {
        var shipped = RuleBookJson.Parse(await File.ReadAllTextAsync(ReferenceData.PathOf("rules.json"), ct));
        var existing = (await db.RuleValues.Select(r => new { r.Key, r.EffectiveFrom, r.EffectiveTo }).ToListAsync(ct))
            .ToLookup(r => r.Key, r => (r.EffectiveFrom, r.EffectiveTo), StringComparer.Ordinal);
        db.RuleValues.AddRange(shipped.Values
            .Where(v => !existing[v.Key].Any(r => Overlap(r.EffectiveFrom, r.EffectiveTo, v.EffectiveFrom, v.EffectiveTo)))
            .Select(RuleRecord.From));

        var holidays = PublicHolidayCsv.Parse(await File.ReadAllTextAsync(ReferenceData.PathOf("public-holidays.csv"), ct));
        var years = (await db.PublicHolidays.Select(h => h.Date.Year).Distinct().ToListAsync(ct)).ToHashSet();
        db.PublicHolidays.AddRange(holidays.Where(h => !years.Contains(h.Date.Year)).Select(HolidayRecord.From));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether [from1, to1) and [from2, to2) share a day; a null end is open.</summary>
    private static bool Overlap(DateOnly from1, DateOnly? to1, DateOnly from2, DateOnly? to2) =>
        (to2 is not { } end2 || from1 < end2) && (to1 is not { } end1 || from2 < end1);
}
