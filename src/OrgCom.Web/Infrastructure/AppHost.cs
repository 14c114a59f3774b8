using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using OrgCom.Web.Data;
using OrgCom.Web.Features;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Infrastructure;

/// <summary>Builds the one application every verb runs in: the web server and the command-line verbs share it.</summary>
public static class AppHost
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplication Build(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;

        var builder = WebApplication.CreateBuilder(args);
        // Serves wwwroot from a build output too (not only from a published folder), in every environment.
        builder.WebHost.UseStaticWebAssets();
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Chưa cấu hình chuỗi kết nối ConnectionStrings:Default (biến môi trường ConnectionStrings__Default).");

        // Multiplexing batches the many small commands of concurrent requests into fewer socket writes: ~10–25 %
        // more dossier pages per second on 2 cores (docs/benchmarks.md). It forbids synchronous database calls, which
        // the application does not make. An explicit setting in the connection string wins.
        // Automatic preparation keeps the parsed and planned form of the hot statements on each server connection:
        // the server stops parsing and planning the same few statements hundreds of times a second (dossier page on
        // the national dataset: ~405 → ~640–720 pages/s, docs/benchmarks.md).
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Multiplexing", StringComparison.OrdinalIgnoreCase))
            tuned.Multiplexing = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            tuned.MaxAutoPrepare = 64;
        // No JIT compilation: the server compiles a statement whose estimated cost is high, and the statements over the
        // organization history (set-returning functions, estimated far above their real size) spent ~2 s compiling for
        // 27 ms of work (the increase/decrease report of Hà Nội on the replay-2025 data, 21/11/2026); the national
        // report statements run as fast without it (docs/benchmarks.md). An explicit Options setting wins.
        if (!connectionString.Contains("Options", StringComparison.OrdinalIgnoreCase))
            tuned.Options = "-c jit=off";
        connectionString = tuned.ConnectionString;

        services.AddSingleton(TimeProvider.System);
        // Vietnamese stays readable in the HTML instead of becoming numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditRecorder>();
        services.AddScoped(sp => new ViewLog(sp.GetRequiredService<ViewLogDataSource>().DataSource, sp.GetRequiredService<AuditRecorder>()));
        services.AddSingleton(new ViewLogDataSource(ViewLog.CreateDataSource(connectionString)));
        services.AddMemoryCache();
        services.AddSingleton<UserScopeCache>();
        services.AddDbContext<OrgComDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("ef_migrations_history")));

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddEntityFrameworkStores<OrgComDbContext>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "orgcom.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization(options =>
            options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build());

        var keysPath = builder.Configuration["OrgCom:DataProtectionKeysPath"];
        if (!string.IsNullOrEmpty(keysPath))
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options =>
            Forms.VietnameseBindingMessages.Apply(options.ModelBindingMessageProvider));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Error");
        });
        services.AddHealthChecks().AddDbContextCheck<OrgComDbContext>();
        services.AddHostedService<AuditSealerService>();
        services.AddSingleton<AuditSealer>();
        services.AddSingleton<Rules.RuleBookProvider>();
        services.AddOrgComFeatures();
    }

    private static void UsePipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Culture),
            SupportedCultures = [Culture],
            SupportedUICultures = [Culture],
        });
        app.Use(async (http, next) =>
        {
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["X-Frame-Options"] = "DENY";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            await next(http);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapOrgComEndpoints();
    }
}
