using OrgCom.Core.Text;

namespace OrgCom.Core.Members;

public enum Gender
{
    Male,
    Female,
}

public enum MemberStatus
{
    /// <summary>Đảng viên dự bị.</summary>
    Probationary,
    /// <summary>Đảng viên chính thức.</summary>
    Official,
}

/// <summary>
/// A party member registered (sinh hoạt) in one organization. This is the registry core the foundation needs —
/// identity, the organization that counts the member, status; the dossier and lifecycle build on it.
/// </summary>
public sealed class Member
{
    private Member()
    {
        FullName = FamilyName = MiddleName = GivenName = NameFolded = "";
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public string FullName { get; private set; }
    public string FamilyName { get; private set; }
    public string MiddleName { get; private set; }
    public string GivenName { get; private set; }

    /// <summary>The accent-folded full name, for search without diacritics (<c>nguyen van an</c>).</summary>
    public string NameFolded { get; private set; }

    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }

    /// <summary>Only the year of birth is known; <see cref="BirthDate"/> is then 1 January of that year.</summary>
    public bool BirthYearOnly { get; private set; }

    public MemberStatus Status { get; private set; }
    public DateOnly AdmittedOn { get; private set; }
    public DateOnly? OfficialOn { get; private set; }

    public static Member Register(
        long organizationId, string fullName, Gender gender, DateOnly birthDate, bool birthYearOnly,
        MemberStatus status, DateOnly admittedOn, DateOnly? officialOn)
    {
        var name = PersonName.Parse(fullName);
        return new Member
        {
            OrganizationId = organizationId,
            FullName = name.FullName,
            FamilyName = name.FamilyName,
            MiddleName = name.MiddleName,
            GivenName = name.GivenName,
            NameFolded = VietnameseText.Fold(name.FullName),
            Gender = gender,
            BirthDate = birthYearOnly ? new DateOnly(birthDate.Year, 1, 1) : birthDate,
            BirthYearOnly = birthYearOnly,
            Status = status,
            AdmittedOn = admittedOn,
            OfficialOn = officialOn,
        };
    }

    public static string DisplayName(MemberStatus status) => status switch
    {
        MemberStatus.Probationary => "Dự bị",
        MemberStatus.Official => "Chính thức",
        _ => status.ToString(),
    };

    public static string DisplayName(Gender gender) => gender == Gender.Male ? "Nam" : "Nữ";
}
