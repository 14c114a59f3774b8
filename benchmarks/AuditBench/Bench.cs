using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.AuditBench;

/// <summary>
/// Throughput of the audit log on the database named by ConnectionStrings__Default, through the application's own
/// services: (a) dossier-view lines written by concurrent writers, each line its own unit of work and transaction as
/// a page request would write it, while the sealer runs as the app runs it; (b) sealing; (c) verify-audit.
/// The lines it writes can never be deleted (the table is append-only), so it refuses a database holding any
/// organization: run it on a scratch database only.
/// </summary>
public static class Bench
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static async Task<int> Main(string[] args)
    {
        var writers = IntOption(args, "--writers", 16);
        var seconds = IntOption(args, "--seconds", 10);
        var sealLines = IntOption(args, "--seal-lines", 200_000);
        var sealIntervalMs = IntOption(args, "--seal-interval-ms", 1000);

        await using var app = AppHost.Build([]);
        var connectionString = app.Configuration.GetConnectionString("Default")!;
        var sealer = app.Services.GetRequiredService<AuditSealer>();

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            if (await ScalarAsync<long>(connection, "select count(*) from organizations") > 0)
            {
                Console.Error.WriteLine("[bench] Cơ sở dữ liệu này có dữ liệu tổ chức; nhật ký chỉ ghi thêm nên các dòng thử nghiệm sẽ "
                    + "không bao giờ xóa được. Hãy chạy trên một cơ sở dữ liệu trống (đã migrate).");
                return 2;
            }
            PrintMachine(connection.ServerVersion, await SettingsAsync(connection));
        }
        await sealer.SealPendingAsync();

        // (a) Concurrent dossier views.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sealing = Task.Run(async () =>
        {
            var sealedCount = 0;
            while (!stop.IsCancellationRequested)
            {
                sealedCount += await sealer.SealPendingAsync();
                try
                {
                    await Task.Delay(sealIntervalMs, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return sealedCount;
        });
        var clock = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => ViewLoopAsync(app.Services, w, stop.Token))));
        var elapsed = clock.Elapsed;
        var sealedDuringRun = await sealing;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var viewsPerSecond = all.Length / elapsed.TotalSeconds;

        // (b) Sealing a backlog (lines inserted in bulk, as if the sealer had been stopped for a while).
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand($"""
                insert into audit_log (occurred_at, user_id, user_name, ip_address, action, entity_type, entity_key, organization_id)
                select now(), gen_random_uuid(), 'bench', '127.0.0.1', 'View', 'members', g::text, 42
                from generate_series(1, {sealLines}) g
                """, connection) { CommandTimeout = 600 };
            await insert.ExecuteNonQueryAsync();
        }
        clock.Restart();
        var sealedBacklog = 0;
        while (true)
        {
            var n = await sealer.SealPendingAsync();
            sealedBacklog += n;
            if (n == 0)
                break;
        }
        var sealTime = clock.Elapsed;

        // (c) verify-audit over the whole chain.
        AuditVerification verification;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            clock.Restart();
            verification = await AuditVerifier.VerifyAsync(connection);
        }
        var verifyTime = clock.Elapsed;

        Console.WriteLine();
        Console.WriteLine($"(a) Ghi dòng \"xem hồ sơ\": {writers} luồng ghi đồng thời trong {elapsed.TotalSeconds:N1} s, mỗi dòng một giao dịch");
        Console.WriteLine($"    {all.Length:N0} dòng → {viewsPerSecond:N0} dòng/giây; độ trễ p50 {Percentile(all, 0.50):N1} ms, p95 {Percentile(all, 0.95):N1} ms, p99 {Percentile(all, 0.99):N1} ms");
        Console.WriteLine($"    (bộ niêm phong chạy song song mỗi {sealIntervalMs:N0} ms, đã niêm phong {sealedDuringRun:N0} dòng trong lúc ghi)");
        Console.WriteLine($"(b) Niêm phong {sealedBacklog:N0} dòng tồn: {sealTime.TotalSeconds:N2} s → {sealedBacklog / sealTime.TotalSeconds:N0} dòng/giây");
        Console.WriteLine($"(c) verify-audit {verification.Checked:N0} dòng: {verifyTime.TotalSeconds:N2} s → {verifyTime.TotalSeconds * 100_000 / Math.Max(1, verification.Checked):N2} s cho 100.000 dòng"
            + (verification.IsIntact ? " (toàn vẹn)" : $" (HỎNG tại id={verification.FirstBrokenId}: {verification.Problem})"));
        return verification.IsIntact ? 0 : 3;
    }

    /// <summary>One writer: what opening a dossier costs the audit log, repeated until told to stop.</summary>
    private static async Task<List<double>> ViewLoopAsync(IServiceProvider services, int writer, CancellationToken stop)
    {
        var latencies = new List<double>();
        var userId = Guid.NewGuid();
        var i = 0;
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
            {
                var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
                user.SetUser(userId, $"bench{writer}", "127.0.0.1", []);
                var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
                db.AuditEntries.Add(scope.ServiceProvider.GetRequiredService<AuditRecorder>()
                    .View(user, "members", $"{writer}-{i++}", 42));
                await db.SaveChangesAsync(CancellationToken.None);
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }

    private static void PrintMachine(string postgresVersion, string postgresSettings)
    {
        string? cpu = null;
        if (File.Exists("/proc/cpuinfo"))
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        string? memory = null;
        if (File.Exists("/proc/meminfo"))
        {
            var kb = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            if (long.TryParse(kb, out var k))
                memory = string.Create(Vi, $"{k / 1024.0 / 1024.0:N1} GiB");
        }
        Console.WriteLine($"Máy: {Environment.ProcessorCount} nhân (nproc), CPU {cpu ?? "?"}, bộ nhớ {memory ?? "?"}");
        Console.WriteLine($"Hệ điều hành: {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}");
        Console.WriteLine($"PostgreSQL {postgresVersion} trên cùng máy; {postgresSettings}");
    }

    private static async Task<string> SettingsAsync(NpgsqlConnection connection)
    {
        var names = new[] { "fsync", "synchronous_commit", "shared_buffers", "max_connections" };
        var values = new List<string>();
        foreach (var name in names)
            values.Add($"{name}={await ScalarAsync<string>(connection, $"select current_setting('{name}')")}");
        return string.Join(", ", values);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) && v > 0 ? v : fallback;
    }
}
