using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Assessments;

/// <summary>An organization as the assessment pages need it: where it sits and who may act on it.</summary>
public sealed record AssessedOrganization(long Id, string Name, OrganizationKind Kind, long? ParentId, LTree Path, LTree? ParentPath)
{
    /// <summary>Chi bộ cơ sở, đảng bộ cơ sở, đảng bộ xã: where the cap on "xuất sắc" binds (domain.md §3).</summary>
    public bool IsGrassroots => Kind is OrganizationKind.GrassrootsCell or OrganizationKind.GrassrootsCommittee or OrganizationKind.CommuneCommittee;
}

/// <summary>
/// The reads the assessment pages share. Everything goes through the scoped DbContext, so an organization or a round
/// outside the user's subtrees is simply not found.
/// </summary>
public sealed class AssessmentQueries(OrgComDbContext db, CurrentUser user)
{
    public async Task<AssessedOrganization?> OrganizationAsync(long id, CancellationToken ct)
    {
        var o = await db.Organizations.Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Kind, x.ParentId, Path = EF.Property<LTree>(x, OrgComDbContext.PathProperty) })
            .SingleOrDefaultAsync(ct);
        if (o is null)
            return null;
        var parentPath = o.ParentId is { } p
            ? await db.Organizations.IgnoreQueryFilters().Where(x => x.Id == p).Select(x => EF.Property<LTree>(x, OrgComDbContext.PathProperty)).SingleAsync(ct)
            : (LTree?)null;
        return new AssessedOrganization(o.Id, o.Name, o.Kind, o.ParentId, o.Path, parentPath);
    }

    /// <summary>The round, if the user may see it and it covers the organization.</summary>
    public async Task<AssessmentRound?> RoundCoveringAsync(long roundId, AssessedOrganization organization, CancellationToken ct)
    {
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
            return null;
        var covered = organization.Path.ToString().Split('.').Contains(round.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return covered ? round : null;
    }

    /// <summary>
    /// The competent level for an organization's assessment: the level directly above it — or, for the organization
    /// that opened the round, its own leadership.
    /// </summary>
    public static LTree CompetentPath(AssessmentRound round, AssessedOrganization organization) =>
        round.OrganizationId == organization.Id || organization.ParentPath is not { } parent ? organization.Path : parent;

    public bool CanWrite(AssessedOrganization o) => user.Can(Core.Access.Permission.Write, o.Path);

    public bool CanDecide(AssessmentRound round, AssessedOrganization o) => user.Can(Core.Access.Permission.Approve, CompetentPath(round, o));

    public Task<OrganizationAssessment?> AssessmentAsync(long roundId, long organizationId, CancellationToken ct) =>
        db.OrganizationAssessments.Include(a => a.Members).Include(a => a.Organizations)
            .SingleOrDefaultAsync(a => a.RoundId == roundId && a.OrganizationId == organizationId, ct);

    /// <summary>The counted members registered in the organization now and admitted by the end of the period: the
    /// roster of a draft.</summary>
    public Task<List<long>> RosterAsync(long organizationId, AssessmentRound round, CancellationToken ct) =>
        db.Members.Where(m => m.OrganizationId == organizationId && MemberStatuses.Counted.Contains(m.Status)
                && (m.AdmittedOn == null || m.AdmittedOn <= round.PeriodTo))
            .Select(m => m.Id).ToListAsync(ct);

    /// <summary>The organizations directly under this one that exist for the period assessed.</summary>
    public Task<List<(long Id, string Name)>> SubordinatesAsync(long organizationId, AssessmentRound round, CancellationToken ct) =>
        db.Organizations.Where(o => o.ParentId == organizationId && o.DissolvedOn == null && o.EstablishedOn <= round.PeriodTo)
            .OrderBy(o => o.Code).Select(o => new ValueTuple<long, string>(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>An organization directly under the assessed one, as the roster of organizations needs it.</summary>
    public sealed record Subordinate(long Id, string Name, DateOnly EstablishedOn, bool FormedByReorganization, DateOnly? DissolvedOn = null);

    /// <summary>
    /// The roster of organizations: those directly under this one that exist for the period — with when each was
    /// established (and whether by a merge or split, ADR 0008: its "established" event belongs to a reorganization) —
    /// and those dissolved during the period (a plain dissolution keeps its parent; an organization merged or split is
    /// kept under its successor and is not listed here). The dissolved need no approval of their own
    /// (<see cref="SubordinatesNotApprovedAsync"/>) and are proposed "đã giải thể".
    /// </summary>
    public Task<List<Subordinate>> SubordinateFactsAsync(long organizationId, AssessmentRound round, CancellationToken ct) =>
        db.Organizations.Where(o => o.ParentId == organizationId && o.EstablishedOn <= round.PeriodTo
                && (o.DissolvedOn == null || (o.DissolvedOn >= round.PeriodFrom && o.DissolvedOn <= round.PeriodTo
                    && !db.OrganizationEvents.IgnoreQueryFilters().Any(e => e.OrganizationId == o.Id
                        && (e.Kind == OrganizationEventKind.Merged || e.Kind == OrganizationEventKind.Split)))))
            .OrderBy(o => o.Code)
            .Select(o => new Subordinate(o.Id, o.Name, o.EstablishedOn,
                db.OrganizationEvents.IgnoreQueryFilters().Any(e => e.OrganizationId == o.Id && e.Kind == OrganizationEventKind.Established && e.ReorganizationId != null),
                o.DissolvedOn))
            .ToListAsync(ct);

    /// <summary>The reasons proposed for not rating some of the subordinates when the roster of organizations is built
    /// ("mới thành lập", <see cref="AssessmentRules.ProposeNotRated"/>).</summary>
    public static Dictionary<long, OrganizationNotRatedReason> Proposals(IEnumerable<Subordinate> children, AssessmentRound round, RuleBook rules) =>
        children.Select(c => (c.Id, Reason: AssessmentRules.ProposeNotRated(c.EstablishedOn, round.PeriodTo, rules, c.DissolvedOn)))
            .Where(x => x.Reason is not null).ToDictionary(x => x.Id, x => x.Reason!.Value);

    /// <summary>Names of the subordinates whose assessment in the round is not approved yet.</summary>
    public async Task<List<string>> SubordinatesNotApprovedAsync(long organizationId, AssessmentRound round, CancellationToken ct)
    {
        var children = await SubordinatesAsync(organizationId, round, ct);
        var ids = children.Select(c => c.Id).ToList();
        var approved = await db.OrganizationAssessments
            .Where(a => a.RoundId == round.Id && ids.Contains(a.OrganizationId) && a.Status == AssessmentStatus.Approved)
            .Select(a => a.OrganizationId).ToListAsync(ct);
        return children.Where(c => !approved.Contains(c.Id)).Select(c => c.Name).ToList();
    }

    /// <summary>A member on an assessment's roster. <see cref="InScope"/> is false for a member who has since left the
    /// user's scope (transferred away after the round): the name and rating stay — they are the record of the round —
    /// but the identifiers (CCCD, card number) and the dossier link are not shown.</summary>
    public sealed record RosterRow(long MemberId, string FullName, DateOnly BirthDate, bool IsProbationary, DateOnly? AdmittedOn,
        string? CitizenId, string? PartyCardNumber, bool DisciplinedInPeriod, bool InScope = true);

    public async Task<List<RosterRow>> RosterRowsAsync(OrganizationAssessment assessment, AssessmentRound round, CancellationToken ct)
    {
        var ids = assessment.Members.Select(m => m.MemberId).ToList();
        var rows = await db.Members.IgnoreQueryFilters().Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Select(m => new RosterRow(m.Id, m.FullName, m.BirthDate, m.Status == MemberStatus.Probationary, m.AdmittedOn,
                m.CitizenId, m.PartyCardNumber,
                db.MemberEvents.IgnoreQueryFilters().Any(e => e.MemberId == m.Id && e.Kind == MemberEventKind.Disciplined
                    && e.EffectiveOn >= round.PeriodFrom && e.EffectiveOn <= round.PeriodTo), true))
            .ToListAsync(ct);
        // A separate query: IgnoreQueryFilters above switches the scope filter off for its whole statement.
        var visible = (await db.Members.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        return rows.Select(r => visible.Contains(r.MemberId) ? r : r with { CitizenId = null, PartyCardNumber = null, InScope = false }).ToList();
    }

    /// <summary>
    /// The facts the rules check at submission: the organization's own roster, and for a grassroots committee also every
    /// member rated in the organizations under it in this round (the cap binds within the whole grassroots organization).
    /// </summary>
    public async Task<(List<MemberFacts> Own, List<MemberFacts> Below)> FactsAsync(OrganizationAssessment assessment, AssessmentRound round,
        AssessedOrganization organization, CancellationToken ct)
    {
        var own = await RosterRowsAsync(assessment, round, ct);
        var inputs = assessment.Members.ToDictionary(m => m.MemberId, m => m.Input);
        var facts = own.Select(r => new MemberFacts(r.MemberId, r.FullName, r.IsProbationary, r.AdmittedOn, r.DisciplinedInPeriod,
            inputs[r.MemberId])).ToList();
        if (!organization.IsGrassroots || organization.Kind == OrganizationKind.GrassrootsCell)
            return (facts, []);
        var below = await db.MemberRatings
            .Where(r => r.OrganizationId != organization.Id
                && db.OrganizationAssessments.Any(a => a.Id == r.OrganizationAssessmentId && a.RoundId == round.Id)
                && db.Organizations.Any(o => o.Id == r.OrganizationId && EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(organization.Path)))
            .Join(db.Members.IgnoreQueryFilters(), r => r.MemberId, m => m.Id, (r, m) => new
            {
                r.MemberId, m.FullName, Probationary = m.Status == MemberStatus.Probationary, m.AdmittedOn,
                Disciplined = db.MemberEvents.IgnoreQueryFilters().Any(e => e.MemberId == m.Id && e.Kind == MemberEventKind.Disciplined
                    && e.EffectiveOn >= round.PeriodFrom && e.EffectiveOn <= round.PeriodTo),
                r.SelfLevel, r.ProposedLevel, r.Points, r.FinalLevel, r.NotAssessedReason, r.Note,
            }).ToListAsync(ct);
        return (facts, below.Select(b => new MemberFacts(b.MemberId, b.FullName, b.Probationary, b.AdmittedOn, b.Disciplined,
            new RatingInput(b.SelfLevel, b.ProposedLevel, b.Points, b.FinalLevel, b.NotAssessedReason, b.Note))).ToList());
    }

    public async Task<AssessmentCheck> CheckAsync(OrganizationAssessment assessment, AssessmentRound round, AssessedOrganization organization,
        RuleBook rules, CancellationToken ct)
    {
        var (own, below) = await FactsAsync(assessment, round, organization, ct);
        var subjectIds = assessment.Organizations.Select(o => o.SubjectOrganizationId).ToList();
        var subjects = await db.Organizations.IgnoreQueryFilters().Where(o => subjectIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.EstablishedOn, o.DissolvedOn }).ToDictionaryAsync(o => o.Id, ct);
        return AssessmentRules.Check(own, organization.IsGrassroots, round.PeriodTo, rules, assessment.Overrides, below,
            assessment.Organizations.Select(o => subjects.TryGetValue(o.SubjectOrganizationId, out var s)
                ? new OrganizationFacts(o.SubjectOrganizationId, s.Name, s.EstablishedOn, o.FinalLevel, o.NotRatedReason,
                    s.DissolvedOn is { } d && d <= round.PeriodTo ? d : null)
                : new OrganizationFacts(o.SubjectOrganizationId, o.SubjectOrganizationId.ToString(), DateOnly.MinValue, o.FinalLevel, o.NotRatedReason)).ToList());
    }

    public async Task<AssessmentStatus?> AssessmentStatusAsync(long roundId, long organizationId, CancellationToken ct) =>
        await db.OrganizationAssessments.IgnoreQueryFilters().Where(a => a.RoundId == roundId && a.OrganizationId == organizationId)
            .Select(a => (AssessmentStatus?)a.Status).SingleOrDefaultAsync(ct);

    public async Task<Dictionary<long, AssessmentStatus>> StatusesAsync(long roundId, List<long> organizationIds, CancellationToken ct) =>
        await db.OrganizationAssessments.Where(a => a.RoundId == roundId && organizationIds.Contains(a.OrganizationId))
            .Select(a => new { a.OrganizationId, a.Status }).ToDictionaryAsync(a => a.OrganizationId, a => a.Status, ct);

    public sealed record RatingHistoryRow(int Year, string RoundTitle, RoundKind Kind, string OrganizationName, QualityLevel? Level,
        NotAssessedReason? NotAssessedReason, AssessmentStatus Status, string? Note);

    /// <summary>
    /// A member's ratings, newest first, for the dossier. The caller has loaded the member within scope (the dossier
    /// page answers 404 otherwise); the history follows the person, including ratings given by an organization they
    /// have since left, so it is read without the scope filters.
    /// </summary>
    public async Task<List<RatingHistoryRow>> HistoryAsync(long memberId, CancellationToken ct = default)
    {
        var rows = new List<RatingHistoryRow>();
        await foreach (var row in History(db, memberId).WithCancellation(ct))
            rows.Add(row);
        return rows;
    }

    /// <summary>Compiled once: the dossier page runs it on every opening (docs/benchmarks.md, dossier page).</summary>
    private static readonly Func<OrgComDbContext, long, IAsyncEnumerable<RatingHistoryRow>> History = EF.CompileAsyncQuery(
        (OrgComDbContext db, long memberId) =>
            from r in db.MemberRatings.IgnoreQueryFilters()
            join a in db.OrganizationAssessments.IgnoreQueryFilters() on r.OrganizationAssessmentId equals a.Id
            join round in db.AssessmentRounds.IgnoreQueryFilters() on a.RoundId equals round.Id
            join o in db.Organizations.IgnoreQueryFilters() on r.OrganizationId equals o.Id
            where r.MemberId == memberId
            orderby round.PeriodTo descending, round.Id descending
            select new RatingHistoryRow(round.Year, round.Title, round.Kind, o.Name, r.FinalLevel, r.NotAssessedReason, a.Status, r.Note));
}
