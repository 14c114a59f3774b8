using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Cadres;

/// <summary>The decided retirements (nghỉ hưu ở tuổi cao hơn / trước tuổi) the forecast and the worklist apply.
/// Everything goes through the scope filters of the DbContext.</summary>
public sealed class RetirementDecisionQueries(OrgComDbContext db)
{
    /// <summary>The decisions of the given members, and those whose decided retirement falls in the window (people the
    /// age window does not read: an earlier retirement of a younger person, a later one of an older person).</summary>
    public async Task<Dictionary<long, RetirementDecision>> ForAsync(IReadOnlyCollection<long> memberIds, DateOnly after, DateOnly until,
        CancellationToken ct)
    {
        var ids = memberIds.ToArray();
        var decisions = await db.RetirementDecisions.AsNoTracking()
            .Where(d => ids.Contains(d.MemberId) || (d.PensionFrom > after && d.PensionFrom <= until))
            .ToListAsync(ct);
        return decisions.ToDictionary(d => d.MemberId);
    }

    /// <summary>The active posts in scope of the given members, as <see cref="CadreQueries.ActivePostsAsync"/> reads them.</summary>
    public Task<List<ActivePost>> ActivePostsOfAsync(IReadOnlyCollection<long> memberIds, bool appointedOnly, CancellationToken ct)
    {
        var ids = memberIds.ToArray();
        return (from a in db.Appointments
                where a.EndedOn == null && ids.Contains(a.MemberId)
                join m in db.CadrePeople on a.MemberId equals m.Id
                join p in db.Positions on a.PositionId equals p.Id
                join o in db.Organizations on a.OrganizationId equals o.Id
                where !appointedOnly || !p.IsCommitteeSeat
                orderby a.Id
                select new ActivePost(a.Id, m.Id, m.FullName, m.Gender, m.BirthDate, m.BirthYearOnly, p.Id, a.PositionName, a.Level, o.Id,
                    o.Name, a.Kind, a.StartOn, a.TermEndsOn, a.IsConcurrent, a.IsActing, p.IsCommitteeSeat, m.IsPartyMember))
            .ToListAsync(ct);
    }
}
