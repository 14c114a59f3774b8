using Microsoft.AspNetCore.Identity;
using OrgCom.Core.Access;

namespace OrgCom.Web.Infrastructure.Access;

public sealed class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    /// <summary>Created by the demo seed; a production start refuses to run while such an account is active.</summary>
    public bool IsDemo { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public List<UserGrant> Grants { get; set; } = [];
}

/// <summary>(role, organization): the holder has the role's permissions in that organization's whole subtree.</summary>
public sealed class UserGrant
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public Role Role { get; set; }
    public long OrganizationId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public string GrantedBy { get; set; } = "";
}
