namespace OrgCom.Web.Features.Reports;

/// <summary>
/// The one place that answers "which organization counted a member at the end of a day, and where that organization
/// stood in the tree then" — read from the organization history (ADR 0008) and the flows stored on the member events
/// (ADR 0011): the tree as of the date from <c>organization_versions</c> (<c>org_rows_as_of</c>; an organization stands
/// before its establishment where it was established, so members recorded with an older history than their
/// organization are counted there), each member's organization from their current row undone back to the date by the first
/// count-changing event after it (a transfer received or a reorganization's reassignment means "with the organization
/// they left"). Both shapes below agree by construction (a test checks it); everything the reports count at a date goes
/// through them:
/// <list type="bullet">
/// <item><see cref="MembersSql"/>: the members counted in a subtree (as it stood) at a date, and where (SQL function
/// <c>membership_at(root path, date)</c>, migration <c>StatisticsOrganizationHistory</c>), for drill-down and
/// breakdowns.</item>
/// <item><see cref="CountsSql"/>: counted members per organization at a date, as the pre-aggregated current counts
/// (<c>member_counts</c>) minus the flows recorded after the date (<c>member_flows</c>) — exact per organization
/// whatever moved since, because a reassignment is a flow too (<c>ReorganizedIn</c> / <c>ReorganizedOut</c>); fast at
/// national scale.</item>
/// <item><see cref="RowsAsOfSql"/>: the organizations of a report's subtree as it stood at a date, with their row.</item>
/// </list>
/// Known limits: a member with a gap (left, then readmitted) is read from their events like anyone else (the gap is
/// not counted, since the ending and the readmission are flows), but the placements of the as-of member list do not
/// know about the gap; the members recorded before the history existed (placements backfilled from their transfers)
/// are where their transfers put them.
/// </summary>
public static class MembershipAtDate
{
    /// <summary>Rows <c>(member_id, organization_id)</c> of the members counted at the end of <c>@date</c> in the subtree
    /// whose root path is <c>@root_path</c> (text), as the subtree stood on that date.</summary>
    public const string MembersSql = "select member_id, organization_id from membership_at(@root_path::ltree, @date)";

    /// <summary>
    /// Rows <c>(organization_id, n)</c>: members counted at the end of <c>@date</c> for the organizations of the
    /// subtree CTE named <c>subtree</c> (column <c>id</c>), which the caller defines.
    /// </summary>
    public const string CountsSql = """
        select c.organization_id, (c.probationary + c.official)::bigint as n
        from member_counts c join subtree s on s.id = c.organization_id
        union all
        select f.organization_id, -sum(f.n * member_flow_sign(f.flow))::bigint
        from member_flows f join subtree s on s.id = f.organization_id
        where f.day > @date
        group by f.organization_id
        """;

    /// <summary><see cref="CountsSql"/> for another CTE (column <c>id</c>) and date parameter.</summary>
    public static string Counts(string cte, string dateParameter) =>
        CountsSql.Replace("join subtree s", $"join {cte} s").Replace("@date", dateParameter);

    /// <summary>Rows <c>(organization_id, row_id)</c>: the organizations of <c>@root</c>'s subtree as it stood at the end
    /// of the date parameter, each with the child of the root above it then (or the root itself).</summary>
    public static string RowsAsOfSql(string dateParameter) =>
        $"select organization_id as id, row_id from org_rows_as_of(@root, {dateParameter})";

    /// <summary>Whether some organization changed parent after the date parameter (a move, or a merge that files the
    /// merged organization under its successor): if not, the current tree is the tree of any day since.</summary>
    public static string TreeChangedSinceSql(string dateParameter) =>
        $"select exists (select 1 from organization_events where kind in ('Moved', 'Merged') and effective_on > {dateParameter})";

    /// <summary>
    /// Rows <c>(organization_id, n)</c>: the members counted at the end of <c>@date</c> per organization of the subtree
    /// CTE <c>subtree</c> (column <c>id</c>) — exactly <see cref="MembersSql"/> grouped by organization
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
                      then case when ch.kind in ('TransferReceived', 'Reassigned') then ch.other_organization_id else ch.organization_id end end, 1)
            ) v(organization_id, n)
            where v.organization_id is not null) x
        where x.organization_id in (select id from subtree)
        group by x.organization_id
        """;
}
