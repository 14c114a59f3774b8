using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Features.Members;

/// <summary>A step of the member's history with the names of the organizations it mentions.</summary>
public sealed record DossierEvent(MemberEvent Event, string? OrganizationName, string? OtherOrganizationName)
{
    public string Description => string.Join("; ", new[]
    {
        Event.DisciplineLevel is { } level ? $"Hình thức: {level.DisplayName()}" : null,
        Event.Kind switch
        {
            MemberEventKind.TransferIssued when OtherOrganizationName is not null => $"Chuyển đến {OtherOrganizationName}",
            MemberEventKind.TransferReceived when OtherOrganizationName is not null => $"Chuyển từ {OtherOrganizationName}",
            _ => null,
        },
        Event.Detail,
        Event.OverrideReason is { } reason ? $"Lý do vượt quy định: {reason}" : null,
    }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>Everything the dossier page and the printed personal-history form (lý lịch) show of one person.</summary>
public sealed record DossierView(
    Member Member,
    string OrganizationName,
    string? ParentOrganizationName,
    LTree OrganizationPath,
    IReadOnlyList<DossierEvent> History)
{
    /// <summary>Kỷ luật: the disciplinary decisions among the member's events.</summary>
    public IEnumerable<DossierEvent> Discipline => History.Where(e => e.Event.Kind == MemberEventKind.Disciplined);

    /// <summary>The 3×4 photo inline, so the page, the printout and the PDF need no second (unlogged) request.</summary>
    public string? PhotoDataUri => Member.Photo is { Length: > 0 } photo
        ? $"data:{Member.PhotoContentType};base64,{Convert.ToBase64String(photo)}"
        : null;

    public string Title => Member.Status is MemberStatus.Candidate or MemberStatus.NotAdmitted
        ? "Lý lịch người xin vào Đảng"
        : "Lý lịch đảng viên";
}

/// <summary>
/// Opens a person's dossier within the user's scope. Personal data: every way of reading it (the page, the printable
/// form, the PDF) goes through <see cref="OpenAsync"/>, which writes the view to the audit log.
/// </summary>
public sealed class DossierQueries(OrgComDbContext db, CurrentUser currentUser, ViewLog viewLog)
{
    public async Task<DossierView?> OpenAsync(long id, CancellationToken ct)
    {
        var member = await MemberWithEvents(db, id, ct);
        if (member is null)
            return null;
        // One round trip for every organization the page names: the member's own (with its parent's name) and those
        // of the events. Organizations outside the user's scope (the other side of a transfer) stay unnamed.
        var mentioned = member.Events.SelectMany(e => new[] { e.OrganizationId, e.OtherOrganizationId })
            .Append(member.OrganizationId).OfType<long>().Distinct().ToArray();
        var organizations = new Dictionary<long, MentionedOrganization>();
        await foreach (var o in Mentioned(db, mentioned).WithCancellation(ct))
            organizations[o.Id] = o;
        var organization = organizations[member.OrganizationId];
        string? NameOf(long? orgId) => orgId is { } v
            ? organizations.TryGetValue(v, out var o) ? o.Name : "(tổ chức ngoài phạm vi)"
            : null;

        var history = member.Events
            .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.Id)
            .Select(e => new DossierEvent(e, NameOf(e.OrganizationId), NameOf(e.OtherOrganizationId)))
            .ToList();

        await viewLog.RecordAsync(currentUser, "members", id.ToString(CultureInfo.InvariantCulture), member.OrganizationId, ct);
        return new DossierView(member, organization.Name, organization.ParentName, organization.Path, history);
    }

    // Compiled once, the two reads every opening of a dossier makes (the scope filters still apply): EF then skips
    // building and looking up the query on each of hundreds of pages a second (docs/benchmarks.md, dossier page).
    private static readonly Func<OrgComDbContext, long, CancellationToken, Task<Member?>> MemberWithEvents =
        EF.CompileAsyncQuery((OrgComDbContext db, long id, CancellationToken ct) =>
            db.Members.AsNoTracking().Include(m => m.Events).SingleOrDefault(m => m.Id == id));

    private sealed record MentionedOrganization(long Id, string Name, LTree Path, string? ParentName);

    private static readonly Func<OrgComDbContext, long[], IAsyncEnumerable<MentionedOrganization>> Mentioned =
        EF.CompileAsyncQuery((OrgComDbContext db, long[] ids) => db.Organizations.Where(o => ids.Contains(o.Id))
            .Select(o => new MentionedOrganization(o.Id, o.Name, EF.Property<LTree>(o, OrgComDbContext.PathProperty),
                db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault())));
}

/// <summary>How the dossier writes values: a dash where nothing is recorded, dates as dd/MM/yyyy.</summary>
public static class DossierText
{
    public const string Missing = "—";

    public static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? Missing : value;

    public static string Show(DateOnly? date) => date is { } d ? Core.Common.DateText.Format(d) : Missing;

    public static string Show(int? number) => number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Missing;

    public static string Birth(Member m) => MemberQueries.BirthText(m.BirthDate, m.BirthYearOnly);
}
