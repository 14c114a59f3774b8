using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data;

/// <summary>
/// A period during which an organization existed with one parent, name and kind: from <see cref="ValidFrom"/> up to,
/// not including, <see cref="ValidTo"/> (null: still). Derived from <c>organization_events</c> by the database (trigger
/// <c>organization_versions_sync</c>), never written by the application; the tree as of any date is read from here
/// (OrganizationHistoryQueries, SQL function <c>org_subtree_as_of</c>).
/// </summary>
public sealed class OrganizationVersion
{
    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public long? ParentId { get; private set; }
    public string Name { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
}
