using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;
using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Infrastructure.Forms;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Features.Members;

/// <summary>
/// What pages that change a member share: load the member within scope (404 outside it) with their events, require
/// write permission at the member's organization (403), build the lifecycle context (rules in force, working-day
/// calendar, actor), and save with the decision as the audit reason.
/// </summary>
public abstract class MemberChangePage(OrgComDbContext db, CurrentUser currentUser, AuditRecorder audit, RuleBookProvider rules, TimeProvider clock)
    : PageModel
{
    protected OrgComDbContext Db => db;
    protected CurrentUser CurrentUser => currentUser;
    protected TimeProvider Clock => clock;

    public Member Member { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    protected LifecycleContext Context { get; private set; } = null!;
    public DateOnly Today => VietnamTime.Today(clock);

    protected async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.Events).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
            return NotFound();
        var organization = await db.Organizations.Where(o => o.Id == member.OrganizationId)
            .Select(o => new { o.Name, Path = EF.Property<LTree>(o, OrgComDbContext.PathProperty) }).SingleAsync(ct);
        if (!currentUser.Can(Permission.Write, organization.Path))
            return StatusCode(StatusCodes.Status403Forbidden);
        Member = member;
        OrganizationName = organization.Name;
        Context = await rules.ContextAsync(currentUser.UserName, ct);
        return null;
    }

    /// <summary>Reads a dd/MM/yyyy date field, adding a Vietnamese error when it is missing or invalid.</summary>
    protected DateOnly? ReadDate(string? text, string field, string label)
    {
        var date = DateText.Parse(text, label);
        if (date.IsSuccess)
        {
            if (date.Value > Today)
            {
                ModelState.AddModelError(field, $"{char.ToUpper(label[0])}{label[1..]} {DateText.Format(date.Value)} sau ngày hôm nay.");
                return null;
            }
            return date.Value;
        }
        ModelState.AddModelError(field, date.Error!.Message);
        return null;
    }

    protected bool Check(Result result)
    {
        if (!result.IsSuccess)
            ModelState.AddModelError("", result.Error!.Message);
        return result.IsSuccess;
    }

    /// <summary>Runs a transition; a rule or holiday year missing from the data becomes a message on the form
    /// (saying which data to add) instead of an error page. A field whose text is longer than where it is stored
    /// (<see cref="FormLengths"/>) stops it before it runs.</summary>
    protected bool Check(Func<Result> transition)
    {
        if (!FormLengths.Check(this, ModelState, db.Model))
            return false;
        try
        {
            return Check(transition());
        }
        catch (Exception ex) when (ex is Core.Rules.RuleConfigurationException or Core.Calendar.CalendarDataMissingException)
        {
            ModelState.AddModelError("", ex.Message);
            return false;
        }
    }

    protected async Task SaveAsync(string reason, CancellationToken ct)
    {
        audit.Reason = reason;
        await db.SaveChangesAsync(ct);
    }
}
