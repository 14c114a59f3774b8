namespace OrgCom.Web.Features.Reports;

/// <summary>
/// The one place that answers "which organization counted a member at the end of a day" — the seam the organization
/// history (issue #4, reorganizations) will replace. Today it is computed from what exists: the member's current row
/// (<c>members.organization_id</c>, status), the current tree paths and the dated member events, undone from now back to
/// the date. Both shapes below agree by construction (a test checks it); everything the reports count at a date goes
/// through them:
/// <list type="bullet">
/// <item><see cref="MembersSql"/>: the members counted in a subtree at a date, and where (SQL function
/// <c>membership_at(root path, date)</c>, migration <c>StatisticsAggregates</c>), for drill-down and breakdowns.</item>
/// <item><see cref="CountsSql"/>: counted members per organization at a date, as the pre-aggregated current counts
/// (<c>member_counts</c>) minus the flows recorded after the date (<c>member_flows</c>) — fast at national scale.</item>
/// </list>
/// Known limits until the history lands: a reorganization that moves members without member events, and a move of an
/// organization in the tree, are read as if they had always been so (current paths).
/// </summary>
public static class MembershipAtDate
{
    /// <summary>Rows <c>(member_id, organization_id)</c> of the members counted at the end of <c>@date</c> in the subtree
    /// whose root path is <c>@root_path</c> (text).</summary>
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
}
