using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Rules;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Members.Badges;

/// <param name="Early">Set when the member is listed before reaching the milestone, for serious illness.</param>
public sealed record BadgeRow(long MemberId, string FullName, string GivenName, string MiddleName, string FamilyName,
    DateOnly BirthDate, bool BirthYearOnly, string OrganizationName, DateOnly AdmittedOn, int Milestone, DateOnly ReachedOn,
    EarlyAward? Early = null);

/// <summary>A presentation day's list: how many reach each milestone (highest first) and the rows named.</summary>
public sealed record BadgeList(BadgeEligibility Window, IReadOnlyList<(int Milestone, int Count)> Counts, int Total,
    int EarlyCount, List<BadgeRow> Rows);

/// <summary>
/// The members of the user's subtrees listed for a Huy hiệu Đảng presentation day. The database narrows the
/// candidates by admission date for each milestone, from an index alone (id, admission date, readmissions); the rule
/// (<see cref="PartyBadges"/>) then decides each one, so members whose party age has gaps (readmitted) are judged with
/// their gaps; only then are the names and organizations of those listed read. With <c>includeSeriouslyIll</c>,
/// members confirmed seriously ill by the presentation day are judged for an early award too.
/// </summary>
public sealed class BadgeQueries(OrgComDbContext db)
{
    /// <param name="namedAtLeast">Name only the milestone groups, highest first, that hold the first this many people
    /// of the list (what a page shows); null names everyone (the export). The counts always cover everyone.</param>
    public async Task<Result<BadgeList>> ListAsync(DateOnly presentation, RuleBook rules,
        bool includeSeriouslyIll, int? namedAtLeast, CancellationToken ct)
    {
        var probe = PartyBadges.At(presentation, presentation, [], rules);
        if (!probe.IsSuccess)
            return probe.Error!;
        var previous = probe.Value!.PreviousPresentationDate;
        var milestones = rules.Get(RuleKey.BadgeMilestonesYears, presentation).AsIntList();

        // The candidates are read without the members' scope filter, whose check of each row's organization would cost
        // more than the index read itself (tens of thousands of rows a milestone nationally); their organizations are
        // then checked against the user's scope in one query, and only candidates in scope are judged and named (by a
        // query that applies the scope filter again).
        var counted = db.Members.IgnoreQueryFilters()
            .Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
        var found = new Dictionary<long, Candidate>();
        foreach (var years in milestones)
        {
            // A few days either side of the window: the rule itself decides the boundary (29 February, month ends).
            var from = previous.AddYears(-years).AddDays(-3);
            var to = presentation.AddYears(-years).AddDays(3);
            foreach (var c in await Project(counted.Where(m => m.Readmissions == 0 && m.AdmittedOn > from && m.AdmittedOn <= to)).ToListAsync(ct))
                found[c.Id] = c;
        }
        foreach (var c in await Project(counted.Where(m => m.Readmissions > 0 && m.AdmittedOn != null)).ToListAsync(ct))
            found[c.Id] = c;
        var organizationIds = found.Values.Select(c => c.OrganizationId).Distinct().ToArray();
        var inScope = (await db.Organizations.Where(o => organizationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var candidates = found.Values.Where(c => inScope.Contains(c.OrganizationId)).ToDictionary(c => c.Id);

        // Few members are confirmed seriously ill: all of them in scope are judged, whatever their admission date.
        var illSince = new Dictionary<long, DateOnly>();
        if (includeSeriouslyIll)
        {
            illSince = await db.MemberEvents
                .Where(e => e.Kind == MemberEventKind.SeriousIllnessConfirmed && e.EffectiveOn <= presentation)
                .GroupBy(e => e.MemberId)
                .Select(g => new { MemberId = g.Key, Since = g.Min(e => e.EffectiveOn) })
                .ToDictionaryAsync(g => g.MemberId, g => g.Since, ct);
            var ids = illSince.Keys.Where(id => !candidates.ContainsKey(id)).ToList();
            var scoped = db.Members.Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
            foreach (var c in await Project(scoped.Where(m => m.AdmittedOn != null && ids.Contains(m.Id))).ToListAsync(ct))
                candidates[c.Id] = c;
        }

        var gapsByMember = await GapsAsync(candidates.Values.Where(c => c.Readmissions > 0).Select(c => c.Id).ToArray(), presentation, ct);
        var eligible = new List<(Candidate Candidate, BadgeEligibility Eligibility)>();
        foreach (var c in candidates.Values)
        {
            var result = PartyBadges.At(presentation, c.AdmittedOn, gapsByMember.GetValueOrDefault(c.Id, []), rules,
                illSince.TryGetValue(c.Id, out var since) ? since : null);
            if (result.Value is { IsEligible: true } e)
                eligible.Add((c, e));
        }

        var counts = eligible.GroupBy(e => e.Eligibility.MilestoneYears!.Value).OrderByDescending(g => g.Key)
            .Select(g => (Milestone: g.Key, Count: g.Count())).ToList();
        var named = new HashSet<int>();
        var namedCount = 0;
        foreach (var (milestone, count) in counts)
        {
            if (namedAtLeast is { } enough && namedCount >= enough)
                break;
            named.Add(milestone);
            namedCount += count;
        }
        var listed = eligible.Where(e => named.Contains(e.Eligibility.MilestoneYears!.Value)).ToList();

        var listedIds = listed.Select(e => e.Candidate.Id).ToArray();
        var people = await db.Members.Where(m => listedIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.GivenName, m.MiddleName, m.FamilyName, m.BirthDate, m.BirthYearOnly, m.OrganizationId })
            .ToDictionaryAsync(p => p.Id, ct);
        var listedOrganizations = people.Values.Select(p => p.OrganizationId).Distinct().ToArray();
        var organizationNames = await db.Organizations.Where(o => listedOrganizations.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = listed.Where(e => people.ContainsKey(e.Candidate.Id))
            .Select(e => (Person: people[e.Candidate.Id], e.Candidate, e.Eligibility))
            .Select(x => new BadgeRow(x.Candidate.Id, x.Person.FullName, x.Person.GivenName, x.Person.MiddleName,
                x.Person.FamilyName, x.Person.BirthDate, x.Person.BirthYearOnly, organizationNames[x.Person.OrganizationId],
                x.Candidate.AdmittedOn, x.Eligibility.MilestoneYears!.Value, x.Eligibility.ReachedOn!.Value, x.Eligibility.Early))
            .ToList();
        return new BadgeList(probe.Value, counts, eligible.Count, eligible.Count(e => e.Eligibility.Early is not null), rows);
    }

    private sealed record Candidate(long Id, DateOnly AdmittedOn, int Readmissions, long OrganizationId);

    private static IQueryable<Candidate> Project(IQueryable<Member> members) =>
        members.Select(m => new Candidate(m.Id, m.AdmittedOn!.Value, m.Readmissions, m.OrganizationId));

    private async Task<Dictionary<long, List<InactivityGap>>> GapsAsync(long[] memberIds, DateOnly until, CancellationToken ct)
    {
        if (memberIds.Length == 0)
            return [];
        var members = await db.Members.Include(m => m.Events).Where(m => memberIds.Contains(m.Id)).ToListAsync(ct);
        return members.ToDictionary(m => m.Id, m => m.ActivityGaps()
            .Select(g => new InactivityGap(g.From, g.To ?? until)).ToList());
    }
}
