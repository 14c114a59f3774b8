using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Data;

/// <summary>Lets `dotnet ef` build the model without starting the application (no database is contacted).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrgComDbContext>
{
    public OrgComDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrgComDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=orgcom_design", o => o.MigrationsHistoryTable("ef_migrations_history"))
            .Options;
        var user = new CurrentUser();
        user.SetSystem("(thiết kế)");
        return new OrgComDbContext(options, user, new AuditRecorder(TimeProvider.System),
            new UserScopeCache(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())));
    }
}
