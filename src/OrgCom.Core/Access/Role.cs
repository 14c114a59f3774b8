namespace OrgCom.Core.Access;

/// <summary>What a grant lets its holder do in the subtree of the granted organization.</summary>
public enum Role
{
    /// <summary>Quản trị hệ thống: manages users and grants, reads the audit log, and may read and write.</summary>
    SystemAdministrator,
    /// <summary>Cán bộ Ban Tổ chức: reads and writes.</summary>
    CommissionStaff,
    /// <summary>Lãnh đạo: reads and approves.</summary>
    Leader,
    /// <summary>Người xem: reads only.</summary>
    Viewer,
}

[Flags]
public enum Permission
{
    None = 0,
    Read = 1,
    Write = 2,
    Approve = 4,
    Administer = 8,
}

public static class Roles
{
    public static Permission PermissionsOf(this Role role) => role switch
    {
        Role.SystemAdministrator => Permission.Read | Permission.Write | Permission.Approve | Permission.Administer,
        Role.CommissionStaff => Permission.Read | Permission.Write,
        Role.Leader => Permission.Read | Permission.Approve,
        Role.Viewer => Permission.Read,
        _ => Permission.None,
    };

    public static string DisplayName(this Role role) => role switch
    {
        Role.SystemAdministrator => "Quản trị hệ thống",
        Role.CommissionStaff => "Cán bộ Ban Tổ chức",
        Role.Leader => "Lãnh đạo",
        Role.Viewer => "Người xem",
        _ => role.ToString(),
    };
}
