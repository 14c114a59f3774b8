using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Members.Transfers;

public sealed record TransferRow(
    long Id, long MemberId, string MemberName, DateOnly MemberBirthDate, TransferKind Kind, TransferStatus Status,
    string FromName, string ToName, DateOnly IssuedOn, DateOnly PresentBy, DateOnly? TemporaryUntil, string? LetterNumber,
    DateOnly? ReceivedOn, bool Outgoing);

/// <summary>An organization as anyone may look it up to address a transfer: code, name and kind only.</summary>
public sealed record DirectoryEntry(long Id, string Code, string Name, OrganizationKind Kind, bool IsDissolved);

public sealed class TransferQueries(OrgComDbContext db, CurrentUser currentUser)
{
    /// <summary>Transfers of the user's subtrees, both ways; the names of the other side's organizations come from
    /// the directory (name only), so neither side sees more of the other.</summary>
    public async Task<List<TransferRow>> ListAsync(bool outgoing, TransferStatus? status, CancellationToken ct)
    {
        var visible = db.Organizations.Select(o => o.Id);
        var query = outgoing
            ? db.Transfers.Where(t => visible.Contains(t.FromOrganizationId))
            : db.Transfers.Where(t => visible.Contains(t.ToOrganizationId));
        if (status is { } s)
            query = query.Where(t => t.Status == s);
        var directory = db.Organizations.IgnoreQueryFilters();
        return await query.OrderBy(t => t.PresentBy).ThenBy(t => t.Id).Take(500)
            .Select(t => new TransferRow(t.Id, t.MemberId, t.MemberName, t.MemberBirthDate, t.Kind, t.Status,
                directory.Where(o => o.Id == t.FromOrganizationId).Select(o => o.Name).First(),
                directory.Where(o => o.Id == t.ToOrganizationId).Select(o => o.Name).First(),
                t.IssuedOn, t.PresentBy, t.TemporaryUntil, t.LetterNumber, t.ReceivedOn, outgoing))
            .ToListAsync(ct);
    }

    /// <summary>Looks up any organization by its exact code, whatever the user's scope: a sender must be able to
    /// address a receiver elsewhere. Only the code, name and kind are returned.</summary>
    public Task<DirectoryEntry?> DirectoryAsync(string? code, CancellationToken ct)
    {
        var normalized = Organization.NormalizeCode(code);
        return db.Organizations.IgnoreQueryFilters().Where(o => o.Code == normalized)
            .Select(o => new DirectoryEntry(o.Id, o.Code, o.Name, o.Kind, o.DissolvedOn != null))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<bool> CanWriteAtAsync(long organizationId, CancellationToken ct)
    {
        var path = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == organizationId)
            .Select(o => (LTree?)EF.Property<LTree>(o, OrgComDbContext.PathProperty)).SingleOrDefaultAsync(ct);
        return path is { } p && currentUser.Can(Permission.Write, p);
    }
}
