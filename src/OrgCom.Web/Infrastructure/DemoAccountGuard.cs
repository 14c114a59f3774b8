using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Infrastructure;

/// <summary>Demo accounts have published passwords: a production start with one still active is refused unless the
/// operator explicitly allows it (OrgCom:AllowDemoAccounts=true, as run.sh does for the demo).</summary>
public static class DemoAccountGuard
{
    public static async Task EnsureAllowedAsync(WebApplication app)
    {
        if (!app.Environment.IsProduction() || app.Configuration.GetValue("OrgCom:AllowDemoAccounts", false))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(hệ thống: khởi động)");
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        var demo = await db.Users.Where(u => u.IsDemo && u.IsActive).Select(u => u.UserName).ToListAsync();
        if (demo.Count > 0)
            throw new InvalidOperationException(
                $"Từ chối khởi động ở môi trường Production: còn {demo.Count} tài khoản demo đang hoạt động " +
                $"({string.Join(", ", demo)}). Hãy khóa các tài khoản này, hoặc đặt OrgCom__AllowDemoAccounts=true nếu đây là máy demo.");
    }
}
