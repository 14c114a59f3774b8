using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;
using OrgCom.Web.Features.Members;
using OrgCom.Web.Infrastructure.Access;

namespace OrgCom.Web.Features.Organizations;

/// <summary>An organization as it stood on a date: its parent, name and kind then.</summary>
public sealed record OrganizationAsOf(long Id, string Code, string Name, OrganizationKind Kind, long? ParentId, int Depth);

/// <summary>
/// The tree and membership as of any date, read from the recorded history (ADR 0008): <c>organization_versions</c>
/// (derived from the organization events) and <c>member_placements</c> (kept by the member aggregate), through the SQL
/// functions <c>org_subtree_as_of</c> and <c>members_as_of</c>. This is the one place pages and reports ask "what was
/// the tree / who was a member here on D". "Today" is just one date: a change recorded with a future effective date is
/// in the history but shows only from its date on.
///
/// Scope: results are limited to organizations the user may read in the current tree (a merged organization is kept
/// under its successor, so the successor's users see its predecessors' history); an organization outside it is not
/// found, and its members are not listed.
/// </summary>
public sealed class OrganizationHistoryQueries(OrgComDbContext db, CurrentUser currentUser)
{
    private const string Valid = "v.valid_from <= @d and (v.valid_to is null or v.valid_to > @d)";
    private const string InScope = "(@unrestricted or o.path <@ any(@paths))";

    /// <summary>The organization as it stood on <paramref name="date"/>, or null if it did not exist then (or is out of scope).</summary>
    public async Task<OrganizationAsOf?> NodeAsync(long id, DateOnly date, CancellationToken ct) =>
        (await ReadAsync($"""
            select o.id, o.code, v.name, v.kind, v.parent_id, 0 as depth
            from organization_versions v join organizations o on o.id = v.organization_id
            where v.organization_id = @id and {Valid} and {InScope}
            """, date, ct, ("id", id))).SingleOrDefault();

    /// <summary>The children of <paramref name="parentId"/> on the date, each with its own child count then: one tree level.</summary>
    public Task<List<TreeNode>> ChildrenAsync(long parentId, DateOnly date, CancellationToken ct) =>
        NodesAsync("v.parent_id = @id", date, ct, ("id", parentId));

    /// <summary>These organizations as they stood on the date (those that existed then), with their child counts.</summary>
    public Task<List<TreeNode>> NodesAsync(long[] ids, DateOnly date, CancellationToken ct) =>
        NodesAsync("v.organization_id = any(@ids)", date, ct, ("ids", ids));

    private async Task<List<TreeNode>> NodesAsync(string which, DateOnly date, CancellationToken ct, params (string, object)[] parameters)
    {
        var rows = new List<TreeNode>();
        await using var cmd = await CommandAsync($"""
            select o.id, o.code, v.name, v.kind,
                   (select count(*) from organization_versions c
                     where c.parent_id = v.organization_id and c.valid_from <= @d and (c.valid_to is null or c.valid_to > @d))::int
            from organization_versions v join organizations o on o.id = v.organization_id
            where {which} and {Valid} and {InScope}
            order by v.kind = 'CentralBodyCommittee', v.name, o.code
            """, date, ct, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new TreeNode(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<OrganizationKind>(reader.GetString(3)), false, reader.GetInt32(4)));
        return rows;
    }

    /// <summary>The whole subtree of <paramref name="rootId"/> on the date (root first, depth 0), within scope.</summary>
    public Task<List<OrganizationAsOf>> SubtreeAsync(long rootId, DateOnly date, CancellationToken ct) =>
        ReadAsync($"""
            select o.id, o.code, s.name, s.kind, s.parent_id, s.depth
            from org_subtree_as_of(@id, @d) s join organizations o on o.id = s.organization_id
            where {InScope}
            order by s.depth, s.name
            """, date, ct, ("id", rootId));

    /// <summary>The ancestors of the organization on the date, root first (itself excluded), that the user may see.</summary>
    public async Task<List<LineageItem>> AncestorsAsync(long id, DateOnly date, CancellationToken ct)
    {
        var chain = await ReadAsync($"""
            with recursive up as (
                select v.organization_id, v.parent_id, v.name, v.kind, 0 as n from organization_versions v
                where v.organization_id = @id and {Valid}
                union all
                select v.organization_id, v.parent_id, v.name, v.kind, up.n + 1 from up
                join organization_versions v on v.organization_id = up.parent_id
                where {Valid}
            )
            select o.id, o.code, up.name, up.kind, up.parent_id, up.n
            from up join organizations o on o.id = up.organization_id
            where up.n > 0 and {InScope}
            order by up.n desc
            """, date, ct, ("id", id));
        return chain.Select(c => new LineageItem(c.Id, c.Name)).ToList();
    }

    /// <summary>Organizations in the subtree (itself included) and party members registered in it, on the date.</summary>
    public async Task<SubtreeCounts> CountsAsync(long rootId, DateOnly date, CancellationToken ct)
    {
        await using var cmd = await CommandAsync("""
            select (select count(*) from org_subtree_as_of(@id, @d))::int,
                   (select count(*) from members_as_of(@id, @d, true))::int
            """, date, ct, ("id", rootId));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new SubtreeCounts(reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>The party members registered in the organization (or its subtree) on the date, a page at a time, in
    /// the Vietnamese list order, with their status on that date: official from the day they became official (a
    /// readmitted member's first membership, before the ceremony of readmission, is shown official), probationary
    /// before.</summary>
    public async Task<Paged<MemberRow>> MembersAsync(long organizationId, DateOnly date, bool withSubtree, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        var ids = db.Database.SqlQuery<long>($"select member_id as \"Value\" from members_as_of({organizationId}, {date}, {withSubtree})");
        var query = db.Members.Where(m => ids.Contains(m.Id));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.GivenName).ThenBy(m => m.MiddleName).ThenBy(m => m.FamilyName).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new MemberRow(m.Id, m.FullName, m.Gender, m.BirthDate, m.BirthYearOnly,
                (m.OfficialOn != null && m.OfficialOn <= date) || m.CeremonyOn > date ? MemberStatus.Official : MemberStatus.Probationary,
                m.AdmittedOn))
            .ToListAsync(ct);
        return new Paged<MemberRow>(items, page, pageSize, total);
    }

    /// <summary>The organization a member was registered in on the date (null: none recorded then).</summary>
    public Task<long?> OrganizationOfMemberAsync(long memberId, DateOnly date, CancellationToken ct) =>
        db.MemberPlacements
            .Where(p => p.MemberId == memberId && (p.ValidFrom == null || p.ValidFrom <= date) && (p.ValidTo == null || p.ValidTo > date))
            .Select(p => (long?)p.OrganizationId).FirstOrDefaultAsync(ct);

    private async Task<List<OrganizationAsOf>> ReadAsync(string sql, DateOnly date, CancellationToken ct, params (string, object)[] parameters)
    {
        var rows = new List<OrganizationAsOf>();
        await using var cmd = await CommandAsync(sql, date, ct, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new OrganizationAsOf(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<OrganizationKind>(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetInt32(5)));
        return rows;
    }

    /// <summary>A command on the context's connection (and transaction, if one is open) with the date and the user's scope.</summary>
    private async Task<NpgsqlCommand> CommandAsync(string sql, DateOnly date, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var cmd = new NpgsqlCommand(sql, connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Date) { Value = date });
        cmd.Parameters.Add(new NpgsqlParameter("unrestricted", NpgsqlDbType.Boolean) { Value = currentUser.IsUnrestricted });
        cmd.Parameters.Add(new NpgsqlParameter("paths", NpgsqlDbType.Array | NpgsqlDbType.LTree)
        {
            Value = currentUser.ReadPaths.Select(p => p.ToString()).ToArray(),
        });
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }
}
