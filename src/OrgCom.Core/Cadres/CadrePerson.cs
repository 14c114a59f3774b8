using OrgCom.Core.Members;

namespace OrgCom.Core.Cadres;

/// <summary>
/// The person a cadre record (appointment, retirement decision, rotation) refers to: a party member or a cadre outside
/// the party (<see cref="NonMemberCadre"/>). Both take their ids from the members' sequence, so an id names one person in
/// either table; the database reads them together through the view <c>cadre_people</c> (docs/adr/0014-non-member-cadres.md).
/// Read-only: a member changes through the member dossier, a non-member cadre through <see cref="NonMemberCadre"/>.
/// </summary>
public sealed class CadrePerson
{
    private CadrePerson()
    {
        FullName = "";
    }

    public long Id { get; private set; }

    /// <summary>The member's organization (party cell), or the organization that registered the non-member cadre.</summary>
    public long OrganizationId { get; private set; }
    public string FullName { get; private set; }
    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public bool BirthYearOnly { get; private set; }
    public string? Ethnicity { get; private set; }
    public string? Religion { get; private set; }
    public string? Professional { get; private set; }
    public PoliticalTheoryLevel PoliticalTheory { get; private set; }
    public string? Hometown { get; private set; }

    /// <summary>Đảng viên (a members row, whatever its status) or ngoài Đảng.</summary>
    public bool IsPartyMember { get; private set; }

    /// <summary>The member's status; null for a cadre outside the party.</summary>
    public MemberStatus? MemberStatus { get; private set; }

    /// <summary>A member whose membership ended (left, removed, died) is no longer appointed, rotated or decided on.</summary>
    public bool IsUnavailable => MemberStatus is { } s && s.IsEnded();

    public string StatusText => MemberStatus is { } s ? s.DisplayName() : NonMemberCadre.Label;

    /// <summary>The person's dossier: the member dossier or the non-member cadre's page.</summary>
    public string DossierUrl => IsPartyMember ? $"/Members/Details/{Id}" : $"/Cadres/People/{Id}";

    public static CadrePerson Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new CadrePerson
        {
            Id = member.Id, OrganizationId = member.OrganizationId, FullName = member.FullName, Gender = member.Gender,
            BirthDate = member.BirthDate, BirthYearOnly = member.BirthYearOnly, Ethnicity = member.Ethnicity,
            Religion = member.Religion, Professional = member.Professional, PoliticalTheory = member.PoliticalTheory,
            Hometown = member.Hometown, IsPartyMember = true, MemberStatus = member.Status,
        };
    }

    public static CadrePerson Of(NonMemberCadre cadre)
    {
        ArgumentNullException.ThrowIfNull(cadre);
        return new CadrePerson
        {
            Id = cadre.Id, OrganizationId = cadre.OrganizationId, FullName = cadre.FullName, Gender = cadre.Gender,
            BirthDate = cadre.BirthDate, BirthYearOnly = cadre.BirthYearOnly, Ethnicity = cadre.Ethnicity,
            Religion = cadre.Religion, Professional = cadre.Professional, PoliticalTheory = cadre.PoliticalTheory,
            Hometown = cadre.Hometown, IsPartyMember = false,
        };
    }

    /// <summary>The rules about posts take a person; a member is one (callers that hold a <see cref="Member"/> pass it as is).</summary>
    public static implicit operator CadrePerson(Member member) => Of(member);
}
