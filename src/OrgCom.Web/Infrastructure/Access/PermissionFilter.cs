using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OrgCom.Core.Access;

namespace OrgCom.Web.Infrastructure.Access;

/// <summary>Marks a page that needs a permission somewhere in the user's grants (e.g. the administration pages);
/// the organization-level check still happens on the data through the scope. With <see cref="Central"/>, the
/// permission must be held on the root of the tree: for data the whole system shares (rules, holiday calendar).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequirePermissionAttribute(Permission permission) : Attribute, IAsyncPageFilter
{
    public Permission Permission { get; } = permission;

    public bool Central { get; init; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (Central ? !user.CanCentrally(Permission) : !user.CanAnywhere(Permission))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
