using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Cadres.Rotations;

/// <summary>A rotation as the pages list it, with the names of both organizations.</summary>
public sealed record RotationRow(Rotation Rotation, string FromOrganizationName, string ToOrganizationName);

/// <summary>Which rotations a list shows.</summary>
public enum RotationView
{
    /// <summary>Not yet ended (including those whose start is still ahead).</summary>
    Current,
    /// <summary>Not ended, planned to end within the next N months (or already overdue).</summary>
    Due,
    Finished,
}

/// <summary>
/// Reads rotations through the scope filter (the sending or the receiving side sees them). The names of the
/// organizations at the other end are read without the filter: a name, not the organization's data.
/// </summary>
public sealed class RotationQueries(OrgComDbContext db)
{
    public async Task<(List<RotationRow> Rows, bool Truncated)> ListAsync(RotationView view, DateOnly today, DateOnly dueBy, int limit,
        CancellationToken ct)
    {
        var query = db.Rotations.AsNoTracking();
        query = view switch
        {
            RotationView.Current => query.Where(r => r.ActualEndOn == null).OrderBy(r => r.PlannedEndOn).ThenBy(r => r.Id),
            RotationView.Due => query.Where(r => r.ActualEndOn == null && r.PlannedEndOn <= dueBy).OrderBy(r => r.PlannedEndOn).ThenBy(r => r.Id),
            _ => query.Where(r => r.ActualEndOn != null).OrderByDescending(r => r.ActualEndOn).ThenBy(r => r.Id),
        };
        var rotations = await query.Take(limit + 1).ToListAsync(ct);
        var rows = await WithNamesAsync(rotations, ct);
        return rows.Count > limit ? (rows[..limit], true) : (rows, false);
    }

    /// <summary>The rotations of a member the user can see, newest first.</summary>
    public async Task<List<RotationRow>> OfMemberAsync(long memberId, CancellationToken ct) => await WithNamesAsync(
        await db.Rotations.AsNoTracking().Where(r => r.MemberId == memberId).OrderByDescending(r => r.StartOn).ThenByDescending(r => r.Id)
            .ToListAsync(ct), ct);

    public async Task<RotationRow?> FindAsync(long id, CancellationToken ct)
    {
        var rotation = await db.Rotations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return rotation is null ? null : (await WithNamesAsync([rotation], ct))[0];
    }

    /// <summary>All other rotations of the member, whatever the user's scope: one cadre is rotated to one place at a time.
    /// Only their dates reach the user, in a refusal.</summary>
    public Task<List<RotationPeriod>> PeriodsOfAsync(long memberId, long? except, CancellationToken ct) => db.Rotations.IgnoreQueryFilters()
        .Where(r => r.MemberId == memberId && r.Id != except)
        .Select(r => new RotationPeriod(r.Id, r.StartOn, r.ActualEndOn ?? r.PlannedEndOn))
        .ToListAsync(ct);

    /// <summary>
    /// The member, when the user may see them as a cadre: a member of the user's scope, or a cadre rotated into it — a
    /// rotation not yet ended whose receiving organization is in the scope. A third scope sees nothing (null).
    /// </summary>
    public async Task<CadrePerson?> CadreAsync(long memberId, CancellationToken ct)
    {
        var own = await db.CadrePeople.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        if (own is not null)
            return own;
        var rotatedIn = await db.Rotations.AnyAsync(r => r.MemberId == memberId && r.ActualEndOn == null
            && db.Organizations.Any(o => o.Id == r.ToOrganizationId), ct);
        return rotatedIn ? await db.CadrePeople.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct) : null;
    }

    private async Task<List<RotationRow>> WithNamesAsync(List<Rotation> rotations, CancellationToken ct)
    {
        var ids = rotations.SelectMany(r => new[] { r.FromOrganizationId, r.ToOrganizationId }).Distinct().ToArray();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rotations.Select(r => new RotationRow(r, names.GetValueOrDefault(r.FromOrganizationId, ""),
            names.GetValueOrDefault(r.ToOrganizationId, ""))).ToList();
    }
}
