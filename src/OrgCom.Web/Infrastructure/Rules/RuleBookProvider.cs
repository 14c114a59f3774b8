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
/// </summary>
public sealed class RuleBookProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (RuleBook Rules, WorkingCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async Task<(RuleBook Rules, WorkingCalendar Calendar)> GetAsync(CancellationToken ct)
    {
        if (_cached is { } c && clock.GetUtcNow() - c.LoadedAt < CacheFor)
            return (c.Rules, c.Calendar);
        await _lock.WaitAsync(ct);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.LoadedAt < CacheFor)
                return (again.Rules, again.Calendar);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(hệ thống: quy định)");
            var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
            var rules = await db.RuleValues.AsNoTracking().ToListAsync(ct);
            var holidays = await db.PublicHolidays.AsNoTracking().ToListAsync(ct);
            var book = new RuleBook(rules.Select(r => new RuleValue(r.Key, r.Value, r.EffectiveFrom, r.EffectiveTo, r.Source, r.Note, r.IsConfirmed)));
            var calendar = new WorkingCalendar(holidays.Select(h => new PublicHoliday(h.Date, h.Name, Enum.Parse<PublicHolidayKind>(h.Kind), h.Source)));
            _cached = (book, calendar, clock.GetUtcNow());
            return (book, calendar);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _cached = null;

    public async Task<LifecycleContext> ContextAsync(string actor, CancellationToken ct)
    {
        var (rules, calendar) = await GetAsync(ct);
        return new LifecycleContext(rules, calendar, actor);
    }

    /// <summary>Adds the rule versions and holidays shipped in Data/Reference that the database does not have yet;
    /// versions already there (possibly corrected by an administrator) are left as they are.</summary>
    public static async Task EnsureReferenceAsync(OrgComDbContext db, CancellationToken ct)
    {
        var shipped = RuleBookJson.Parse(await File.ReadAllTextAsync(ReferenceData.PathOf("rules.json"), ct));
        var existing = (await db.RuleValues.Select(r => new { r.Key, r.EffectiveFrom }).ToListAsync(ct))
            .Select(r => (r.Key, r.EffectiveFrom)).ToHashSet();
        db.RuleValues.AddRange(shipped.Values
            .Where(v => !existing.Contains((v.Key, v.EffectiveFrom)))
            .Select(v => new RuleRecord
            {
                Key = v.Key, Value = v.Value, EffectiveFrom = v.EffectiveFrom, EffectiveTo = v.EffectiveTo,
                Source = v.Source, Note = v.Note, IsConfirmed = v.IsConfirmed,
            }));

        var holidays = PublicHolidayCsv.Parse(await File.ReadAllTextAsync(ReferenceData.PathOf("public-holidays.csv"), ct));
        var known = (await db.PublicHolidays.Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        db.PublicHolidays.AddRange(holidays.Where(h => !known.Contains(h.Date)).Select(h => new HolidayRecord
        {
            Date = h.Date, Name = h.Name, Kind = h.Kind.ToString(), Source = h.Source,
        }));
        await db.SaveChangesAsync(ct);
    }
}
