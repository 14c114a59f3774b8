using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;

namespace OrgCom.Web.Infrastructure.Access;

/// <summary>
/// Resolves the signed-in user's grants to organization paths once per request, before any page runs, and turns a
/// <see cref="ScopeViolationException"/> from any handler into 403. A deactivated account is signed out.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, CurrentUser currentUser, OrgComDbContext db, UserScopeCache cache)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null && Guid.TryParse(id, out var userId))
        {
            if (!cache.TryGet(userId, out var user))
            {
                // One round trip: the account and its grants resolved to current paths.
                var found = await db.Users.AsNoTracking()
                    .Where(u => u.Id == userId)
                    .Select(u => new
                    {
                        u.UserName,
                        u.IsActive,
                        // Filters off: the user's scope is what is being resolved here.
                        Grants = db.UserGrants.IgnoreQueryFilters().Where(g => g.UserId == u.Id)
                            .Join(db.Organizations.IgnoreQueryFilters(), g => g.OrganizationId, o => o.Id,
                                (g, o) => new ScopeGrant(g.Role, o.Id, EF.Property<LTree>(o, OrgComDbContext.PathProperty))).ToList(),
                    })
                    .SingleOrDefaultAsync(http.RequestAborted);
                user = found is null ? null : new UserScopeCache.Entry(found.UserName ?? "", found.IsActive, found.Grants);
                if (user is not null)
                    cache.Set(userId, user);
            }
            if (user is null || !user.IsActive)
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                http.Response.Redirect("/Account/Login");
                return;
            }
            var grants = user.Grants;
            currentUser.SetUser(userId, user.UserName, ip, grants);
        }
        else
        {
            currentUser.SetAnonymous(ip);
        }

        try
        {
            await next(http);
        }
        catch (ScopeViolationException) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
