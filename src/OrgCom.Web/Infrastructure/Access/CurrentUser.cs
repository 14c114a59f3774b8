using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Access;

namespace OrgCom.Web.Infrastructure.Access;

/// <summary>One grant resolved to the organization's current materialized path.</summary>
public sealed record ScopeGrant(Role Role, long OrganizationId, LTree Path);

/// <summary>
/// Who is acting in this unit of work and which subtrees they may reach. Every query of a scoped entity is filtered
/// through <see cref="ReadPaths"/> by the DbContext, and every save is checked against <see cref="Can"/> —
/// pages never filter by hand. A web request gets its grants from <see cref="CurrentUserMiddleware"/>; command-line
/// verbs and background jobs act as <see cref="System"/>.
/// </summary>
public sealed class CurrentUser
{
    private IReadOnlyList<ScopeGrant> _grants = [];

    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "(ẩn danh)";
    public string? IpAddress { get; private set; }
    public bool IsSystem { get; private set; }
    public bool IsAuthenticated => UserId is not null || IsSystem;

    public IReadOnlyList<ScopeGrant> Grants => _grants;

    /// <summary>True when nothing needs filtering: the system itself, or a grant on the root of the tree.</summary>
    public bool IsUnrestricted { get; private set; }

    /// <summary>Roots of the subtrees the user may read (any role reads).</summary>
    public LTree[] ReadPaths { get; private set; } = [];

    /// <summary>Every organization on the paths of <see cref="ReadPaths"/>: the granted ones and those above them.</summary>
    public long[] ReadAncestorIds { get; private set; } = [];

    public void SetSystem(string name)
    {
        IsSystem = true;
        IsUnrestricted = true;
        UserId = null;
        UserName = name;
        _grants = [];
        ReadPaths = [];
        ReadAncestorIds = [];
    }

    public void SetUser(Guid userId, string userName, string? ipAddress, IReadOnlyList<ScopeGrant> grants)
    {
        IsSystem = false;
        UserId = userId;
        UserName = userName;
        IpAddress = ipAddress;
        _grants = grants;
        ReadPaths = grants.Select(g => g.Path).Distinct().ToArray();
        ReadAncestorIds = ReadPaths.SelectMany(p => p.ToString().Split('.')).Select(long.Parse).Distinct().ToArray();
        IsUnrestricted = grants.Any(g => IsRoot(g.Path));
    }

    public void SetAnonymous(string? ipAddress)
    {
        IsSystem = false;
        UserId = null;
        UserName = "(ẩn danh)";
        IpAddress = ipAddress;
        _grants = [];
        ReadPaths = [];
        ReadAncestorIds = [];
        IsUnrestricted = false;
    }

    public bool Can(Permission permission, LTree organizationPath) =>
        IsSystem || _grants.Any(g => g.Role.PermissionsOf().HasFlag(permission) && IsWithin(organizationPath, g.Path));

    /// <summary>In-memory <c>path &lt;@ root</c> (LTree's own methods only translate to SQL).</summary>
    public static bool IsWithin(LTree path, LTree root)
    {
        string p = path, r = root;
        return p.Length == r.Length ? p == r : p.Length > r.Length && p[r.Length] == '.' && p.StartsWith(r, StringComparison.Ordinal);
    }

    /// <summary>Whether the user holds the permission anywhere (e.g. to show the administration menu).</summary>
    public bool CanAnywhere(Permission permission) =>
        IsSystem || _grants.Any(g => g.Role.PermissionsOf().HasFlag(permission));

    /// <summary>Whether the user holds the permission on the root of the tree (the Centre): what data shared by the
    /// whole system, such as the rules and the holiday calendar, needs.</summary>
    public bool CanCentrally(Permission permission) =>
        IsSystem || _grants.Any(g => g.Role.PermissionsOf().HasFlag(permission) && IsRoot(g.Path));

    private static bool IsRoot(LTree path) => !path.ToString().Contains('.');

    /// <summary>Roots of the subtrees where the user holds the permission.</summary>
    public IEnumerable<LTree> PathsWith(Permission permission) =>
        _grants.Where(g => g.Role.PermissionsOf().HasFlag(permission)).Select(g => g.Path);
}
