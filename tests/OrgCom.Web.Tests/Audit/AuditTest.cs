using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Audit;

/// <summary>What the audit tests share: sealing, verifying, plain SQL on the test database, and the verify-audit verb
/// run as its own process exactly as an operator would run it.</summary>
public abstract class AuditTest : AppTest
{
    /// <summary>Seals until nothing is left; the app's own background sealer may hold the lock for a moment.</summary>
    protected async Task SealAllAsync()
    {
        var sealer = Factory.Services.GetRequiredService<AuditSealer>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await sealer.SealPendingAsync();
            if (await ScalarAsync<long>("select count(*) from audit_log where seal_seq is null") == 0)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("audit lines stayed unsealed");
    }

    protected async Task<AuditVerification> VerifyAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        await connection.OpenAsync();
        return await AuditVerifier.VerifyAsync(connection);
    }

    protected Task SqlAsync(string sql) => TestDatabase.ExecuteAsync(sql, DatabaseName);

    protected Task<T> ScalarAsync<T>(string sql) => TestDatabase.ScalarAsync<T>(DatabaseName, sql);

    /// <summary>Runs statements on audit_log with its append-only trigger switched off, as an intruder with the
    /// database owner's password could.</summary>
    protected Task TamperAsync(string sql) => SqlAsync($"""
        alter table audit_log disable trigger audit_log_append_only;
        {sql};
        alter table audit_log enable trigger audit_log_append_only;
        """);

    /// <summary>Holds the sealer's advisory lock, so no line gets sealed until the returned connection is disposed
    /// (unpooled: closing it ends the session and with it the lock).</summary>
    protected async Task<NpgsqlConnection> PauseSealingAsync()
    {
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(DatabaseName)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select pg_advisory_lock(@k)", connection);
        cmd.Parameters.AddWithValue("k", AuditSealer.LockKey);
        await cmd.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The app's executable (the same OrgCom.Web.dll the tests load), run as a separate process.</summary>
    protected async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Default"] = TestDatabase.ConnectionString(DatabaseName);
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    protected async Task RenameAsync(HttpClient client, string organizationCode, string newName, string decision)
    {
        var id = await OrganizationIdAsync(organizationCode);
        var response = await PostFormAsync(client, $"/Organizations/Rename/{id}", new()
        {
            ["NewName"] = newName, ["DecisionNumber"] = decision, ["EffectiveOn"] = "05/08/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The audit line of an organization's latest update.</summary>
    protected Task<AuditEntry> LastUpdateOfAsync(long organizationId) => WithDbAsync(db => db.AuditEntries
        .Where(a => a.EntityType == "organizations" && a.EntityKey == organizationId.ToString() && a.Action == AuditAction.Update)
        .OrderByDescending(a => a.Id)
        .FirstAsync());
}
