using Npgsql;
using OrgCom.Web.Data;
using OrgCom.Web.Data.Seed;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL server (started by test.sh; ORGCOM_TEST_PG). A template database is migrated and seeded with
/// the demo data once per run; each test class gets its own copy (CREATE DATABASE … TEMPLATE), dropped afterwards.
/// </summary>
public static class TestDatabase
{
    /// <summary>Keyed by the checkout, so two checkouts testing against one server never rebuild each other's template.</summary>
    public static readonly string TemplateName = "orgcom_tpl_" + Convert.ToHexString(
        System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(AppContext.BaseDirectory)))[..10].ToLowerInvariant();

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ORGCOM_TEST_PG") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=55433;Username=postgres";

    private static readonly Lazy<Task> Template = new(BuildTemplateAsync);

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        await Template.Value;
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"create database \"{name}\" template {TemplateName}");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"drop database if exists \"{name}\" with (force)");
    }

    public static async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Rebuilt on every run so a changed schema or seed is never tested against a stale template.</summary>
    private static async Task BuildTemplateAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"drop database if exists {TemplateName} with (force)");
        await ExecuteAsync($"create database {TemplateName} template template0 encoding 'UTF8' locale_provider icu icu_locale 'vi-VN' locale 'C.UTF-8'");
        await using (var factory = new OrgComAppFactory(TemplateName))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("(kiểm thử)");
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OrgCom.Web.Infrastructure.Audit.AuditSealer>().SealPendingAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }
}
