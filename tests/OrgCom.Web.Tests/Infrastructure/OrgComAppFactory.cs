using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace OrgCom.Web.Tests.Infrastructure;

/// <summary>The real application, on its own test database. "Testing" is neither Development nor Production.
/// A <paramref name="clock"/> replaces the system clock for tests whose dates must not move with the calendar.</summary>
public sealed class OrgComAppFactory(string database, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public string Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", TestDatabase.ConnectionString(Database));
        builder.UseSetting("OrgCom:AuditSealIntervalMs", "200");
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        return base.CreateHost(builder);
    }
}
