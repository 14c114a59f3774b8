using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Web.Data;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;
using OrgCom.Web.Tests.Infrastructure;

namespace OrgCom.Web.Tests.Audit;

/// <summary>The hash chain and the append-only table: tampering is found, the trigger refuses what it must, and
/// sealing stays one gapless chain while many writers commit at once.</summary>
public sealed class AuditChainTests : AuditTest
{
    [Fact]
    public async Task A_sealed_line_edited_behind_the_apps_back_is_reported_by_the_verifier_and_by_verify_audit()
    {
        var client = await SignInAsync("hanoi");
        await RenameAsync(client, "X00004.CB01", "Chi bộ Tổ dân phố số 1 Quán Thánh", "15-QĐ/ĐU");
        await SealAllAsync();
        var intact = await VerifyAsync();
        Assert.True(intact.IsIntact, intact.Problem);
        var (okExit, okOutput) = await RunCliAsync("verify-audit");
        Assert.True(okExit == 0, okOutput);
        Assert.Contains("Nhật ký toàn vẹn", okOutput);

        var line = await LastUpdateOfAsync(await OrganizationIdAsync("X00004.CB01"));
        Assert.NotNull(line.SealSeq);
        await TamperAsync($"update audit_log set reason = 'sửa trộm' where id = {line.Id}");

        var broken = await VerifyAsync();
        Assert.False(broken.IsIntact);
        Assert.Equal(line.Id, broken.FirstBrokenId);
        Assert.Equal(line.SealSeq, broken.FirstBrokenSeq);
        Assert.Contains("bị sửa", broken.Problem);
        Assert.Equal(line.SealSeq - 1, broken.Checked);

        var (exit, output) = await RunCliAsync("verify-audit");
        Assert.True(exit != 0, output);
        Assert.Contains($"id={line.Id} ", output);

        // The root administrator's button on /Audit reports the same line.
        var admin = await SignInAsync("admin");
        var page = await DocumentAsync(await PostFormAsync(admin, "/Audit?handler=Verify", new(), "/Audit"));
        Assert.Equal(line.Id.ToString(), page.QuerySelector("[data-testid=verify-broken-id]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_deleted_line_is_reported_as_a_gap_in_the_chain()
    {
        await SealAllAsync();
        var (seq, next) = await WithDbAsync(async db =>
        {
            var sealedCount = await db.AuditEntries.MaxAsync(a => a.SealSeq) ?? 0;
            Assert.True(sealedCount > 100, "the demo data should leave a sealed chain");
            var middle = sealedCount / 2;
            var after = await db.AuditEntries.Where(a => a.SealSeq == middle + 1).Select(a => a.Id).SingleAsync();
            return (middle, after);
        });
        await TamperAsync($"delete from audit_log where seal_seq = {seq}");

        var broken = await VerifyAsync();
        Assert.False(broken.IsIntact);
        Assert.Equal(next, broken.FirstBrokenId);
        Assert.Equal(seq + 1, broken.FirstBrokenSeq);
        Assert.Contains("thiếu dòng", broken.Problem);
        Assert.Contains($"mong đợi số thứ tự niêm phong {seq},", broken.Problem);

        var (exit, output) = await RunCliAsync("verify-audit", "--seal");
        Assert.True(exit != 0, output);
        Assert.Contains($"id={next} ", output);
        Assert.Contains("thiếu dòng", output);
    }

    [Fact]
    public async Task Deleting_the_newest_sealed_lines_is_reported_against_the_last_checkpoint()
    {
        await SealAllAsync();
        var last = await ScalarAsync<long>("select max(seal_seq) from audit_log");
        Assert.True((await VerifyAsync()).IsIntact);

        await TamperAsync($"delete from audit_log where seal_seq >= {last - 2}");

        var broken = await VerifyAsync();
        Assert.False(broken.IsIntact);
        Assert.Equal(last, broken.FirstBrokenSeq);
        Assert.Contains("các dòng cuối chuỗi đã bị xóa", broken.Problem);
        Assert.Contains($"ghi tới số thứ tự {last}, chuỗi chỉ còn tới {last - 3}", broken.Problem);
    }

    [Fact]
    public async Task The_append_only_trigger_refuses_update_delete_and_truncate_from_plain_sql()
    {
        await SealAllAsync();
        var before = await ScalarAsync<long>("select count(*) from audit_log");
        var sealedId = await ScalarAsync<long>("select id from audit_log where seal_seq = 1");

        async Task Refused(string sql, string message)
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(sql));
            Assert.Contains(message, e.MessageText);
        }

        await Refused($"update audit_log set reason = 'sửa trộm' where id = {sealedId}", "cannot be changed");
        await Refused($"update audit_log set changes = '{{}}' where id = {sealedId}", "cannot be changed");
        await Refused($"delete from audit_log where id = {sealedId}", "append-only");
        await Refused("delete from audit_log", "append-only");
        await Refused("truncate audit_log", "append-only");

        // Once sealed, not even the seal columns may change: re-sealing would let a rewritten chain pass.
        await Refused($"update audit_log set hash = sha256('x'::bytea) where id = {sealedId}", "cannot be changed");
        await Refused($"update audit_log set prev_hash = hash where id = {sealedId}", "cannot be changed");
        await Refused($"update audit_log set seal_seq = seal_seq + 1000000 where id = {sealedId}", "cannot be changed");
        await Refused($"update audit_log set sealed_at = now() where id = {sealedId}", "cannot be changed");

        // An unsealed line's content is as fixed as a sealed one's, while sealing it (the seal columns only) is allowed.
        await RefusedForUnsealed("update audit_log set entity_key = '2' where id = @id", "cannot be changed");
        await RefusedForUnsealed("delete from audit_log where id = @id", "append-only");
        await WithUnsealedLineAsync(
            "update audit_log set seal_seq = 999999999, prev_hash = '\\x00', hash = '\\x00', sealed_at = now() where id = @id");

        Assert.Equal(before, await ScalarAsync<long>("select count(*) from audit_log"));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    private async Task RefusedForUnsealed(string sql, string message)
    {
        var e = await Assert.ThrowsAsync<PostgresException>(() => WithUnsealedLineAsync(sql));
        Assert.Contains(message, e.MessageText);
    }

    /// <summary>Inserts a line and runs the statement on it in one transaction, rolled back: the app's sealer cannot
    /// seal the line in between because it is never committed.</summary>
    private async Task WithUnsealedLineAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("""
            insert into audit_log (occurred_at, user_name, action, entity_type, entity_key)
            values (now(), 'kiểm thử', 'View', 'members', '1') returning id
            """, connection, tx);
        var id = (long)(await insert.ExecuteScalarAsync())!;
        await using var statement = new NpgsqlCommand(sql, connection, tx);
        statement.Parameters.AddWithValue("id", id);
        await statement.ExecuteNonQueryAsync();
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task Parallel_writers_and_sealers_leave_every_line_sealed_once_in_one_gapless_chain()
    {
        const int writers = 8, linesEach = 200;
        var ward = await OrganizationIdAsync("X00004");
        var sealer = Factory.Services.GetRequiredService<AuditSealer>();
        using var writing = new CancellationTokenSource();

        // Two sealers besides the app's background one, all contending for the lock while lines are committed.
        var sealerTasks = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var rounds = 0;
            while (!writing.IsCancellationRequested)
            {
                await sealer.SealPendingAsync();
                rounds++;
                await Task.Delay(5);
            }
            return rounds;
        })).ToArray();

        var writerTasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
            user.SetSystem($"(kiểm thử: người ghi {w})");
            var recorder = scope.ServiceProvider.GetRequiredService<AuditRecorder>();
            var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
            for (var i = 0; i < linesEach; i++)
            {
                db.AuditEntries.Add(recorder.View(user, "members", $"concurrency-{w}-{i}", ward));
                await db.SaveChangesAsync();
            }
        })).ToArray();
        await Task.WhenAll(writerTasks);
        writing.Cancel();
        var rounds = await Task.WhenAll(sealerTasks);
        Assert.All(rounds, r => Assert.True(r > 0));

        await SealAllAsync();
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(0L, verification.Unsealed);

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select count(*), count(seal_seq), count(distinct seal_seq), min(seal_seq), max(seal_seq),
                   count(*) filter (where entity_key like 'concurrency-%' and action = 'View' and seal_seq is not null)
            from audit_log
            """, connection);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var total = r.GetInt64(0);
        Assert.Equal(total, r.GetInt64(1));
        Assert.Equal(total, r.GetInt64(2));
        Assert.Equal(1, r.GetInt64(3));
        Assert.Equal(total, r.GetInt64(4));
        Assert.Equal(writers * linesEach, r.GetInt64(5));
        Assert.Equal(total, verification.Checked);
    }
}
