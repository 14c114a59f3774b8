using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Organizations;

public sealed record TreeNode(long Id, string Code, string Name, OrganizationKind Kind, bool IsDissolved, int ChildCount);

public sealed record LineageItem(long Id, string Name);

public sealed record SubtreeCounts(int Organizations, int Members);

/// <summary>The read side of the tree. Every query goes through the scoped DbContext, so an organization outside the
/// user's subtrees is simply not found.</summary>
public sealed class OrganizationQueries(OrgComDbContext db)
{
    public static LTree PathOf(Organization o, OrgComDbContext db) => db.Entry(o).Property<LTree>(OrgComDbContext.PathProperty).CurrentValue;

    public Task<Organization?> FindAsync(long id, CancellationToken ct) =>
        db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);

    public Task<Organization?> FindByCodeAsync(string code, CancellationToken ct)
    {
        var normalized = Organization.NormalizeCode(code);
        return db.Organizations.SingleOrDefaultAsync(o => o.Code == normalized, ct);
    }

    /// <summary>Children of one node with their own child counts, so the tree can show which nodes expand.
    /// Served by the parent_id index: one level at a time, fast at any size of tree.</summary>
    public Task<List<TreeNode>> ChildrenAsync(long parentId, bool includeDissolved, CancellationToken ct) =>
        db.Organizations
            .Where(o => o.ParentId == parentId && (includeDissolved || o.DissolvedOn == null))
            .OrderBy(o => o.Kind == OrganizationKind.CentralBodyCommittee).ThenBy(o => o.Name).ThenBy(o => o.Code)
            .Select(o => new TreeNode(o.Id, o.Code, o.Name, o.Kind, o.DissolvedOn != null,
                db.Organizations.Count(c => c.ParentId == o.Id && (includeDissolved || c.DissolvedOn == null))))
            .ToListAsync(ct);

    public Task<List<TreeNode>> NodesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.ToArray();
        return db.Organizations
            .Where(o => list.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new TreeNode(o.Id, o.Code, o.Name, o.Kind, o.DissolvedOn != null,
                db.Organizations.Count(c => c.ParentId == o.Id && c.DissolvedOn == null)))
            .ToListAsync(ct);
    }

    /// <summary>The ancestors the user may see, root first, for the breadcrumb (the node itself excluded).</summary>
    public async Task<List<LineageItem>> AncestorsAsync(LTree path, CancellationToken ct)
    {
        var ids = path.ToString().Split('.').Select(long.Parse).SkipLast(1).ToArray();
        var found = await db.Organizations.Where(o => ids.Contains(o.Id))
            .Select(o => new LineageItem(o.Id, o.Name)).ToListAsync(ct);
        return ids.Select(id => found.FirstOrDefault(f => f.Id == id)).OfType<LineageItem>().ToList();
    }

    public static long[] LineageIds(LTree path) => path.ToString().Split('.').Select(long.Parse).ToArray();

    public async Task<SubtreeCounts> SubtreeCountsAsync(LTree root, CancellationToken ct)
    {
        var subtree = db.Organizations.Where(o => EF.Property<LTree>(o, OrgComDbContext.PathProperty).IsDescendantOf(root));
        var organizations = await subtree.CountAsync(o => o.DissolvedOn == null, ct);
        var members = await db.Members.CountAsync(m => subtree.Any(o => o.Id == m.OrganizationId), ct);
        return new SubtreeCounts(organizations, members);
    }

    public Task<int> ActiveChildCountAsync(long id, CancellationToken ct) =>
        db.Organizations.CountAsync(o => o.ParentId == id && o.DissolvedOn == null, ct);

    public Task<int> DirectMemberCountAsync(long id, CancellationToken ct) =>
        db.Members.CountAsync(m => m.OrganizationId == id, ct);

    public Task<List<OrganizationEvent>> HistoryAsync(long id, CancellationToken ct) =>
        db.OrganizationEvents.Where(e => e.OrganizationId == id)
            .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.Id)
            .ToListAsync(ct);

    /// <summary>Names of organizations referred to by events (old and new parents), visible ones only.</summary>
    public Task<Dictionary<long, string>> NamesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToArray();
        return db.Organizations.Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>Organizations whose code or name matches, within scope, for pickers (e.g. the new parent of a move).</summary>
    public Task<List<TreeNode>> SearchAsync(string term, int limit, CancellationToken ct)
    {
        var t = term.Trim();
        var code = Organization.NormalizeCode(t);
        var pattern = $"%{t}%";
        return db.Organizations
            .Where(o => o.DissolvedOn == null && (o.Code.StartsWith(code) || EF.Functions.ILike(o.Name, pattern)))
            .OrderBy(o => o.Code.Length).ThenBy(o => o.Code)
            .Take(limit)
            .Select(o => new TreeNode(o.Id, o.Code, o.Name, o.Kind, false, 0))
            .ToListAsync(ct);
    }
}
