using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members");
        b.OwnedByOrganization(m => m.OrganizationId);
        b.Property(m => m.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.FullName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(m => m.FamilyName).HasMaxLength(50).UseCollation(Collations.Vietnamese);
        b.Property(m => m.MiddleName).HasMaxLength(80).UseCollation(Collations.Vietnamese);
        b.Property(m => m.GivenName).HasMaxLength(50).UseCollation(Collations.Vietnamese);
        b.Property(m => m.NameFolded).HasMaxLength(150);
        b.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(m => m.OrganizationId);
        b.HasIndex(m => m.NameFolded).HasMethod("gin").HasOperators("gin_trgm_ops");
        // The conventional list order: given name, middle name, family name (Vietnamese collation).
        b.HasIndex(m => new { m.GivenName, m.MiddleName, m.FamilyName, m.Id });
    }
}
