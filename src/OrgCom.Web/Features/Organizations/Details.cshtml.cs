using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Members;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Organizations;

public sealed class DetailsModel(OrganizationQueries queries, MemberQueries memberQueries, CurrentUser currentUser, OrgComDbContext db) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public List<LineageItem> Ancestors { get; private set; } = [];
    public List<TreeNode> Children { get; private set; } = [];
    public SubtreeCounts Counts { get; private set; } = new(0, 0);
    public List<OrganizationEvent> History { get; private set; } = [];
    public Paged<MemberRow>? Members { get; private set; }
    public List<(long Id, string FullName, OrgCom.Core.Members.CandidateStage? Stage)> Candidates { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanSeeAudit { get; private set; }
    public IReadOnlyList<OrganizationKind> AllowedChildKinds { get; private set; } = [];
    private Dictionary<long, string> _names = [];

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery] int page, CancellationToken ct)
    {
        var organization = await queries.FindAsync(id, ct);
        if (organization is null)
            return NotFound();
        Organization = organization;
        var path = OrganizationQueries.PathOf(organization, db);
        Ancestors = await queries.AncestorsAsync(path, ct);
        Children = await queries.ChildrenAsync(id, includeDissolved: true, ct);
        Counts = await queries.SubtreeCountsAsync(path, ct);
        History = await queries.HistoryAsync(id, ct);
        _names = await queries.NamesAsync(
            History.SelectMany(e => new[] { e.FromParentId, e.ToParentId }).OfType<long>(), ct);
        if (organization.Kind.HoldsMembers())
        {
            Members = await memberQueries.OfOrganizationAsync(id, page, 50, ct);
            Candidates = (await db.Members
                    .Where(m => m.OrganizationId == id && m.Status == OrgCom.Core.Members.MemberStatus.Candidate)
                    .OrderBy(m => m.GivenName).ThenBy(m => m.FamilyName)
                    .Select(m => new { m.Id, m.FullName, m.CandidateStage }).ToListAsync(ct))
                .Select(c => (c.Id, c.FullName, c.CandidateStage)).ToList();
        }
        CanWrite = currentUser.Can(Permission.Write, path);
        CanSeeAudit = currentUser.Can(Permission.Administer, path);
        AllowedChildKinds = OrganizationKinds.AllowedChildrenOf(organization.Kind);
        return Page();
    }

    public string Describe(OrganizationEvent e) => e.Kind switch
    {
        OrganizationEventKind.Established => e.ToParentId is null ? $"Thành lập {e.ToName}" : $"Thành lập {e.ToName}, trực thuộc {NameOf(e.ToParentId)}",
        OrganizationEventKind.Renamed => $"Từ \"{e.FromName}\" thành \"{e.ToName}\"",
        OrganizationEventKind.Moved => $"Từ {NameOf(e.FromParentId)} sang {NameOf(e.ToParentId)}",
        OrganizationEventKind.Dissolved => $"Giải thể (trực thuộc {NameOf(e.FromParentId)})",
        _ => "",
    };

    private string NameOf(long? id) =>
        id is long v && _names.TryGetValue(v, out var name) ? name : "(tổ chức ngoài phạm vi)";
}
