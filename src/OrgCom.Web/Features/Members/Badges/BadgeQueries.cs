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

/// <summary>
/// The members of the user's subtrees listed for a Huy hiệu Đảng presentation day. The database narrows the
/// candidates by admission date for each milestone; the rule (<see cref="PartyBadges"/>) then decides each one, so
/// members whose party age has gaps (readmitted) are judged with their gaps. With <c>includeSeriouslyIll</c>, members
/// confirmed seriously ill by the presentation day are judged for an early award too.
/// </summary>
public sealed class BadgeQueries(OrgComDbContext db)
{
    public async Task<Result<(BadgeEligibility Window, List<BadgeRow> Rows)>> ListAsync(DateOnly presentation, RuleBook rules,
        bool includeSeriouslyIll, CancellationToken ct)
    {
        var probe = PartyBadges.At(presentation, presentation, [], rules);
        if (!probe.IsSuccess)
            return probe.Error!;
        var previous = probe.Value!.PreviousPresentationDate;
        var milestones = rules.Get(RuleKey.BadgeMilestonesYears, presentation).AsIntList();

        var counted = db.Members.Where(m => m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official);
        var candidates = new Dictionary<long, Candidate>();
        foreach (var years in milestones)
        {
            // A few days either side of the window: the rule itself decides the boundary (29 February, month ends).
            var from = previous.AddYears(-years).AddDays(-3);
            var to = presentation.AddYears(-years).AddDays(3);
            foreach (var c in await Project(counted.Where(m => m.Readmissions == 0 && m.AdmittedOn > from && m.AdmittedOn <= to)).ToListAsync(ct))
                candidates[c.Id] = c;
        }
        foreach (var c in await Project(counted.Where(m => m.Readmissions > 0 && m.AdmittedOn != null)).ToListAsync(ct))
            candidates[c.Id] = c;

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
            foreach (var c in await Project(counted.Where(m => m.AdmittedOn != null && ids.Contains(m.Id))).ToListAsync(ct))
                candidates[c.Id] = c;
        }

        var gapsByMember = await GapsAsync(candidates.Values.Where(c => c.Readmissions > 0).Select(c => c.Id).ToArray(), presentation, ct);
        var rows = new List<BadgeRow>();
        foreach (var c in candidates.Values)
        {
            var result = PartyBadges.At(presentation, c.AdmittedOn, gapsByMember.GetValueOrDefault(c.Id, []), rules,
                illSince.TryGetValue(c.Id, out var since) ? since : null);
            if (result.Value is { IsEligible: true } e)
                rows.Add(new BadgeRow(c.Id, c.FullName, c.GivenName, c.MiddleName, c.FamilyName, c.BirthDate, c.BirthYearOnly,
                    c.OrganizationName, c.AdmittedOn, e.MilestoneYears!.Value, e.ReachedOn!.Value, e.Early));
        }
        return (probe.Value, rows);
    }

    private sealed record Candidate(long Id, string FullName, string GivenName, string MiddleName, string FamilyName,
        DateOnly BirthDate, bool BirthYearOnly, string OrganizationName, DateOnly AdmittedOn, int Readmissions);

    private IQueryable<Candidate> Project(IQueryable<Member> members) =>
        members.Select(m => new Candidate(m.Id, m.FullName, m.GivenName, m.MiddleName, m.FamilyName, m.BirthDate, m.BirthYearOnly,
            db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Name).First(), m.AdmittedOn!.Value, m.Readmissions));

    private async Task<Dictionary<long, List<InactivityGap>>> GapsAsync(long[] memberIds, DateOnly until, CancellationToken ct)
    {
        if (memberIds.Length == 0)
            return [];
        var members = await db.Members.Include(m => m.Events).Where(m => memberIds.Contains(m.Id)).ToListAsync(ct);
        return members.ToDictionary(m => m.Id, m => m.ActivityGaps()
            .Select(g => new InactivityGap(g.From, g.To ?? until)).ToList());
    }
}
