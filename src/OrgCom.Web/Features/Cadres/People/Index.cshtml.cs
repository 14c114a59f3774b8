using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Members;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Cadres.People;

/// <summary>Cadres outside the party registered in the user's scope (ADR 0014), with their active posts.</summary>
public sealed class IndexModel(OrgComDbContext db) : PageModel
{
    public const int Limit = 2000;

    public sealed record Row(long Id, string FullName, Gender Gender, DateOnly BirthDate, bool BirthYearOnly, string OrganizationName, string? Workplace, string Posts);

    public List<Row> Rows { get; private set; } = [];
    public bool Truncated { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from c in db.NonMemberCadres
                          join o in db.Organizations on c.OrganizationId equals o.Id
                          orderby c.FullName, c.Id
                          select new Row(c.Id, c.FullName, c.Gender, c.BirthDate, c.BirthYearOnly, o.Name, c.Workplace,
                              string.Join("; ", db.Appointments.Where(a => a.MemberId == c.Id && a.EndedOn == null).Select(a => a.PositionName))))
            .Take(Limit + 1).ToListAsync(ct);
        Truncated = rows.Count > Limit;
        Rows = Truncated ? rows[..Limit] : rows;
    }
}
