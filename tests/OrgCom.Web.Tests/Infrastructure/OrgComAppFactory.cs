using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace OrgCom.Web.Tests.Infrastructure;

/// <summary>The real application, on its own test database. "Testing" is neither Development nor Production.
/// A <paramref name="clock"/> replaces the system clock for tests whose dates must not move with the calendar.</summary>
public sealed class OrgComAppFactory(string database, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private IWebHostEnvironment? _environment;

    public string Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", TestDatabase.ConnectionString(Database));
        builder.UseSetting("OrgCom:AuditSealIntervalMs", "200");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        builder.ConfigureAppConfiguration((context, _) => _environment = context.HostingEnvironment);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        return base.CreateHost(builder);
    }

    /// <summary>The host leaves the environment's file providers to the finalizer, and each file they watch (a page's
    /// <c>asp-append-version</c> stylesheet) holds an inotify instance until then. A run starts one app per test, which
    /// would exhaust the user's limit (128 by default), so they are disposed with the app.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Dispose(_environment?.WebRootFileProvider);
        Dispose(_environment?.ContentRootFileProvider);
    }

    private static void Dispose(IFileProvider? provider)
    {
        if (provider is CompositeFileProvider composite)
            foreach (var inner in composite.FileProviders)
                Dispose(inner);
        else
            (provider as IDisposable)?.Dispose();
    }
}
