using OrgCom.Core.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Assessments;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Assessments;

/// <summary>A round seen level by level: an organization's assessment and those of the organizations directly under it.</summary>
public sealed class RoundModel(OrgComDbContext db, AssessmentQueries queries, CurrentUser user) : PageModel
{
    public sealed record Row(long Id, string Name, string Kind, AssessmentStatus? Status, int Required, int Excellent, int Good,
        int Completed, int NotCompleted, int NotAssessed, int Children);

    public AssessmentRound Round { get; private set; } = null!;
    public AssessedOrganization Organization { get; private set; } = null!;
    public Row Self { get; private set; } = null!;
    public List<Row> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? organizationId, CancellationToken ct)
    {
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
            return NotFound();
        // By default: the opener if the user sees it, else the user's own organization under the round.
        var start = organizationId
            ?? (await db.Organizations.AnyAsync(o => o.Id == round.OrganizationId, ct)
                ? round.OrganizationId
                : user.Grants.Select(g => g.OrganizationId).FirstOrDefault(g => user.Grants.Any(x => x.OrganizationId == g
                    && x.Path.ToString().Split('.').Contains(round.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        var organization = await queries.OrganizationAsync(start, ct);
        if (organization is null || await queries.RoundCoveringAsync(id, organization, ct) is null)
            return NotFound();
        Round = round;
        Organization = organization;
        var children = await queries.SubordinatesAsync(organization.Id, round, ct);
        var ids = children.Select(c => c.Id).Append(organization.Id).ToList();
        var rows = await db.Organizations.Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.Name, o.Kind,
                A = db.OrganizationAssessments.Where(a => a.RoundId == id && a.OrganizationId == o.Id)
                    .Select(a => new { a.Status, a.RequiredCount, a.ExcellentCount, a.GoodCount, a.CompletedCount, a.NotCompletedCount, a.NotAssessedCount })
                    .FirstOrDefault(),
                Children = db.Organizations.Count(c => c.ParentId == o.Id && c.DissolvedOn == null),
            }).ToListAsync(ct);
        var mapped = rows.Select(r => new Row(r.Id, r.Name, r.Kind.DisplayName(), r.A?.Status, r.A?.RequiredCount ?? 0, r.A?.ExcellentCount ?? 0,
            r.A?.GoodCount ?? 0, r.A?.CompletedCount ?? 0, r.A?.NotCompletedCount ?? 0, r.A?.NotAssessedCount ?? 0, r.Children)).ToDictionary(r => r.Id);
        Self = mapped[organization.Id];
        Children = children.Select(c => mapped[c.Id]).ToList();
        return Page();
    }
}
