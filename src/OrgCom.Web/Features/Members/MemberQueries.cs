using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Members;

public sealed record MemberRow(long Id, string FullName, Gender Gender, DateOnly BirthDate, bool BirthYearOnly, MemberStatus Status, DateOnly? AdmittedOn);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class MemberQueries(OrgComDbContext db)
{
    /// <summary>Members registered in one organization, in the conventional Vietnamese list order.</summary>
    public async Task<Paged<MemberRow>> OfOrganizationAsync(long organizationId, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Members.Where(m => m.OrganizationId == organizationId);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await query
            .OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new MemberRow(m.Id, m.FullName, m.Gender, m.BirthDate, m.BirthYearOnly, m.Status, m.AdmittedOn))
            .ToListAsync(ct);
        return new Paged<MemberRow>(items, page, pageSize, total);
    }

    public static string BirthText(DateOnly birthDate, bool yearOnly) =>
        yearOnly ? birthDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : birthDate.ToString("dd/MM/yyyy");
}
