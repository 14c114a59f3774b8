using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Cadres;

/// <summary>A position as the pages list it.</summary>
public sealed record PositionOption(long Id, string Name, string? BodyName, PositionLevel Level, long OrganizationId, string OrganizationName, bool IsCommitteeSeat)
{
    public string Title => BodyName is null ? Name : $"{Name} · {BodyName}";
}

/// <summary>A cadre: a member holding at least one active post in the user's scope.</summary>
public sealed record CadreOption(long MemberId, string FullName, string Posts);

/// <summary>An active post with the person holding it, for the forecast and the worklist.</summary>
public sealed record ActivePost(
    long AppointmentId, long MemberId, string FullName, Gender Gender, DateOnly BirthDate, bool BirthYearOnly,
    long PositionId, string PositionName, PositionLevel Level, long OrganizationId, string OrganizationName, AppointmentKind Kind,
    DateOnly StartOn, DateOnly TermEndsOn, bool IsConcurrent, bool IsActing, bool IsCommitteeSeat);

/// <summary>The queries the cadre pages share. Everything goes through the scope filters of the DbContext.</summary>
public sealed class CadreQueries(OrgComDbContext db)
{
    public Task<LTree?> PathOfAsync(long organizationId, CancellationToken ct) => db.Organizations
        .Where(o => o.Id == organizationId).Select(o => (LTree?)EF.Property<LTree>(o, OrgComDbContext.PathProperty))
        .SingleOrDefaultAsync(ct);

    /// <summary>Active positions in scope; with <paramref name="within"/>, only those of that organization and the ones under it.</summary>
    public Task<List<PositionOption>> PositionsAsync(CancellationToken ct, LTree? within = null)
    {
        var organizations = within is { } root
            ? db.Organizations.Where(o => EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(root))
            : db.Organizations;
        return db.Positions
            .Where(p => p.IsActive)
            .Join(organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p, o.Name })
            .OrderBy(x => x.p.Level).ThenBy(x => x.Name).ThenBy(x => x.p.Id)
            .Select(x => new PositionOption(x.p.Id, x.p.Name, x.p.BodyName, x.p.Level, x.p.OrganizationId, x.Name, x.p.IsCommitteeSeat))
            .Take(1000)
            .ToListAsync(ct);
    }

    public async Task<List<CadreOption>> CadresAsync(CancellationToken ct)
    {
        var posts = await db.Appointments
            .Where(a => a.EndedOn == null)
            .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { m.Id, m.FullName, a.PositionName })
            .OrderBy(x => x.FullName).ThenBy(x => x.Id)
            .Take(2000)
            .ToListAsync(ct);
        return posts.GroupBy(x => (x.Id, x.FullName))
            .Select(g => new CadreOption(g.Key.Id, g.Key.FullName, string.Join("; ", g.Select(x => x.PositionName)))).ToList();
    }

    /// <summary>
    /// The member's active posts anywhere: one principal post at a time is a rule about the person, not about the
    /// user's scope. Only their names reach the user, in a refusal.
    /// </summary>
    public Task<List<HeldPost>> ActivePostsOfAsync(long memberId, CancellationToken ct) => db.Appointments.IgnoreQueryFilters()
        .Where(a => a.MemberId == memberId && a.EndedOn == null)
        .Select(a => new HeldPost(a.Id, a.PositionId, a.PositionName, a.IsConcurrent))
        .ToListAsync(ct);

    /// <summary>Active posts in scope, optionally only of people born from <paramref name="bornFrom"/> to
    /// <paramref name="bornTo"/> or of terms ending by <paramref name="termEndsBy"/>.</summary>
    public Task<List<ActivePost>> ActivePostsAsync(DateOnly? bornFrom, DateOnly? bornTo, DateOnly? termEndsBy, int limit, CancellationToken ct)
    {
        var query = from a in db.Appointments
                    where a.EndedOn == null
                    join m in db.Members on a.MemberId equals m.Id
                    join p in db.Positions on a.PositionId equals p.Id
                    join o in db.Organizations on a.OrganizationId equals o.Id
                    select new { a, m, p, o };
        if (bornFrom is { } from)
            query = query.Where(x => x.m.BirthDate >= from);
        if (bornTo is { } to)
            query = query.Where(x => x.m.BirthDate <= to);
        if (termEndsBy is { } by)
            query = query.Where(x => x.a.TermEndsOn <= by);
        return query.OrderBy(x => x.a.TermEndsOn).ThenBy(x => x.a.Id).Take(limit)
            .Select(x => new ActivePost(x.a.Id, x.m.Id, x.m.FullName, x.m.Gender, x.m.BirthDate, x.m.BirthYearOnly,
                x.p.Id, x.a.PositionName, x.a.Level, x.o.Id, x.o.Name, x.a.Kind, x.a.StartOn, x.a.TermEndsOn, x.a.IsConcurrent,
                x.a.IsActing, x.p.IsCommitteeSeat))
            .ToListAsync(ct);
    }

    /// <summary>The appointment history of a member, newest first, within the user's scope.</summary>
    public Task<List<Appointment>> HistoryAsync(long memberId, CancellationToken ct) => db.Appointments.AsNoTracking()
        .Where(a => a.MemberId == memberId)
        .OrderByDescending(a => a.StartOn).ThenByDescending(a => a.Id)
        .ToListAsync(ct);

    /// <summary>
    /// What the planning limits need from outside a batch: the active entries of the other batches of the same term
    /// for the position and for the cadre — all of them, whatever the user's scope, because the limits are about the
    /// position and the person — and whether the cadre holds the position.
    /// </summary>
    /// <remarks>Entries of batches outside the user's read scope are marked so, and refusals count them without naming.</remarks>
    public async Task<PlanningContext> PlanningContextAsync(PlanningBatch batch, long memberId, long positionId, CancellationToken ct)
    {
        var term = batch.TermStartYear;
        var relevant = (IQueryable<PlanningEntry> entries, IQueryable<PlanningBatch> batches) => entries
            .Where(e => e.BatchId != batch.Id && e.Status != PlanningEntryStatus.Removed && (e.PositionId == positionId || e.MemberId == memberId)
                && batches.Any(b => b.Id == e.BatchId && b.TermStartYear == term));
        var all = await relevant(db.PlanningEntries.IgnoreQueryFilters(), db.PlanningBatches.IgnoreQueryFilters())
            .Select(e => new { e.Id, Post = new PlannedPost(e.MemberId, e.MemberName, e.PositionId, e.PositionName, e.Level, false) })
            .ToListAsync(ct);
        var readable = (await relevant(db.PlanningEntries, db.PlanningBatches).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var posts = all.Select(x => readable.Contains(x.Id) ? x.Post with { InScope = true } : x.Post).ToList();
        var holds = await db.Appointments.IgnoreQueryFilters()
            .AnyAsync(a => a.MemberId == memberId && a.PositionId == positionId && a.EndedOn == null, ct);
        return new PlanningContext(posts.Where(p => p.PositionId == positionId).ToList(), posts.Where(p => p.MemberId == memberId).ToList(), holds);
    }

    /// <summary>Birth dates of people who can retire between the two dates under any age of the roadmaps in force.</summary>
    public static (DateOnly BornFrom, DateOnly BornTo) BirthWindow(DateOnly from, DateOnly to, RuleBook rules)
    {
        var ages = new[] { RuleKey.RetirementAgeMonthsMale, RuleKey.RetirementAgeMonthsFemale }
            .SelectMany(k => rules.History(k)).SelectMany(v => v.AsYearTable()).Select(t => t.Value).ToList();
        return (from.AddMonths(-ages.Max() - 1), to.AddMonths(-ages.Min()));
    }
}
