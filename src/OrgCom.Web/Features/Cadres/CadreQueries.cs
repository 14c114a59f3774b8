using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Cadres;

/// <summary>A position as the pages list it.</summary>
public sealed record PositionOption(long Id, string Name, string? BodyName, PositionLevel Level, long OrganizationId, string OrganizationName, bool IsCommitteeSeat,
    PositionRank Rank = PositionRank.Other)
{
    public string Title => BodyName is null ? Name : $"{Name} · {BodyName}";
}

/// <summary>A cadre: a person (member or not, ADR 0014) holding at least one active post in the user's scope.</summary>
public sealed record CadreOption(long MemberId, string FullName, string Posts, bool IsPartyMember = true)
{
    /// <summary>The name as the lists show it: "(ngoài Đảng)" after a non-member's.</summary>
    public string Label => IsPartyMember ? FullName : $"{FullName} (ngoài Đảng)";
}

/// <summary>An active post with the person holding it, for the forecast and the worklist.</summary>
public sealed record ActivePost(
    long AppointmentId, long MemberId, string FullName, Gender Gender, DateOnly BirthDate, bool BirthYearOnly,
    long PositionId, string PositionName, PositionLevel Level, long OrganizationId, string OrganizationName, AppointmentKind Kind,
    DateOnly StartOn, DateOnly TermEndsOn, bool IsConcurrent, bool IsActing, bool IsCommitteeSeat, bool IsPartyMember = true)
{
    /// <summary>The person's dossier: the member dossier or the non-member cadre's page.</summary>
    public string DossierUrl => IsPartyMember ? $"/Members/Details/{MemberId}" : $"/Cadres/People/{MemberId}";
}

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
            .Select(x => new PositionOption(x.p.Id, x.p.Name, x.p.BodyName, x.p.Level, x.p.OrganizationId, x.Name, x.p.IsCommitteeSeat, x.p.Rank))
            .Take(1000)
            .ToListAsync(ct);
    }

    /// <summary>Cadres in scope with their active posts, grouped in SQL so each one listed has all its posts, whatever the
    /// number of posts; at most 2.000 cadres, in name order. Members and cadres outside the party alike (the view
    /// cadre_people, ADR 0014); <paramref name="partyMembersOnly"/> for the functions that take members only (planning,
    /// submissions).</summary>
    public Task<List<CadreOption>> CadresAsync(CancellationToken ct, bool partyMembersOnly = false) => db.Appointments
        .Where(a => a.EndedOn == null)
        .Join(db.CadrePeople.Where(m => !partyMembersOnly || m.IsPartyMember), a => a.MemberId, m => m.Id,
            (a, m) => new { m.Id, m.FullName, m.IsPartyMember, a.PositionName })
        .GroupBy(x => new { x.Id, x.FullName, x.IsPartyMember })
        .OrderBy(g => g.Key.FullName).ThenBy(g => g.Key.Id)
        .Take(2000)
        .Select(g => new CadreOption(g.Key.Id, g.Key.FullName, string.Join("; ", g.Select(x => x.PositionName)), g.Key.IsPartyMember))
        .ToListAsync(ct);

    /// <summary>
    /// The member's active posts anywhere: one principal post at a time is a rule about the person, not about the
    /// user's scope. Only their names reach the user, in a refusal.
    /// </summary>
    public Task<List<HeldPost>> ActivePostsOfAsync(long memberId, CancellationToken ct) => db.Appointments.IgnoreQueryFilters()
        .Where(a => a.MemberId == memberId && a.EndedOn == null)
        .Select(a => new HeldPost(a.Id, a.PositionId, a.PositionName, a.IsConcurrent))
        .ToListAsync(ct);

    /// <summary>
    /// Active posts in scope, filtered in SQL: of people born within <paramref name="births"/> (per gender), or of
    /// terms ending by <paramref name="termEndsBy"/>, or appointed posts only (committee seats are elected). Ordered by
    /// birth date when filtered by births (the earliest retire first), else by term end; at most <paramref name="limit"/>
    /// rows, and whether more matched.
    /// </summary>
    public async Task<(List<ActivePost> Posts, bool Truncated)> ActivePostsAsync(BirthWindows? births, DateOnly? termEndsBy,
        bool appointedOnly, int limit, CancellationToken ct)
    {
        var query = from a in db.Appointments
                    where a.EndedOn == null
                    join m in db.CadrePeople on a.MemberId equals m.Id
                    join p in db.Positions on a.PositionId equals p.Id
                    join o in db.Organizations on a.OrganizationId equals o.Id
                    select new { a, m, p, o };
        if (births is { } w)
        {
            // A year-only birth counts from 1 January: whatever day is stored, its year decides the upper bound.
            DateOnly mf = w.Male.From, mt = w.Male.To, ff = w.Female.From, ft = w.Female.To;
            DateOnly mtYear = new(mt.Year + 1, 1, 1), ftYear = new(ft.Year + 1, 1, 1);
            query = query.Where(x =>
                (x.m.Gender == Gender.Male && x.m.BirthDate >= mf && (x.m.BirthDate <= mt || x.m.BirthYearOnly && x.m.BirthDate < mtYear))
                || (x.m.Gender == Gender.Female && x.m.BirthDate >= ff && (x.m.BirthDate <= ft || x.m.BirthYearOnly && x.m.BirthDate < ftYear)));
        }
        if (termEndsBy is { } by)
            query = query.Where(x => x.a.TermEndsOn <= by);
        if (appointedOnly)
            query = query.Where(x => !x.p.IsCommitteeSeat);
        var ordered = births is null
            ? query.OrderBy(x => x.a.TermEndsOn).ThenBy(x => x.a.Id)
            : query.OrderBy(x => x.m.BirthDate).ThenBy(x => x.a.Id);
        var posts = await ordered.Take(limit + 1)
            .Select(x => new ActivePost(x.a.Id, x.m.Id, x.m.FullName, x.m.Gender, x.m.BirthDate, x.m.BirthYearOnly,
                x.p.Id, x.a.PositionName, x.a.Level, x.o.Id, x.o.Name, x.a.Kind, x.a.StartOn, x.a.TermEndsOn, x.a.IsConcurrent,
                x.a.IsActing, x.p.IsCommitteeSeat, x.m.IsPartyMember))
            .ToListAsync(ct);
        return posts.Count > limit ? (posts[..limit], true) : (posts, false);
    }

    /// <summary>
    /// What the eligibility check needs to know of the person's posts — wherever they are, because it is about the
    /// person: whether they held <paramref name="position"/> by <paramref name="on"/>, and whether they sit in a
    /// committee of the position's organization now.
    /// </summary>
    public async Task<EligibilityHistory> EligibilityHistoryAsync(long memberId, Position position, DateOnly on, CancellationToken ct)
    {
        var posts = db.Appointments.IgnoreQueryFilters().Where(a => a.MemberId == memberId);
        var heldBefore = await posts.AnyAsync(a => a.PositionId == position.Id && a.StartOn <= on, ct);
        var committeeMember = await posts.AnyAsync(a => a.EndedOn == null && a.OrganizationId == position.OrganizationId
            && db.Positions.IgnoreQueryFilters().Any(p => p.Id == a.PositionId && p.IsCommitteeSeat), ct);
        return new EligibilityHistory(heldBefore, committeeMember);
    }

    /// <summary>The appointment history of a member, newest first, within the user's scope.</summary>
    public async Task<List<Appointment>> HistoryAsync(long memberId, CancellationToken ct)
    {
        var posts = new List<Appointment>();
        await foreach (var post in History(db, memberId).WithCancellation(ct))
            posts.Add(post);
        return posts;
    }

    /// <summary>Compiled once (the scope filter still applies): the dossier page runs it on every opening
    /// (docs/benchmarks.md, dossier page).</summary>
    private static readonly Func<OrgComDbContext, long, IAsyncEnumerable<Appointment>> History = EF.CompileAsyncQuery(
        (OrgComDbContext db, long memberId) => db.Appointments.AsNoTracking()
            .OrderByDescending(a => a.StartOn).ThenByDescending(a => a.Id)
            .Where(a => a.MemberId == memberId));

    /// <summary>
    /// What the planning limits need from outside a batch: the active entries of the other batches of the same term
    /// for the position and for the cadre — all of them, whatever the user's scope, because the limits are about the
    /// position and the person — and whether the cadre holds the position.
    /// </summary>
    /// <remarks>Entries of batches outside the user's read scope are marked so, and refusals count them without naming.</remarks>
    /// <summary>
    /// Serializes the planning changes that count against the same limits (at most 3 cadres per position, 3 positions of
    /// a level per cadre): transaction-scoped advisory locks on the position, then on each cadre in id order (one total
    /// order, so two writers never wait on each other crosswise). Starts the transaction if none is open; the caller
    /// reads the entries it counts after this call and commits after saving (a refusal rolls back with the request).
    /// </summary>
    public async Task LockPlanningAsync(long positionId, IEnumerable<long> memberIds, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(8010, {(int)(positionId % int.MaxValue)})", ct);
        foreach (var id in memberIds.Distinct().Order())
            await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(8011, {(int)(id % int.MaxValue)})", ct);
    }

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
        var held = await db.Appointments.IgnoreQueryFilters().Where(a => a.MemberId == memberId && a.EndedOn == null)
            .Join(db.Positions.IgnoreQueryFilters(), a => a.PositionId, p => p.Id,
                (a, p) => new { a.PositionId, Standing = new HeldStanding(a.PositionName, p.Level, p.Rank, a.IsConcurrent, a.IsActing) })
            .ToListAsync(ct);
        return new PlanningContext(posts.Where(p => p.PositionId == positionId).ToList(), posts.Where(p => p.MemberId == memberId).ToList(),
            held.Any(h => h.PositionId == positionId), held.Select(h => h.Standing).ToList());
    }

    /// <summary>
    /// Birth dates, per gender, of people who can retire between the two dates: the ages are those the roadmap in force
    /// on 1 January of each year from <paramref name="from"/>'s to <paramref name="to"/>'s gives for that year — not the
    /// superseded ages of past years, which would widen the window for nothing.
    /// </summary>
    public static BirthWindows BirthWindow(DateOnly from, DateOnly to, RuleBook rules)
    {
        (DateOnly, DateOnly) For(Gender gender)
        {
            var key = Retirement.KeyFor(gender);
            var ages = Enumerable.Range(from.Year, to.Year - from.Year + 1)
                .Select(y => rules.TryGet(key, new DateOnly(y, 1, 1), out var v) ? v.YearTableValue(y) : (int?)null)
                .OfType<int>().ToList();
            if (ages.Count == 0)
                ages = rules.History(key).SelectMany(v => v.AsYearTable()).Select(t => t.Value).ToList();
            return ages.Count == 0 ? (to, from) : (from.AddMonths(-ages.Max() - 1), to.AddMonths(-ages.Min()));
        }
        return new BirthWindows(For(Gender.Male), For(Gender.Female));
    }
}

/// <summary>Birth-date ranges, per gender, of the people a forecast reads.</summary>
public sealed record BirthWindows((DateOnly From, DateOnly To) Male, (DateOnly From, DateOnly To) Female);
