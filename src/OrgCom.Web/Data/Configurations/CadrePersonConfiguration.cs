using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Cadres;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

/// <summary>Cadres outside the party (docs/adr/0014-non-member-cadres.md).</summary>
public sealed class NonMemberCadreConfiguration : IEntityTypeConfiguration<NonMemberCadre>
{
    /// <summary>Ids come from the members' sequence, so that an id names one person in members or here, and the cadre
    /// records' member_id column names either.</summary>
    public const string SharedIdDefault = "nextval('members_id_seq'::regclass)";

    public void Configure(EntityTypeBuilder<NonMemberCadre> b)
    {
        b.ToTable("non_member_cadres");
        // Registered and corrected by the cadre staff of the organization that manages the person (Write).
        b.OwnedByOrganization(c => c.OrganizationId);
        b.Property(c => c.Id).ValueGeneratedOnAdd().HasDefaultValueSql(SharedIdDefault);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.FullName).HasMaxLength(NonMemberCadre.MaxNameLength).UseCollation(Collations.Vietnamese);
        b.Property(c => c.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Ethnicity).HasMaxLength(NonMemberCadre.MaxShortTextLength);
        b.Property(c => c.Religion).HasMaxLength(NonMemberCadre.MaxShortTextLength);
        b.Property(c => c.Professional).HasMaxLength(NonMemberCadre.MaxTextLength);
        b.Property(c => c.PoliticalTheory).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Hometown).HasMaxLength(NonMemberCadre.MaxPlaceLength);
        b.Property(c => c.Workplace).HasMaxLength(NonMemberCadre.MaxPlaceLength);
        b.Property(c => c.CitizenId).HasMaxLength(12);
        b.HasIndex(c => c.CitizenId).IsUnique().HasFilter("citizen_id is not null");
        b.HasIndex(c => new { c.OrganizationId, c.FullName });
    }
}

/// <summary>
/// The view <c>cadre_people</c>: members and non-member cadres as the cadre functions read a person (created by the
/// hand-written migration NonMemberCadresView). Read-only; in the scope of the person's organization.
/// </summary>
public sealed class CadrePersonConfiguration : IEntityTypeConfiguration<CadrePerson>
{
    public void Configure(EntityTypeBuilder<CadrePerson> b)
    {
        b.ToView("cadre_people");
        b.OwnedByOrganization(p => p.OrganizationId);
        b.HasKey(p => p.Id);
        b.Property(p => p.FullName).UseCollation(Collations.Vietnamese);
        b.Property(p => p.Gender).HasConversion<string>();
        b.Property(p => p.PoliticalTheory).HasConversion<string>();
        b.Property(p => p.MemberStatus).HasConversion<string>();
        b.Ignore(p => p.IsUnavailable);
        b.Ignore(p => p.StatusText);
        b.Ignore(p => p.DossierUrl);
    }
}
