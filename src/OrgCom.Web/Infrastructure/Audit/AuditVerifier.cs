using Npgsql;

namespace OrgCom.Web.Infrastructure.Audit;

public sealed record AuditVerification(long Checked, long? FirstBrokenId, long? FirstBrokenSeq, string? Problem, long Unsealed, DateTimeOffset? OldestUnsealedAt)
{
    public bool IsIntact => FirstBrokenId is null && Problem is null;
}

/// <summary>Walks the sealed chain in order, recomputing every hash, and reports the first line that does not fit.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        long expectedSeq = 1;
        var prevHash = AuditChain.Genesis;
        long checkedCount = 0;
        AuditVerification? broken = null;
        await using (var cmd = new NpgsqlCommand(
            $"select seal_seq, prev_hash, hash, {AuditChain.RowColumns} from audit_log where seal_seq is not null order by seal_seq",
            connection))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                var seq = r.GetInt64(0);
                var storedPrev = r.IsDBNull(1) ? [] : (byte[])r[1];
                var storedHash = r.IsDBNull(2) ? [] : (byte[])r[2];
                var row = AuditChain.ReadRow(r, 3);
                string? problem = null;
                if (seq != expectedSeq)
                    problem = $"thiếu dòng: mong đợi số thứ tự niêm phong {expectedSeq}, gặp {seq} (có dòng đã bị xóa)";
                else if (!storedPrev.AsSpan().SequenceEqual(prevHash))
                    problem = "mã băm của dòng trước không khớp (chuỗi bị cắt hoặc bị chèn)";
                else if (!storedHash.AsSpan().SequenceEqual(AuditChain.Hash(seq, prevHash, row)))
                    problem = "nội dung dòng đã bị sửa sau khi niêm phong";
                if (problem is not null)
                {
                    broken = new AuditVerification(checkedCount, row.Id, seq, problem, 0, null);
                    break;
                }
                prevHash = storedHash;
                expectedSeq++;
                checkedCount++;
            }
        }
        broken ??= await CheckLastCheckpointAsync(connection, checkedCount, expectedSeq - 1, cancellationToken);
        // Counted once the chain's reader is closed: a connection runs one command at a time.
        return await WithUnsealedAsync(broken ?? new AuditVerification(checkedCount, null, null, null, 0, null), connection, cancellationToken);
    }

    /// <summary>The newest checkpoint must name a line the chain still has, with the same hash: otherwise the newest
    /// sealed lines were deleted (or the chain was rebuilt after them).</summary>
    private static async Task<AuditVerification?> CheckLastCheckpointAsync(
        NpgsqlConnection connection, long checkedCount, long lastSeq, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "select c.seal_seq, c.hash, a.id, a.hash from audit_seal_checkpoints c left join audit_log a on a.seal_seq = c.seal_seq order by c.seal_seq desc limit 1",
            connection);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
            return null;
        var seq = r.GetInt64(0);
        var hash = (byte[])r[1];
        if (seq > lastSeq)
            return new AuditVerification(checkedCount, null, seq,
                $"các dòng cuối chuỗi đã bị xóa: lần niêm phong gần nhất ghi tới số thứ tự {seq}, chuỗi chỉ còn tới {lastSeq}", 0, null);
        if (r.IsDBNull(3) || !((byte[])r[3]).AsSpan().SequenceEqual(hash))
            return new AuditVerification(checkedCount, r.IsDBNull(2) ? null : r.GetInt64(2), seq,
                "dòng tại điểm niêm phong gần nhất không khớp mã băm đã ghi (chuỗi đã bị dựng lại)", 0, null);
        return null;
    }

    private static async Task<AuditVerification> WithUnsealedAsync(AuditVerification v, NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select count(*), min(occurred_at) from audit_log where seal_seq is null", connection);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return v with { Unsealed = r.GetInt64(0), OldestUnsealedAt = r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1) };
    }
}
