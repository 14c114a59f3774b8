using Npgsql;
using NpgsqlTypes;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Infrastructure.Audit;

/// <summary>
/// Logs that a person's record was opened. Views are the hot path (hundreds a second), so each line is one INSERT
/// on a dedicated connection pool whose sessions run with synchronous_commit off: the commit does not wait for the
/// WAL flush. The line is sealed like any other; only a database crash within a fraction of a second could lose the
/// newest view lines — never a change of data, whose lines commit with it, durably (ADR 0004).
/// </summary>
public sealed class ViewLog(NpgsqlDataSource dataSource, AuditRecorder recorder)
{
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Options = "-c synchronous_commit=off",
            ApplicationName = "orgcom-view-log",
        }.ConnectionString).Build();

    public async Task RecordAsync(CurrentUser user, string entityType, string entityKey, long? organizationId, CancellationToken ct)
    {
        var line = recorder.View(user, entityType, entityKey, organizationId);
        await using var cmd = dataSource.CreateCommand("""
            insert into audit_log (occurred_at, user_id, user_name, ip_address, action, entity_type, entity_key, organization_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = line.OccurredAt });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)line.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = line.UserName });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)line.IpAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        cmd.Parameters.Add(new NpgsqlParameter { Value = line.Action.ToString() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = line.EntityType });
        cmd.Parameters.Add(new NpgsqlParameter { Value = line.EntityKey });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)line.OrganizationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await cmd.ExecuteNonQueryAsync(ct);
    }

}

/// <summary>The view log's own pool, one per application (disposed with it).</summary>
public sealed record ViewLogDataSource(NpgsqlDataSource DataSource) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
