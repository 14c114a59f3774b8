using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgCom.Web.Data;

namespace OrgCom.Web.Infrastructure.Audit;

/// <summary>
/// Seals committed audit lines into the hash chain. Writers insert unsealed lines without any lock; only the sealer
/// takes one (a transaction-level advisory lock, so several app instances never seal at once). Lines are sealed in
/// the order they become visible, i.e. commit order, and by id within a batch.
/// </summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, ILogger<AuditSealer> logger)
{
    /// <summary>The advisory lock only one sealer at a time holds (tests hold it to pause sealing).</summary>
    public const long LockKey = 0x4F7267436F6D41; // "OrgComA"
    public const int BatchSize = 5000;

    /// <summary>Seals everything committed so far; returns how many lines were sealed.</summary>
    public async Task<int> SealPendingAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(cancellationToken);
            total += sealedNow;
            if (sealedNow < BatchSize)
                return total;
        }
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrgComDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCmd = new NpgsqlCommand("select pg_try_advisory_xact_lock(@k)", connection, tx))
        {
            lockCmd.Parameters.AddWithValue("k", LockKey);
            if (!(bool)(await lockCmd.ExecuteScalarAsync(cancellationToken))!)
                return 0;
        }

        long lastSeq = 0;
        var prevHash = AuditChain.Genesis;
        await using (var last = new NpgsqlCommand(
            "select seal_seq, hash from audit_log where seal_seq is not null order by seal_seq desc limit 1", connection, tx))
        await using (var r = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await r.ReadAsync(cancellationToken))
            {
                lastSeq = r.GetInt64(0);
                prevHash = (byte[])r[1];
            }
        }

        var rows = new List<AuditChain.Row>();
        await using (var select = new NpgsqlCommand(
            $"select {AuditChain.RowColumns} from audit_log where seal_seq is null order by id limit {BatchSize} for update",
            connection, tx))
        await using (var r = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                rows.Add(AuditChain.ReadRow(r));
        }
        if (rows.Count == 0)
            return 0;

        var ids = new long[rows.Count];
        var seqs = new long[rows.Count];
        var prevs = new byte[rows.Count][];
        var hashes = new byte[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var seq = lastSeq + i + 1;
            var hash = AuditChain.Hash(seq, prevHash, rows[i]);
            ids[i] = rows[i].Id;
            seqs[i] = seq;
            prevs[i] = prevHash;
            hashes[i] = hash;
            prevHash = hash;
        }
        await using (var update = new NpgsqlCommand("""
            update audit_log a set seal_seq = s.seq, prev_hash = s.prev, hash = s.hash, sealed_at = now()
            from unnest(@ids, @seqs, @prevs, @hashes) as s(id, seq, prev, hash)
            where a.id = s.id
            """, connection, tx))
        {
            update.Parameters.AddWithValue("ids", ids);
            update.Parameters.AddWithValue("seqs", seqs);
            update.Parameters.AddWithValue("prevs", prevs);
            update.Parameters.AddWithValue("hashes", hashes);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var checkpoint = new NpgsqlCommand(
            "insert into audit_seal_checkpoints (seal_seq, hash) values (@seq, @hash) on conflict (seal_seq) do nothing", connection, tx))
        {
            checkpoint.Parameters.AddWithValue("seq", seqs[^1]);
            checkpoint.Parameters.AddWithValue("hash", hashes[^1]);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        logger.LogDebug("Sealed {Count} audit entries up to seq {Seq}", rows.Count, lastSeq + rows.Count);
        return rows.Count;
    }
}

public sealed class AuditSealerService(AuditSealer sealer, IConfiguration configuration, ILogger<AuditSealerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("OrgCom:AuditSealIntervalMs", 1000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sealer.SealPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Không niêm phong được nhật ký; sẽ thử lại.");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
