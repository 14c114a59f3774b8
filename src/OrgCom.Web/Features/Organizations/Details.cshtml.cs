using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgCom.Core.Access;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Members;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Organizations;

public sealed class DetailsModel(OrganizationQueries queries, MemberQueries memberQueries, CurrentUser currentUser, OrgComDbContext db,
    OrganizationHistoryQueries history, TimeProvider clock) : PageModel
{
    /// <summary>The date viewed: today's recorded state unless a date is chosen ("xem tại ngày").</summary>
    public DateOnly AsOf { get; private set; }
    public bool IsAsOf { get; private set; }
    public string AsOfQuery { get; private set; } = "";
    public string? DateError { get; private set; }

    /// <summary>The organization as it stood on the chosen date; null if it did not exist then.</summary>
    public OrganizationAsOf? Then { get; private set; }

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

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery] int page, [FromQuery] string? date, CancellationToken ct)
    {
        var organization = await queries.FindAsync(id, ct);
        if (organization is null)
            return NotFound();
        Organization = organization;
        var path = OrganizationQueries.PathOf(organization, db);
        CanWrite = currentUser.Can(Permission.Write, path);
        CanSeeAudit = currentUser.Can(Permission.Administer, path);
        History = await queries.HistoryAsync(id, ct);
        _names = await queries.NamesAsync(
            History.SelectMany(e => new[] { e.FromParentId, e.ToParentId, e.OtherOrganizationId }).OfType<long>(), ct);
        bool isToday;
        (AsOf, isToday, DateError) = AsOfDate.Read(date, clock);
        IsAsOf = !string.IsNullOrWhiteSpace(date) && DateError is null;
        if (IsAsOf)
        {
            AsOfQuery = AsOfDate.Query(AsOf, isToday: false);
            Then = await history.NodeAsync(id, AsOf, ct);
            if (Then is not null)
            {
                Ancestors = await history.AncestorsAsync(id, AsOf, ct);
                Children = await history.ChildrenAsync(id, AsOf, ct);
                Counts = await history.CountsAsync(id, AsOf, ct);
                if (Then.Kind.HoldsMembers())
                    Members = await history.MembersAsync(id, AsOf, withSubtree: false, page, 50, ct);
            }
            return Page();
        }
        Ancestors = await queries.AncestorsAsync(path, ct);
        Children = await queries.ChildrenAsync(id, includeDissolved: true, ct);
        Counts = await queries.SubtreeCountsAsync(path, ct);
        if (organization.Kind.HoldsMembers())
        {
            Members = await memberQueries.OfOrganizationAsync(id, page, 50, ct);
            Candidates = (await db.Members
                    .Where(m => m.OrganizationId == id && m.Status == OrgCom.Core.Members.MemberStatus.Candidate)
                    .OrderBy(m => m.GivenName).ThenBy(m => m.FamilyName)
                    .Select(m => new { m.Id, m.FullName, m.CandidateStage }).ToListAsync(ct))
                .Select(c => (c.Id, c.FullName, c.CandidateStage)).ToList();
        }
        AllowedChildKinds = OrganizationKinds.AllowedChildrenOf(organization.Kind);
        return Page();
    }

    public string Describe(OrganizationEvent e) => e.Kind switch
    {
        OrganizationEventKind.Established => e.ToParentId is null ? $"Thành lập {e.ToName}" : $"Thành lập {e.ToName}, trực thuộc {NameOf(e.ToParentId)}",
        OrganizationEventKind.Renamed => $"Từ \"{e.FromName}\" thành \"{e.ToName}\"",
        OrganizationEventKind.Moved => $"Từ {NameOf(e.FromParentId)} sang {NameOf(e.ToParentId)}",
        OrganizationEventKind.Dissolved => $"Giải thể (trực thuộc {NameOf(e.FromParentId)})",
        OrganizationEventKind.Merged => $"Hợp nhất, sáp nhập vào {NameOf(e.OtherOrganizationId)} (trước đó trực thuộc {NameOf(e.FromParentId)})",
        OrganizationEventKind.Split => $"Chia tách; tổ chức trực thuộc và đảng viên chuyển về các tổ chức tiếp nhận (trước đó trực thuộc {NameOf(e.FromParentId)})",
        OrganizationEventKind.Absorbed => $"Tiếp nhận tổ chức trực thuộc, đảng viên từ {e.ToName}",
        _ => "",
    };

    private string NameOf(long? id) =>
        id is long v && _names.TryGetValue(v, out var name) ? name : "(tổ chức ngoài phạm vi)";
}
