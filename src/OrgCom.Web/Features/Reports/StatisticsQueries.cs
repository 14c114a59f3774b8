using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Reports;

/// <summary>The chosen organization of a report, loaded through the scope filter (so one outside scope is not found).</summary>
public sealed record ReportRoot(long Id, string Name, string Path, OrganizationKind Kind);

/// <summary>
/// Computes the report forms for a subtree, rolled up to the chosen organization's children: every number of a row is
/// the total of that child's whole subtree; members registered directly in the chosen organization form its own row.
/// Numbers at a date come from <see cref="MembershipAtDate"/>, flows of a period from <c>member_flows</c> (classified once,
/// when each event was recorded: <c>member_events.counted_flow</c>). The caller has already checked that the user may read the root (its subtree lies
/// wholly within scope), so these queries read the tables without the scope filter.
/// </summary>
public sealed class StatisticsQueries(OrgComDbContext db)
{
    /// <summary>The rows of the increase/decrease report, in the form's order (Tăng, Giảm groups merged above).</summary>
    public static readonly IReadOnlyList<ReportColumn> IncreaseDecreaseColumns =
    [
        new("Opening", "Đầu kỳ"),
        new("Admitted", "Kết nạp", "Tăng"),
        new("Readmitted", "Kết nạp lại", "Tăng"),
        new("TransferredInOtherProvince", "Chuyển đến từ tỉnh, đảng bộ khác", "Tăng"),
        new("TransferredInWithinProvince", "Chuyển đến trong tỉnh, đảng bộ", "Tăng"),
        new("Died", "Từ trần", "Giảm"),
        new("Expelled", "Khai trừ", "Giảm"),
        new("Removed", "Xóa tên", "Giảm"),
        new("Left", "Ra khỏi Đảng", "Giảm"),
        new("TransferredOut", "Chuyển đi", "Giảm"),
        new("Closing", "Cuối kỳ"),
        new("RecognizedOfficial", "Công nhận chính thức trong kỳ"),
    ];

    public static bool IsCountMeasure(string key) => key is "Opening" or "Closing" or "Members";

    public static readonly string[] Increases = ["Admitted", "Readmitted", "TransferredInOtherProvince", "TransferredInWithinProvince"];
    public static readonly string[] Decreases = ["Died", "Expelled", "Removed", "Left", "TransferredOut"];

    public Task<ReportRoot?> RootAsync(long organizationId, CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new ReportRoot(o.Id, o.Name, EF.Property<Microsoft.EntityFrameworkCore.LTree>(o, OrgComDbContext.PathProperty).ToString(), o.Kind))
            .SingleOrDefaultAsync(ct);

    // Every organization of the root's subtree with the row it is counted in: the child of the root above it, or the
    // root itself.
    private const string Subtree = """
        subtree as (
            select o.id, case when nlevel(o.path) > nlevel(r.path) then ltree2text(subpath(o.path, nlevel(r.path), 1))::bigint else o.id end as row_id
            from organizations r join organizations o on o.path <@ r.path
            where r.id = @root)
        """;

    /// <param name="reconcile">Count the opening and closing member by member (<see cref="CountsAtSql"/>) so the balance
    /// is a real check — seconds for a province, tens of seconds for the whole country (docs/benchmarks.md) — instead of
    /// the pre-aggregated closing and the opening derived from it (fast, but balanced by construction).</param>
    public async Task<ReportTable> IncreaseDecreaseAsync(ReportRoot root, DateOnly from, DateOnly to, bool reconcile, CancellationToken ct)
    {
        var values = new Dictionary<(long Row, string Key), long>();
        // One pass over the flows from the first day of the period on: those after the period turn the current counts
        // into the closing ones, those within it are the report's columns.
        await ReadAsync($"""
            with {Subtree}
            select s.row_id, 'current', (sum(c.probationary + c.official))::bigint, 1
            from member_counts c join subtree s on s.id = c.organization_id group by s.row_id
            union all
            select s.row_id, case when f.day > @to then 'after' else f.flow end, sum(f.n)::bigint, member_flow_sign(f.flow)
            from member_flows f join subtree s on s.id = f.organization_id
            where f.day >= @from
            group by s.row_id, case when f.day > @to then 'after' else f.flow end, member_flow_sign(f.flow)
            """, r =>
        {
            var (row, key, n, sign) = (r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt32(3));
            // The closing count by the pre-aggregates equals opening + net by construction: the check below does not
            // use it (see CountsAtAsync).
            if (key is "current" or "after")
                Add(values, (row, "ClosingByCounts"), key == "current" ? n : -sign * n);
            else
                Add(values, (row, key), n);
        }, ct, ("root", root.Id), ("from", from), ("to", to));
        if (reconcile)
        {
            // Opening and closing counted at the two dates, member by member (CountsAtSql, as MembershipAtDate.MembersSql),
            // not derived from the flows: "đầu kỳ + tăng − giảm = cuối kỳ" is then a real check of the registry against its events.
            foreach (var (key, date) in new[] { ("Opening", from.AddDays(-1)), ("Closing", to) })
                foreach (var (row, n) in await CountsAtAsync(root, date, ct))
                    values[(row, key)] = n;
        }
        var rows = await RowsAsync(root, to, values, IncreaseDecreaseColumns, reconcile ? null : row =>
        {
            // The fast path: the closing from the pre-aggregates, the opening derived from it and the period's flows.
            long V(string key) => values.GetValueOrDefault((row, key));
            values[(row, "Closing")] = V("ClosingByCounts");
            values[(row, "Opening")] = V("ClosingByCounts") - (Increases.Sum(V) - Decreases.Sum(V));
        }, ct);
        return new ReportTable
        {
            Form = ReportForm.IncreaseDecrease, Title = "Báo cáo tăng, giảm đảng viên", OrganizationId = root.Id,
            OrganizationName = root.Name, From = from, To = to, Columns = IncreaseDecreaseColumns, Rows = rows, Reconciled = reconcile,
        };
    }

    /// <summary>Whether opening + increases − decreases = closing holds for a row (or the totals).</summary>
    public static bool Balances(ReportTable table, long[] values) => Imbalance(table, values) == 0;

    /// <summary>Closing − (opening + increases − decreases) of a row (or the totals): 0 when the check holds; otherwise
    /// the members the counts at the two dates see that the period's events do not explain (positive: more at the
    /// closing than the events lead to).</summary>
    public static long Imbalance(ReportTable table, long[] values)
    {
        long V(string key) => values[table.ColumnIndex(key)];
        return V("Closing") - (V("Opening") + Increases.Sum(V) - Decreases.Sum(V));
    }

    /// <summary>"+3", "−2" (the minus sign), "0".</summary>
    public static string SignedNumber(long n) => n > 0 ? "+" + ReportRequest.Number(n) : n < 0 ? "−" + ReportRequest.Number(-n) : "0";

    /// <summary>
    /// Rows <c>(organization_id, n)</c>: the members counted at the end of <c>@date</c> per organization of the subtree
    /// CTE <c>subtree</c> (column <c>id</c>) — exactly <see cref="MembershipAtDate.MembersSql"/> grouped by organization
    /// (a test checks it on every day around a set of changes), computed without reading every member: the current
    /// counted members (<c>member_counts</c>, kept from the member rows), less those whose count changed after the date
    /// where they are now, plus them where their first count-changing event after the date says they were. Only the
    /// events after the date are read, one per member; the flows (<c>member_flows</c>) are not used, so opening +
    /// increases − decreases = closing is a check of the member rows against their events, not an identity.
    /// </summary>
    public const string CountsAtSql = """
        select x.organization_id, sum(x.n)::bigint as n from (
            select c.organization_id, (c.probationary + c.official)::bigint as n from member_counts c
            union all
            select v.organization_id, v.n::bigint
            from (select distinct on (e.member_id) e.member_id, e.kind, e.organization_id, e.other_organization_id
                  from member_events e
                  where e.effective_on > @date
                    and (e.organization_id in (select id from subtree) or e.other_organization_id in (select id from subtree))
                    and member_flow_sign(e.counted_flow) <> 0
                  order by e.member_id, e.effective_on, e.id) ch
            -- One look-up of the member's row each (the changed are few next to all the members).
            cross join lateral (select mm.organization_id, mm.status from members mm where mm.id = ch.member_id offset 0) m
            cross join lateral (values
                (case when m.status in ('Probationary', 'Official') then m.organization_id end, -1),
                (case when ch.kind not in ('CeremonyHeld', 'Readmitted')
                      then case when ch.kind = 'TransferReceived' then ch.other_organization_id else ch.organization_id end end, 1)
            ) v(organization_id, n)
            where v.organization_id is not null) x
        where x.organization_id in (select id from subtree)
        group by x.organization_id
        """;

    /// <summary>Members counted at the end of <paramref name="date"/>, by report row (the root's child above, or the root).</summary>
    private async Task<Dictionary<long, long>> CountsAtAsync(ReportRoot root, DateOnly date, CancellationToken ct)
    {
        var counts = new Dictionary<long, long>();
        await ReadAsync($"""
            with {Subtree}
            select s.row_id, sum(at.n)::bigint from ({CountsAtSql}) at join subtree s on s.id = at.organization_id group by 1
            """, r => counts[r.GetInt64(0)] = r.GetInt64(1), ct, ("root", root.Id), ("date", date));
        return counts;
    }

    public async Task<ReportTable> MembersAtDateAsync(ReportRoot root, DateOnly date, MemberDimension dimension, DimensionBands bands, CancellationToken ct)
    {
        var values = new Dictionary<(long Row, string Key), long>();
        await ReadAsync($"""
            with {Subtree},
            at as ({MembershipAtDate.MembersSql})
            select s.row_id, {dimension.Sql(bands)} as category, count(*)
            from at join members m on m.id = at.member_id join subtree s on s.id = at.organization_id
            group by 1, 2
            """, r => Add(values, (r.GetInt64(0), r.GetString(1)), r.GetInt64(2)), ct,
            ("root", root.Id), ("root_path", root.Path), ("date", date));
        var categories = dimension.FixedCategories(bands) ?? values.GroupBy(v => v.Key.Key)
            .OrderByDescending(g => g.Sum(x => x.Value)).ThenBy(g => g.Key)
            .Select(g => new DimensionCategory(g.Key, ReportDimensions.CategoryHeader(g.Key))).ToList();
        var columns = categories.Select(c => new ReportColumn("c:" + c.Key, c.Header, dimension.DisplayName()))
            .Prepend(new ReportColumn("Members", "Tổng số đảng viên")).ToList();
        foreach (var (key, n) in values.ToList())
        {
            values[(key.Row, "c:" + key.Key)] = n;
            Add(values, (key.Row, "Members"), n);
        }
        var rows = await RowsAsync(root, date, values, columns, null, ct);
        return new ReportTable
        {
            Form = ReportForm.MembersAtDate, Title = "Báo cáo số lượng, chất lượng đảng viên", Subtitle = "Theo " + dimension.DisplayName().ToLowerInvariant(),
            Footnote = dimension.Footnote(bands),
            OrganizationId = root.Id, OrganizationName = root.Name, To = date, Columns = columns, Rows = rows,
        };
    }

    public async Task<ReportTable> OrganizationsByKindAsync(ReportRoot root, DateOnly date, CancellationToken ct)
    {
        var values = new Dictionary<(long Row, string Key), long>();
        await ReadAsync($"""
            with {Subtree}
            select s.row_id, 'k:' || o.kind, count(*)::bigint
            from subtree s join organizations o on o.id = s.id
            where o.established_on <= @date and (o.dissolved_on is null or o.dissolved_on > @date)
            group by 1, 2
            union all
            select s.row_id, 'Members', sum(x.n)::bigint
            from ({MembershipAtDate.CountsSql}) x join subtree s on s.id = x.organization_id
            group by 1
            """, r => Add(values, (r.GetInt64(0), r.GetString(1)), r.GetInt64(2)), ct, ("root", root.Id), ("date", date));
        // The kinds that may stand in the root's subtree (the root's own kind included), in the tree's order.
        var reachable = new HashSet<OrganizationKind> { root.Kind };
        for (var added = true; added;)
            added = OrganizationKinds.All.Where(k => !reachable.Contains(k) && reachable.Any(p => k.CanBeChildOf(p))).ToList() is { Count: > 0 } more
                && more.All(reachable.Add);
        var kinds = OrganizationKinds.All.Where(k => reachable.Contains(k) || values.ContainsKey((root.Id, "k:" + k))).ToList();
        var columns = kinds.Select(k => new ReportColumn("k:" + k, k.DisplayName(), "Số tổ chức đảng theo loại hình", DrillDown: false))
            .Append(new ReportColumn("Members", "Số đảng viên")).ToList();
        var rows = await RowsAsync(root, date, values, columns, null, ct);
        return new ReportTable
        {
            Form = ReportForm.OrganizationsByKind, Title = "Báo cáo tổ chức đảng theo loại hình", OrganizationId = root.Id,
            OrganizationName = root.Name, To = date, Columns = columns, Rows = rows,
        };
    }

    /// <summary>The root's children (with their subtree numbers) and the root's own row when it has numbers.</summary>
    private async Task<List<ReportRow>> RowsAsync(ReportRoot root, DateOnly date, Dictionary<(long Row, string Key), long> values,
        IReadOnlyList<ReportColumn> columns, Action<long>? complete, CancellationToken ct)
    {
        var orgs = new List<(long Id, string Name, bool HasChildren, bool Active)>();
        await ReadAsync("""
            select o.id, o.name, exists (select 1 from organizations c where c.parent_id = o.id),
                   o.established_on <= @date and (o.dissolved_on is null or o.dissolved_on > @date)
            from organizations o where o.parent_id = @root
            order by o.name, o.id
            """, r => orgs.Add((r.GetInt64(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3))), ct, ("root", root.Id), ("date", date));
        var rows = new List<ReportRow>();
        foreach (var (id, name, hasChildren, active) in orgs.Prepend((root.Id, root.Name + " (trực tiếp)", false, false)))
        {
            complete?.Invoke(id);
            var row = columns.Select(c => values.GetValueOrDefault((id, c.Key))).ToArray();
            if (active || row.Any(v => v != 0))
                rows.Add(new ReportRow(id, name, hasChildren, row));
        }
        return rows;
    }

    private static void Add(Dictionary<(long, string), long> values, (long, string) key, long n) =>
        values[key] = values.GetValueOrDefault(key) + n;

    private async Task ReadAsync(string sql, Action<DbDataReader> read, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            cmd.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
                cmd.Parameters.AddWithValue(name, value);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                read(reader);
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }
}
