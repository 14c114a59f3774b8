using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrgCom.Core.Organizations;
using OrgCom.Web.Data;

namespace OrgCom.Web.Features.Reports;

/// <summary>The chosen organization of a report, loaded through the scope filter (so one outside scope is not found).</summary>
public sealed record ReportRoot(long Id, string Name, string Path, OrganizationKind Kind)
{
    /// <summary>Its level in the tree: 1 for a root, 2 for a committee directly under it (a province).</summary>
    public int Depth => Path.Count(c => c == '.') + 1;
}

/// <summary>
/// Computes the report forms for a subtree, rolled up to the chosen organization's children: every number of a row is
/// the total of that child's whole subtree; members registered directly in the chosen organization form its own row.
/// Numbers at a date come from <see cref="MembershipAtDate"/>, flows of a period from <c>member_flows</c> (classified once,
/// when each event was recorded: <c>member_events.counted_flow</c>). Organizations are mapped to rows as the tree stood
/// on the date (the organization history, ADR 0008), and a move between two organizations of one row (a transfer, a
/// reorganization's reassignment) is not counted at that row (ADR 0011). The caller has already checked that the user may read the root (its subtree lies
/// wholly within scope), so these queries read the tables without the scope filter.
/// </summary>
public sealed class StatisticsQueries(OrgComDbContext db, IConfiguration configuration)
{
    /// <summary>How long one statement of a report may run (setting <c>OrgCom:ReportTimeoutSeconds</c>, 60 by default):
    /// longer, the page says so instead of failing (View).</summary>
    public int TimeoutSeconds => Math.Max(1, configuration.GetValue("OrgCom:ReportTimeoutSeconds", 60));

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

    // The moves between two organizations (arrival, departure): a row counts one only when it crosses its subtree.
    internal static readonly string CrossingFlows = string.Join(", ",
        Data.Migrations.StatisticsOrganizationHistory.Crossings.Select(c => $"'{c.In}'"));

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

    /// <summary>The root's path as an ltree literal. Written into the statement rather than bound: with a parameter, the
    /// plan the server caches for the prepared statement (Npgsql prepares repeated statements) assumes a subtree of a
    /// few hundred organizations and runs the country or a province several times slower. The path comes from the
    /// database and is checked to be ids and dots.</summary>
    private static string PathLiteral(ReportRoot root) => PathLiteral(root.Path);

    /// <inheritdoc cref="PathLiteral(ReportRoot)"/>
    public static string PathLiteral(string path) =>
        System.Text.RegularExpressions.Regex.IsMatch(path, @"^[0-9]+(\.[0-9]+)*$")
            ? $"'{path}'::ltree"
            : throw new InvalidOperationException($"Unexpected organization path '{path}'.");

    /// <summary>The report row of the organization aliased <paramref name="alias"/>: the child of the root above it, or
    /// the root itself (as the CTE <c>subtree</c>).</summary>
    private static string RowOf(string alias, ReportRoot root)
    {
        return $"case when nlevel({alias}.path) > {root.Depth} then ltree2text(subpath({alias}.path, {root.Depth}, 1))::bigint else {alias}.id end";
    }

    /// <summary>
    /// The CTEs <c>counts (row_id, n)</c>, the current count of each organization of the root's subtree, and
    /// <c>flows (row_id, day, flow, n)</c>, its flows since <c>@from</c>, each with its report row in today's tree
    /// (ADR 0011, "Speed"):
    /// <list type="bullet">
    /// <item>the whole country (the root at level 1) and a province (level 2) by the report row kept on the pre-aggregates
    /// (<c>level2_id</c>, <c>level3_id</c>, migration <c>StatisticsRowLevels</c>): a province's flows are one range of
    /// <c>ix_member_flows_level2</c>, not found among the whole country's;</item>
    /// <item>a smaller subtree through the tree, joined by its path written as a literal, so the planner sees the
    /// subtree's real size (PathLiteral).</item>
    /// </list>
    /// With <paramref name="exceptAffected"/>, the organizations of the CTE <c>affected</c> are left out (the
    /// history-aware report counts them on their own: <see cref="AggregatedHistoricSql"/>).
    /// </summary>
    private static string FastRows(ReportRoot root, bool exceptAffected = false)
    {
        string Except(string alias) => exceptAffected ? $" and {alias}.organization_id not in (select id from affected)" : "";
        if (root.Depth == 2)
            return $"""
                counts as (
                    select coalesce(c.level3_id, c.organization_id) as row_id, c.probationary + c.official as n
                    from member_counts c where c.level2_id = {root.Id}{Except("c")}),
                flows as (
                    select coalesce(f.level3_id, f.organization_id) as row_id, f.day, f.flow, f.n
                    from member_flows f where f.level2_id = {root.Id} and f.day >= @from{Except("f")})
                """;
        if (root.Depth == 1)
            // The root's own rows have no level 2 ancestor; every other row's is one of the root's children.
            return $"""
                counts as (
                    select coalesce(c.level2_id, c.organization_id) as row_id, c.probationary + c.official as n
                    from member_counts c
                    where (c.level2_id = any(array(select id from organizations where parent_id = {root.Id})) or c.organization_id = {root.Id}){Except("c")}),
                flows as (
                    select f.level2_id as row_id, f.day, f.flow, f.n
                    from member_flows f
                    where f.level2_id = any(array(select id from organizations where parent_id = {root.Id})) and f.day >= @from{Except("f")}
                    union all
                    select f.organization_id, f.day, f.flow, f.n from member_flows f where f.organization_id = {root.Id} and f.day >= @from{Except("f")})
                """;
        return $"""
            counts as (
                select {RowOf("o", root)} as row_id, c.probationary + c.official as n
                from member_counts c join organizations o on o.id = c.organization_id
                where o.path <@ {PathLiteral(root)}{Except("c")}),
            flows as (
                select {RowOf("o", root)} as row_id, f.day, f.flow, f.n
                from member_flows f join organizations o on o.id = f.organization_id
                where o.path <@ {PathLiteral(root)} and f.day >= @from{Except("f")})
            """;
    }

    /// <summary>The columns a reorganization adds when it moved members across a row's boundary in the period: neither
    /// an admission nor a transfer (ADR 0011, "Reorganizations").</summary>
    public static readonly IReadOnlyList<ReportColumn> ReorganizationColumns =
    [
        new("ReorganizedIn", "Nhận do sắp xếp tổ chức", "Chuyển do sắp xếp tổ chức"),
        new("ReorganizedOut", "Chuyển đi do sắp xếp tổ chức", "Chuyển do sắp xếp tổ chức"),
    ];

    /// <summary>The reorganization columns: their numbers are listed within the report that shows them
    /// (<c>/Reports/Members?…&amp;Row=</c> the row), not as the row's own report.</summary>
    public static bool IsReorganization(string key) => key is "ReorganizedIn" or "ReorganizedOut";

    private static string Quoted(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"'{k}'"));

    // The stretches between the days some organization changed parent, each with its mapping of organizations to rows.
    private const string Segments = """
        segments as (
            select @opening as seg_from
            union
            select effective_on from organization_events
            where kind in ('Moved', 'Merged') and effective_on between @from and @to)
        """;

    private static readonly string SegmentCtes = $"""
        {Segments},
        seg_rows as materialized (
            select s.seg_from, r.id, r.row_id
            from segments s cross join lateral ({RowsAs("s.seg_from")}) r)
        """;

    /// <summary>
    /// The CTEs of the increase/decrease report over a period in which the tree changed (some organization changed
    /// parent) or a reorganization reassigned members, counted member by member (ADR 0011, "Drill-down of the
    /// reorganization columns"). Parameters: <c>@root</c>, <c>@root_path</c>, <c>@from</c>, <c>@to</c>,
    /// and <c>@opening</c> (the day before <c>@from</c>). The drill-down of a row reads it for the report's
    /// organization and keeps that row (a row that stands elsewhere now is not its own subtree in the period).
    /// <list type="bullet">
    /// <item><c>segments</c>, <c>seg_rows (seg_from, id, row_id)</c>: the stretches between the days some organization
    /// changed parent, each with its mapping of organizations to rows (<c>org_rows_as_of</c>); <c>open_rows</c>,
    /// <c>close_rows</c> the mappings at the opening and the closing.</item>
    /// <item><c>open_members</c>, <c>close_members (member_id, row_id)</c>: the members counted at the opening and at
    /// the closing (<c>membership_at</c>) with their row.</item>
    /// <item><c>member_moves (member_id, row_id, n)</c>: each member's increases (+1) and decreases (−1) of the period
    /// (admissions, readmissions, transfers in; deaths, expulsions, removals, leaving, transfers out), each mapped with
    /// the stretch of its day — the same events and mapping as the report's flow columns.</item>
    /// <item><c>reorganized (member_id, row_id, n)</c>: per member and row, (at the closing) − (at the opening) −
    /// (increases − decreases), where not 0: positive, the member came into the row without an increase (an
    /// organization moved, merged or split across its boundary, or a reassignment); negative, left it without a
    /// decrease. "Nhận do sắp xếp tổ chức" is the sum of the positive, "Chuyển đi do sắp xếp tổ chức" of the negative,
    /// so opening + increases − decreases + received − sent = closing for every row by construction.</item>
    /// </list>
    /// </summary>
    public static readonly string ReorganizedCtes = $"""
        {SegmentCtes},
        -- Walked on their own (not filtered out of seg_rows), so the planner sees their size and hashes them.
        open_rows as materialized ({RowsAs("@opening")}),
        close_rows as materialized ({RowsAs("@to")}),
        open_members as materialized (
            select a.member_id, r.row_id from membership_at(@root_path::ltree, @opening) a join open_rows r on r.id = a.organization_id),
        close_members as materialized (
            select a.member_id, r.row_id from membership_at(@root_path::ltree, @to) a join close_rows r on r.id = a.organization_id),
        -- The period's count-changing events of the subtree's organizations, read from the partial index of those events
        -- alone (ix_member_events_count_changes holds every column needed), not from the whole table.
        period_events as materialized (
            select e.id, e.member_id, e.effective_on, e.counted_flow, e.organization_id, e.other_organization_id
            from member_events e
            where member_flow_sign(e.counted_flow) <> 0 and e.effective_on between @from and @to
              and (e.organization_id in (select id from seg_rows) or e.other_organization_id in (select id from seg_rows))),
        member_moves as (
            select distinct on (e.id, x.flow) e.member_id, r.row_id, member_flow_sign(x.flow) as n
            from period_events e
            cross join lateral member_event_flows(e.counted_flow, e.organization_id, e.other_organization_id) x
            join seg_rows r on r.id = x.organization_id and r.seg_from <= e.effective_on
            where e.effective_on between @from and @to and e.counted_flow is not null
              and x.flow in ({Quoted(Increases.Concat(Decreases))})
              and {Stretch("r", "x.organization_id", "e.effective_on")}
            order by e.id, x.flow, r.seg_from desc),
        reorganized as (
            select member_id, row_id, sum(n)::bigint as n from (
                select member_id, row_id, 1 as n from close_members
                union all select member_id, row_id, -1 from open_members
                union all select member_id, row_id, -n from member_moves) x
            group by 1, 2
            having sum(n) <> 0)
        """;

    private static string RowsAs(string dateParameter) =>
        $"select organization_id as id, row_id from org_rows_as_of(@root, {dateParameter})";

    // The tree stood still between the days some organization changed parent: one mapping per such stretch (from the
    // opening, and from each change day in the period), each flow mapped with the stretch of its day — or an earlier one
    // for an organization that ended that day (a merged cell's members leave it on the day it ends). Opening, closing
    // and the reorganization columns counted member by member (ReorganizedCtes); the flow columns from member_flows.
    private static readonly string HistoricSql = $"""
        with {ReorganizedCtes},
        flows as (
            select distinct on (f.organization_id, f.day, f.flow) r.row_id, f.flow, f.n
            from member_flows f join seg_rows r on r.id = f.organization_id and r.seg_from <= f.day
            where f.day between @from and @to and f.flow not in ('ReorganizedIn', 'ReorganizedOut')
              and {Stretch("r", "f.organization_id", "f.day")}
            order by f.organization_id, f.day, f.flow, r.seg_from desc),
        moves as (
            select e.id, e.organization_id, e.other_organization_id, e.counted_flow, e.effective_on
            from member_events e
            where e.counted_flow in ({CrossingFlows}) and e.counted_flow <> 'ReorganizedIn' and e.effective_on between @from and @to),
        move_to as (
            select distinct on (m.id) m.id, r.row_id from moves m join seg_rows r on r.id = m.organization_id and r.seg_from <= m.effective_on
            where {Stretch("r", "m.organization_id", "m.effective_on")}
            order by m.id, r.seg_from desc),
        move_from as (
            select distinct on (m.id) m.id, r.row_id from moves m join seg_rows r on r.id = m.other_organization_id and r.seg_from <= m.effective_on
            where {Stretch("r", "m.other_organization_id", "m.effective_on")}
            order by m.id, r.seg_from desc)
        select row_id, 'Closing', count(*) from close_members group by 1
        union all
        select row_id, 'Opening', count(*) from open_members group by 1
        union all
        select row_id, flow, sum(n)::bigint from flows group by 1, 2
        union all
        select t.row_id, x.flow, -count(*)
        from moves m join move_to t on t.id = m.id join move_from f on f.id = m.id and f.row_id = t.row_id
        cross join lateral member_event_flows(m.counted_flow, m.organization_id, m.other_organization_id) x
        group by 1, 2
        union all
        select row_id, 'ReorganizedIn', sum(n)::bigint from reorganized where n > 0 group by 1
        union all
        select row_id, 'ReorganizedOut', -sum(n)::bigint from reorganized where n < 0 group by 1
        """;


    /// <param name="reconcile">Count the opening and closing member by member (<see cref="MembershipAtDate.CountsAtSql"/>) so the balance
    /// is a real check — seconds for a province, tens of seconds for the whole country (docs/benchmarks.md) — instead of
    /// the pre-aggregated closing and the opening derived from it (fast, but balanced by construction).</param>
    /// <param name="count">Count this way rather than the one chosen for the report (tests: every way gives the same
    /// numbers).</param>
    public async Task<ReportTable> IncreaseDecreaseAsync(ReportRoot root, DateOnly from, DateOnly to, bool reconcile, CancellationToken ct,
        HistoryCount count = HistoryCount.Automatic)
    {
        var opening = from.AddDays(-1);
        var values = new Dictionary<(long Row, string Key), long>();
        // Whether some organization changed parent since the opening day: then the organizations below it are mapped to
        // their rows as the tree stood (ADR 0008) — the opening and closing counts with the tree of those days, each flow
        // with the tree of its day; every other organization (all of them otherwise) by its current row.
        var treeChanged = await ScalarAsync<bool>(MembershipAtDate.TreeChangedSinceSql("@opening"), ct, ("opening", opening));
        var parameters = new (string, object)[] { ("root", root.Id), ("root_path", root.Path), ("from", from), ("to", to), ("opening", opening) };
        // One statement counts every period organization by organization (AggregatedHistoricSql): without a change of
        // parent since the opening it is the one pass over the current counts and the flows since the opening, each with
        // its report row (FastRows); with one, only the moved subtrees read the history. Member by member where the two
        // could differ.
        var wholeSubtree = count == HistoryCount.WholeSubtree
            || (count == HistoryCount.Automatic && treeChanged && await WholeSubtreeAsync(root, opening, ct));
        var countedByMembers = count == HistoryCount.Members || !await AggregatedHistoricAsync(root, wholeSubtree, values, parameters, ct);
        if (countedByMembers)
        {
            values.Clear();
            await ReadAsync(HistoricSql, r => Add(values, (r.GetInt64(0), r.GetString(1)), r.GetInt64(2)), ct, parameters);
        }
        // A reorganization's reassignments, with or without a change of parent, make the reorganization columns (ADR 0011,
        // "Drill-down of the reorganization columns"); over such a period the counts at the two dates cannot be
        // reconciled with today's tree.
        var historic = treeChanged || values.Any(v => IsReorganization(v.Key.Key) && v.Value != 0);
        // "Đối chiếu từng đảng viên": opening and closing counted member by member at the two dates (CountsAtSql), so
        // "đầu kỳ + tăng − giảm = cuối kỳ" is a real check of the registry against its events. Only over a period in which
        // no organization changed parent (CountsAtSql maps members with today's tree); otherwise the page says so.
        if (reconcile && !historic)
        {
            foreach (var key in new[] { "Opening", "Closing" })
                foreach (var row in values.Keys.Where(k => k.Key == key).ToList())
                    values.Remove(row);
            foreach (var (key, date) in new[] { ("Opening", opening), ("Closing", to) })
                foreach (var (row, n) in await CountsAtAsync(root, date, ct))
                    values[(row, key)] = n;
        }
        var columns = IncreaseDecreaseColumns.ToList();
        var table = await RowsAsync(root, to, values, columns, ct);
        if (values.Any(v => IsReorganization(v.Key.Key) && v.Value != 0))
        {
            columns.InsertRange(columns.FindIndex(c => c.Key == "Closing"), ReorganizationColumns);
            table = table.Select(r => new ReportRow(r.OrganizationId, r.Name, r.HasChildren,
                columns.Select(c => values.GetValueOrDefault((r.OrganizationId, c.Key))).ToArray())).ToList();
        }
        return new ReportTable
        {
            Form = ReportForm.IncreaseDecrease, Title = "Báo cáo tăng, giảm đảng viên", OrganizationId = root.Id,
            OrganizationName = root.Name, From = from, To = to, Columns = columns, Rows = table, Reconciled = reconcile && !historic,
            CountedByMembers = countedByMembers,
        };
    }

    /// <summary>Reads <see cref="AggregatedHistoricSql"/> into <paramref name="values"/>; false when its numbers may differ
    /// from counting member by member (it says so, or a row does not balance) and the caller must count that way.</summary>
    private async Task<bool> AggregatedHistoricAsync(ReportRoot root, bool wholeSubtree, Dictionary<(long Row, string Key), long> values,
        (string, object)[] parameters, CancellationToken ct)
    {
        long needsMembers = 0;
        await ReadAsync(AggregatedHistoricSql(root, wholeSubtree), r =>
        {
            if (r.GetString(1) == "NeedsMembers")
                needsMembers = r.GetInt64(2);
            else
                Add(values, (r.GetInt64(0), r.GetString(1)), r.GetInt64(2));
        }, ct, parameters);
        return needsMembers == 0 && values.Keys.Select(k => k.Row).Distinct().All(row =>
            values.GetValueOrDefault((row, "Closing")) == values.GetValueOrDefault((row, "Opening")) + Net(k => values.GetValueOrDefault((row, k))));
    }

    /// <summary>Whether the history-aware report should walk the root's whole subtree down on each date rather than walk
    /// up from the organizations moved since the opening: when they are many for the subtree (the 2025 reorganization
    /// moved nearly every commune; a report of one commune has a few dozen organizations). The subtree is counted only as
    /// far as the comparison needs.</summary>
    private Task<bool> WholeSubtreeAsync(ReportRoot root, DateOnly opening, CancellationToken ct) => ScalarAsync<bool>($"""
        with moved as (
            select count(*) as n from organization_events
            where {ParentChanges} and effective_on > @opening)
        select (select count(*) from (select 1 from organizations where path <@ {PathLiteral(root)} limit (select {WalkCostRatio} * n + 1 from moved)) x)
               <= (select {WalkCostRatio} * n from moved)
        """, ct, ("opening", opening));

    /// <summary>The organization events after which an organization stands under another parent: moved, or merged or
    /// split away (kept under its successor). The partial index <c>ix_organization_events_parent_changes</c> holds them.</summary>
    private const string ParentChanges = "kind in ('Moved', 'Merged', 'Split')";

    /// <summary>Walking up from one moved organization (and finding the organizations under it) costs about as much as
    /// walking down to this many organizations (measured: docs/benchmarks.md, 22/11/2026).</summary>
    private const int WalkCostRatio = 4;

    /// <summary>
    /// The increase/decrease report over a period in which the tree changed, counted organization by organization
    /// (ADR 0011, "Speed of the history-aware report"): the same numbers as <see cref="HistoricSql"/> (member by
    /// member) whenever each organization and each member is carried across a row's boundary by a reorganization at
    /// most once in the period — the statement says when that does not hold (a row <c>NeedsMembers</c>), and the caller
    /// then counts member by member.
    /// <list type="bullet">
    /// <item>The organizations whose row may have changed since the opening (<c>affected</c>: those below one moved,
    /// merged or split away, <see cref="MovedSubtreeRows"/>; or, <paramref name="wholeSubtree"/>, every organization of
    /// the subtree, <see cref="WholeSubtreeRows"/>) are mapped as the tree stood on each date (<c>aff_rows</c>); every
    /// other organization has stood where it stands now since the opening and is counted by its current row
    /// (<see cref="FastRowsExceptAffected"/>).</item>
    /// <item><c>grid (id, k, row_id, present, last_k)</c>: each affected organization that belongs to the subtree in some
    /// stretch (<c>universe</c>), for each stretch k: its row there, whether it stands in the subtree then, and the last stretch
    /// up to k in which it did. An organization's attribution on a day is its row in that day's stretch; if it is not
    /// in the subtree then, none while it stands elsewhere, or (it has ended) its row in the last stretch it was in —
    /// exactly the mapping of <see cref="Stretch"/>.</item>
    /// <item>Opening and closing: the current counts less the flows after the day (exact per organization:
    /// <see cref="MembershipAtDate"/>), by the rows of the opening and of the closing; the flow columns, the
    /// reassignments among them (<c>ReorganizedIn</c>/<c>ReorganizedOut</c>), by each flow's attribution, less the
    /// moves whose two ends are attributed to one row.</item>
    /// <item><c>jumps</c>: an organization whose attribution changes at a change day (or between the last stretch and
    /// the closing) carries its count at the end of the day before (its current count less its later flows: <c>count_at</c>) from the
    /// old row to the new: received and sent by a
    /// reorganization. Per organization and row that is what the member-by-member statement finds per member and row,
    /// when no organization jumps twice, no member is reassigned twice and no reassignment touches an organization that
    /// jumps (then a member's moves could cancel out per member, not per organization): <c>NeedsMembers</c>.</item>
    /// </list>
    /// The affected organizations' flows and counts are read by the province kept on them (<c>level2_id</c>), so a
    /// province's period is one range of <c>ix_member_flows_level2</c>, not found among the whole country's.
    /// </summary>
    private static string AggregatedHistoricSql(ReportRoot root, bool wholeSubtree) => $"""
        with recursive {Subtree}, {Segments},
        seg_k as materialized (
            select seg_from, coalesce(lead(seg_from) over (order by seg_from), @to + 1) as seg_to,
                   (row_number() over (order by seg_from))::int - 1 as k
            from segments),
        {(wholeSubtree ? WholeSubtreeRows : MovedSubtreeRows(root))},
        seg_rows as materialized (select r.d as seg_from, r.id, r.row_id from aff_rows r where r.d in (select seg_from from segments)),
        close_rows as materialized (select r.id, r.row_id from aff_rows r where r.d = @to),
        universe as materialized (select distinct id from aff_rows),
        grid as materialized (
            select u.id, s.k, r.row_id, r.id is not null as present,
                   max(case when r.id is not null then s.k end) over (partition by u.id order by s.k) as last_k
            from universe u cross join seg_k s
            left join seg_rows r on r.id = u.id and r.seg_from = s.seg_from),
        -- The flows since the opening of the organizations whose rows read the history, found by the province they stand
        -- in now: one range of ix_member_flows_level2 per province.
        uprovinces as materialized (
            select array(select distinct organization_level_id(o.path, 2) from universe u join organizations o on o.id = u.id) as ids),
        uflows as materialized (
            select f.organization_id as id, f.day, f.flow, f.n
            from member_flows f
            where f.level2_id = any((select ids from uprovinces)::bigint[]) and f.day > @opening and f.organization_id in (select id from universe)
            union all
            select f.organization_id, f.day, f.flow, f.n
            from member_flows f
            where f.level2_id is null and f.day > @opening and f.organization_id in (select id from universe)),
        -- Their current counts, read the same way (not by a join with every organization's).
        ucounts as materialized (
            select c.organization_id as id, c.probationary + c.official as n
            from member_counts c
            where (c.level2_id = any((select ids from uprovinces)::bigint[]) or c.level2_id is null) and c.organization_id in (select id from universe)),
        -- Each organization's net flows by stretch k (k = K, one past the last stretch: after the closing).
        org_net as (
            select f.id, coalesce(s.k, (select max(k) + 1 from seg_k)) as k, sum(member_flow_sign(f.flow) * f.n) as net
            from uflows f left join seg_k s on f.day >= s.seg_from and f.day < s.seg_to
            group by 1, 2),
        -- Each organization's count at the end of the eve of stretch k (k = 0: the opening; K: the closing): its current
        -- count less its flows since.
        count_at as materialized (
            select g.id, g.k, coalesce(max(c.n), 0) - coalesce(sum(o.net), 0) as n
            from (select u.id, s.k from universe u cross join (select k from seg_k union all select max(k) + 1 from seg_k) s) g
            left join ucounts c on c.id = g.id
            left join org_net o on o.id = g.id and o.k >= g.k
            group by 1, 2),
        mapped as (
            select {Attribution("g", "gl", "f.day")} as row_id, f.flow, f.n
            from uflows f
            join seg_k s on f.day >= s.seg_from and f.day < s.seg_to
            join grid g on g.id = f.id and g.k = s.k
            left join grid gl on gl.id = g.id and gl.k = g.last_k
            where f.day between @from and @to),
        {(wholeSubtree ? NoFastRows : FastRowsExceptAffected(root))},
        -- The moves of the period between two organizations: each end attributed like its flows (an affected one by the
        -- grid, another by its current row).
        moves as (
            select m.counted_flow, m.organization_id, m.other_organization_id,
                   case when ga.id is not null then {Attribution("ga", "gal", "m.effective_on")}
                        when aa.id is null then sa.row_id end as a_row,
                   case when gb.id is not null then {Attribution("gb", "gbl", "m.effective_on")}
                        when ab.id is null then sb.row_id end as b_row
            from member_events m
            join seg_k s on m.effective_on >= s.seg_from and m.effective_on < s.seg_to
            left join grid ga on ga.id = m.organization_id and ga.k = s.k
            left join grid gal on gal.id = ga.id and gal.k = ga.last_k
            left join affected aa on aa.id = m.organization_id
            left join subtree sa on sa.id = m.organization_id
            left join grid gb on gb.id = m.other_organization_id and gb.k = s.k
            left join grid gbl on gbl.id = gb.id and gbl.k = gb.last_k
            left join affected ab on ab.id = m.other_organization_id
            left join subtree sb on sb.id = m.other_organization_id
            where m.counted_flow in ({CrossingFlows}) and m.effective_on between @from and @to),
        jump_sides as (
            select g.id, g.k,
                   {Attribution("p", "pl", "s.seg_from - 1")} as from_row, {Attribution("g", "gl", "s.seg_from")} as to_row
            from grid g
            join seg_k s on s.k = g.k and s.k > 0
            join grid p on p.id = g.id and p.k = g.k - 1
            left join grid pl on pl.id = p.id and pl.k = p.last_k
            left join grid gl on gl.id = g.id and gl.k = g.last_k
            union all
            select g.id, g.k + 1, {Attribution("g", "gl", "@to")}, c.row_id
            from grid g
            left join grid gl on gl.id = g.id and gl.k = g.last_k
            left join close_rows c on c.id = g.id
            where g.k = (select max(k) from seg_k)),
        -- Each carried organization carries its count at the end of the eve of its change (or of the closing).
        jumps as materialized (
            select j.id, j.from_row, j.to_row, a.n
            from jump_sides j join count_at a on a.id = j.id and a.k = j.k
            where j.from_row is distinct from j.to_row and a.n <> 0),
        reassigned as (
            select e.member_id, e.organization_id, e.other_organization_id from member_events e
            where e.counted_flow = 'ReorganizedIn' and e.effective_on between @from and @to
              and (e.organization_id in (select id from universe) or e.other_organization_id in (select id from universe)
                   or e.organization_id in (select id from subtree) or e.other_organization_id in (select id from subtree)))
        -- Opening and closing: the current counts less the flows after the day, by the rows of that day.
        select row_id, 'Opening', sum(n)::bigint from (
            select g.row_id, a.n
            from grid g join count_at a on a.id = g.id and a.k = 0 where g.k = 0 and g.present
            union all
            select row_id, n from fast_counts
            union all
            select row_id, -member_flow_sign(flow) * (coalesce(period, 0) + coalesce(later, 0)) from fast_flows) o
        group by 1
        union all
        select row_id, 'Closing', sum(n)::bigint from (
            select r.row_id, a.n
            from close_rows r join count_at a on a.id = r.id and a.k = (select max(k) + 1 from seg_k)
            union all
            select row_id, n from fast_counts
            union all
            select row_id, -member_flow_sign(flow) * later from fast_flows where later is not null) c
        group by 1
        union all
        select row_id, flow, sum(n)::bigint from (
            select row_id, flow, n from mapped where row_id is not null
            union all
            select row_id, flow, period from fast_flows where period is not null) f
        group by 1, 2
        union all
        select m.a_row, x.flow, -count(*)
        from moves m cross join lateral member_event_flows(m.counted_flow, m.organization_id, m.other_organization_id) x
        where m.a_row = m.b_row
        group by 1, 2
        union all
        select to_row, 'ReorganizedIn', sum(n)::bigint from jumps where to_row is not null group by 1
        union all
        select from_row, 'ReorganizedOut', sum(n)::bigint from jumps where from_row is not null group by 1
        union all
        select -1, 'NeedsMembers', count(*) from (
            select id from jumps group by id having count(*) > 1
            union all
            select member_id from reassigned group by member_id having count(*) > 1
            union all
            select member_id from reassigned
            where organization_id in (select id from jumps) or other_organization_id in (select id from jumps)) z
        """;

    /// <summary>The CTEs <c>affected (id)</c>, the organizations whose rows the statement reads from the history, and
    /// <c>aff_rows (d, id, row_id)</c>, their rows on each date <c>d</c> of <c>dates</c> (the opening, each change
    /// day, the closing) where they stood in the root's subtree — exactly what <c>org_rows_as_of</c> gives for them —
    /// found from the moved organizations up (ADR 0011, "Speed of the history-aware report"): every other organization
    /// has stood where it stands now since the opening.</summary>
    private static string MovedSubtreeRows(ReportRoot root) => $"""
        -- The organizations that changed parent since the opening (moved, merged or split away), except the root and
        -- those above it (which changes no row of its report).
        moved as materialized (
            select distinct e.organization_id as id
            from organization_events e join organizations o on o.id = e.organization_id
            where e.{ParentChanges} and e.effective_on > @opening and not o.path @> {PathLiteral(root)}),
        -- Every organization below one of them now, with the lowest of them above it (or itself): below that one, its
        -- path has not changed since the opening. Every other organization has stood where it stands now all along.
        affected as materialized (
            select distinct on (o.id) o.id, m.id as moved_id
            from moved m join organizations e on e.id = m.id join organizations o on o.path <@ e.path
            order by o.id, nlevel(e.path) desc),
        dates as (select seg_from as d from segments union select @to),
        -- From each moved organization up the tree as it stood on each date (its version on the date, or its first
        -- before it was established: org_rows_as_of), to the root or to an organization whose path has not changed;
        -- node null where the way ends (an organization that no longer stood on the date, or the top of the tree).
        walk (moved_id, d, node, below) as (
            select m.id, d.d, m.id, ''::ltree from moved m cross join dates d
            union all
            select w.moved_id, w.d,
                   (select v.parent_id from organization_versions v
                    where v.organization_id = w.node and (v.valid_to is null or v.valid_to > w.d)
                    order by v.valid_from limit 1),
                   text2ltree(w.node::text) || w.below
            from walk w
            where w.node <> @root and w.node in (select id from affected)),
        -- Each moved organization's row on each date it stood in the root's subtree: the organization below the root
        -- on its path of that date (the current path above where the walk stopped, the walk below).
        moved_rows as materialized (
            select w.moved_id, w.d, ltree2text(subltree(x.path, x.i + 1, x.i + 2))::bigint as row_id
            from walk w
            join organizations o on o.id = w.node
            cross join lateral (select o.path || w.below as path, index(o.path || w.below, '{root.Id}'::ltree) as i) x
            where (w.node = @root or w.node not in (select id from affected)) and x.i >= 0 and x.i + 1 < nlevel(x.path)),
        -- The day each affected organization ended (null: it stands): it stands on every date before, including those
        -- before its establishment (org_rows_as_of).
        ends as materialized (
            select v.organization_id as id, case when bool_or(v.valid_to is null) then null else max(v.valid_to) end as ended_on
            from organization_versions v where v.organization_id in (select id from affected)
            group by 1),
        -- What org_rows_as_of gives on each date for the affected organizations (the others' row is their current one).
        aff_rows as materialized (
            select r.d, a.id, r.row_id
            from affected a join moved_rows r on r.moved_id = a.moved_id join ends e on e.id = a.id
            where e.ended_on is null or r.d < e.ended_on)
        """;

    /// <summary>The same CTEs for every organization of the root's subtree on each date, walked down from the root
    /// (<c>org_rows_as_of</c>): cheaper than from the moved organizations up when most of the subtree moved.</summary>
    private const string WholeSubtreeRows = """
        dates as (select seg_from as d from segments union select @to),
        aff_rows as materialized (
            select d.d, r.organization_id as id, r.row_id from dates d cross join lateral org_rows_as_of(@root, d.d) r),
        affected as materialized (select id from subtree union select id from aff_rows)
        """;

    /// <summary>The CTEs <c>fast_counts (row_id, n)</c> and <c>fast_flows (row_id, flow, period, later)</c>: the
    /// organizations not in <c>affected</c>, by their current row.</summary>
    private static string FastRowsExceptAffected(ReportRoot root) => $"""
        -- Every other organization of the subtree, with its current row (FastRows).
        {FastRows(root, exceptAffected: true)},
        -- Summed in one pass each (read once, so not materialized): the flows of the period and those after it.
        fast_counts as (select row_id, sum(n)::bigint as n from counts group by 1),
        fast_flows as (
            select row_id, flow, sum(n) filter (where day <= @to) as period, sum(n) filter (where day > @to) as later
            from flows group by 1, 2)
        """;

    private const string NoFastRows = """
        fast_counts as (select null::bigint as row_id, null::bigint as n where false),
        fast_flows as (select null::bigint as row_id, null::text as flow, null::bigint as period, null::bigint as later where false)
        """;

    // The attribution of an organization on a day (grid row g of that day's stretch, gl its last stretch in the
    // subtree): as Stretch maps a flow.
    private static string Attribution(string g, string last, string day) => $"""
        case when {g}.present then {g}.row_id
             when exists (select 1 from organization_versions v where v.organization_id = {g}.id
                          and v.valid_from <= {day} and (v.valid_to is null or v.valid_to > {day})) then null
             else {last}.row_id end
        """;

    // The mapping r (of seg_rows) applies to an organization's flow on a day when r is the stretch of that day, or
    // when the organization no longer stands on that day (it ended then): an organization that stands elsewhere (outside
    // the report's subtree) on that day is not the report's.
    private static string Stretch(string r, string organization, string day) => $"""
        ({r}.seg_from = (select max(s.seg_from) from segments s where s.seg_from <= {day})
         or not exists (select 1 from organization_versions v where v.organization_id = {organization}
                        and v.valid_from <= {day} and (v.valid_to is null or v.valid_to > {day})))
        """;

    private static long Net(Func<string, long> value) =>
        Increases.Sum(value) - Decreases.Sum(value) + value("ReorganizedIn") - value("ReorganizedOut");

    /// <summary>Whether opening + increases − decreases = closing holds for a row (or the totals).</summary>
    public static bool Balances(ReportTable table, long[] values) => Imbalance(table, values) == 0;

    /// <summary>Closing − (opening + increases − decreases) of a row (or the totals): 0 when the check holds; otherwise
    /// the members the counts at the two dates see that the period's events do not explain (positive: more at the
    /// closing than the events lead to).</summary>
    public static long Imbalance(ReportTable table, long[] values)
    {
        long V(string key) => table.ColumnIndex(key) is var i and >= 0 ? values[i] : 0;
        return V("Closing") - (V("Opening") + Net(V));
    }

    /// <summary>"+3", "−2" (the minus sign), "0".</summary>
    public static string SignedNumber(long n) => n > 0 ? "+" + ReportRequest.Number(n) : n < 0 ? "−" + ReportRequest.Number(-n) : "0";

    /// <summary>Members counted at the end of <paramref name="date"/>, by report row (the root's child above, or the root).</summary>
    private async Task<Dictionary<long, long>> CountsAtAsync(ReportRoot root, DateOnly date, CancellationToken ct)
    {
        var counts = new Dictionary<long, long>();
        await ReadAsync($"""
            with {Subtree}
            select s.row_id, sum(at.n)::bigint from ({MembershipAtDate.CountsAtSql}) at join subtree s on s.id = at.organization_id group by 1
            """, r => counts[r.GetInt64(0)] = r.GetInt64(1), ct, ("root", root.Id), ("date", date));
        return counts;
    }

    public async Task<ReportTable> MembersAtDateAsync(ReportRoot root, DateOnly date, MemberDimension dimension, DimensionBands bands, CancellationToken ct)
    {
        var values = new Dictionary<(long Row, string Key), long>();
        await ReadAsync($"""
            with {Subtree}, {await RowsAtAsync(date, ct)},
            at as ({MembershipAtDate.MembersSql})
            select s.row_id, {dimension.Sql(bands)} as category, count(*)
            from at join members m on m.id = at.member_id join rows_at s on s.id = at.organization_id
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
        var rows = await RowsAsync(root, date, values, columns, ct);
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
            with {await StandingCtesAsync(date, ct)}
            select row_id, 'k:' || kind, count(*)::bigint from standing group by 1, 2
            union all
            select s.row_id, 'Members', sum(x.n)::bigint
            from ({MembershipAtDate.Counts("rows_at", "@date")}) x join rows_at s on s.id = x.organization_id
            group by 1
            """, r => Add(values, (r.GetInt64(0), r.GetString(1)), r.GetInt64(2)), ct, ("root", root.Id), ("date", date));
        // The kinds that may stand in the root's subtree (the root's own kind included), in the tree's order.
        var reachable = new HashSet<OrganizationKind> { root.Kind };
        for (var added = true; added;)
            added = OrganizationKinds.All.Where(k => !reachable.Contains(k) && reachable.Any(p => k.CanBeChildOf(p))).ToList() is { Count: > 0 } more
                && more.All(reachable.Add);
        var kinds = OrganizationKinds.All.Where(k => reachable.Contains(k) || values.ContainsKey((root.Id, "k:" + k))).ToList();
        var columns = kinds.Select(k => new ReportColumn("k:" + k, k.DisplayName(), "Số tổ chức đảng theo loại hình"))
            .Append(new ReportColumn("Members", "Số đảng viên")).ToList();
        var rows = await RowsAsync(root, date, values, columns, ct);
        return new ReportTable
        {
            Form = ReportForm.OrganizationsByKind, Title = "Báo cáo tổ chức đảng theo loại hình", OrganizationId = root.Id,
            OrganizationName = root.Name, To = date, Columns = columns, Rows = rows,
        };
    }

    /// <summary>The CTEs <c>subtree</c>, <c>rows_at</c> (<see cref="RowsAtAsync"/>) and <c>standing (id, row_id, kind)</c>:
    /// the organizations standing (established, not dissolved) at the end of <c>@date</c> in <c>@root</c>'s subtree as it
    /// stood, with their row — what the organizations-by-kind form counts and its drill-down lists.</summary>
    public async Task<string> StandingCtesAsync(DateOnly date, CancellationToken ct) => $"""
        {Subtree}, {await RowsAtAsync(date, ct)},
        standing as (
            select s.id, s.row_id, o.kind
            from rows_at s join organizations o on o.id = s.id
            where o.established_on <= @date and (o.dissolved_on is null or o.dissolved_on > @date))
        """;

    /// <summary>The CTE <c>rows_at (id, row_id)</c>: the subtree with each organization's row as the tree stood at the
    /// end of <c>@date</c> — the current tree (CTE <c>subtree</c>) when no organization changed parent since.</summary>
    private async Task<string> RowsAtAsync(DateOnly date, CancellationToken ct) =>
        await ScalarAsync<bool>(MembershipAtDate.TreeChangedSinceSql("@date"), ct, ("date", date))
            ? $"rows_at as ({MembershipAtDate.RowsAsOfSql("@date")})"
            : "rows_at as (select id, row_id from subtree)";

    /// <summary>The root's children (with their subtree numbers) and the root's own row when it has numbers.</summary>
    private async Task<List<ReportRow>> RowsAsync(ReportRoot root, DateOnly date, Dictionary<(long Row, string Key), long> values,
        IReadOnlyList<ReportColumn> columns, CancellationToken ct)
    {
        var orgs = new List<(long Id, string Name, bool HasChildren, bool Active)>();
        await ReadAsync("""
            select o.id, o.name, exists (select 1 from organizations c where c.parent_id = o.id),
                   o.established_on <= @date and (o.dissolved_on is null or o.dissolved_on > @date)
            from organizations o where o.parent_id = @root
            order by o.name, o.id
            """, r => orgs.Add((r.GetInt64(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3))), ct, ("root", root.Id), ("date", date));
        // An organization that was a child on the date (or in the period) but stands elsewhere now — taken away by a
        // reorganization — keeps its row, without going down a level (it may lie outside the user's scope now).
        var listed = orgs.Select(o => o.Id).Append(root.Id).ToHashSet();
        var elsewhere = values.Keys.Select(k => k.Row).Where(id => !listed.Contains(id)).Distinct().ToArray();
        if (elsewhere.Length > 0)
            await ReadAsync("select o.id, o.name from organizations o where o.id = any(@ids) order by o.name, o.id",
                r => orgs.Add((r.GetInt64(0), r.GetString(1), false, false)), ct, ("ids", elsewhere));
        var rows = new List<ReportRow>();
        foreach (var (id, name, hasChildren, active) in orgs.Prepend((root.Id, root.Name + " (trực tiếp)", false, false)))
        {
            var row = columns.Select(c => values.GetValueOrDefault((id, c.Key))).ToArray();
            if (active || row.Any(v => v != 0))
                rows.Add(new ReportRow(id, name, hasChildren, row));
        }
        return rows;
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        T value = default!;
        await ReadAsync(sql, r => value = r.GetFieldValue<T>(0), ct, parameters);
        return value;
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
            await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = TimeoutSeconds };
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

/// <summary>How the increase/decrease report counts a period in which the tree changed (ADR 0011, "Speed of the
/// history-aware report").</summary>
public enum HistoryCount
{
    /// <summary>The cheaper of the two ways organization by organization; member by member where they could differ.</summary>
    Automatic,
    /// <summary>Organization by organization, the history read only for the subtrees moved since the opening.</summary>
    MovedSubtrees,
    /// <summary>Organization by organization, the history read for the root's whole subtree.</summary>
    WholeSubtree,
    /// <summary>Member by member.</summary>
    Members,
}
