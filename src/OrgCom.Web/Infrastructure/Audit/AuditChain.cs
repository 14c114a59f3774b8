using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrgCom.Web.Infrastructure.Audit;

/// <summary>The hash that links an audit line to the one sealed before it. Both the sealer and verify-audit compute
/// it from values read back from the database, so representation never differs between the two.</summary>
public static class AuditChain
{
    public static readonly byte[] Genesis = new byte[32];

    public sealed record Row(
        long Id, DateTimeOffset OccurredAt, Guid? UserId, string UserName, string? IpAddress, string Action,
        string EntityType, string EntityKey, long? OrganizationId, string? Changes, string? Reason);

    public static byte[] Hash(long sealSeq, byte[] prevHash, Row row)
    {
        var text = string.Join('\u001f',
            sealSeq.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexString(prevHash),
            row.Id.ToString(CultureInfo.InvariantCulture),
            row.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            row.UserId?.ToString() ?? "",
            row.UserName,
            row.IpAddress ?? "",
            row.Action,
            row.EntityType,
            row.EntityKey,
            row.OrganizationId?.ToString(CultureInfo.InvariantCulture) ?? "",
            row.Changes ?? "",
            row.Reason ?? "");
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The columns of <see cref="Row"/>, in order, for the sealer's and verifier's SQL.</summary>
    public const string RowColumns =
        "id, occurred_at, user_id, user_name, ip_address, action, entity_type, entity_key, organization_id, changes::text, reason";

    public static Row ReadRow(Npgsql.NpgsqlDataReader r, int offset = 0) => new(
        r.GetInt64(offset),
        r.GetFieldValue<DateTimeOffset>(offset + 1),
        r.IsDBNull(offset + 2) ? null : r.GetGuid(offset + 2),
        r.GetString(offset + 3),
        r.IsDBNull(offset + 4) ? null : r.GetString(offset + 4),
        r.GetString(offset + 5),
        r.GetString(offset + 6),
        r.GetString(offset + 7),
        r.IsDBNull(offset + 8) ? null : r.GetInt64(offset + 8),
        r.IsDBNull(offset + 9) ? null : r.GetString(offset + 9),
        r.IsDBNull(offset + 10) ? null : r.GetString(offset + 10));
}
