using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Geography;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.IsOrganizationTreeNode();
        b.Property(o => o.Id).UseIdentityAlwaysColumn();
        b.Property(o => o.Code).HasMaxLength(Organization.MaxCodeLength);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Name).HasMaxLength(Organization.MaxNameLength).UseCollation(Collations.Vietnamese);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.AdministrativeUnitCode).HasMaxLength(10);
        b.Property(o => o.EstablishingDecision).HasMaxLength(60);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(o => o.AdministrativeUnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.ParentId);
        b.HasIndex(o => o.AdministrativeUnitCode);

        // Kept by the trigger organizations_maintain_path (see the migration): the ids from the root down to this
        // organization. The database owns it, so bulk loads and moves can never leave it stale.
        b.Property<LTree>(OrgComDbContext.PathProperty).HasColumnType("ltree").ValueGeneratedOnAddOrUpdate()
            .IgnoredInAudit();
        b.HasIndex(OrgComDbContext.PathProperty).HasMethod("gist");

        b.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(o => o.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class OrganizationEventConfiguration : IEntityTypeConfiguration<OrganizationEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationEvent> b)
    {
        b.ToTable("organization_events");
        b.OwnedByOrganization(e => e.OrganizationId);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.DecisionNumber).HasMaxLength(60);
        b.Property(e => e.FromName).HasMaxLength(Organization.MaxNameLength);
        b.Property(e => e.ToName).HasMaxLength(Organization.MaxNameLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.Property(e => e.RecordedAt).HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        b.HasIndex(e => new { e.OrganizationId, e.EffectiveOn });
        b.HasIndex(e => e.ToParentId);
        b.HasIndex(e => e.FromParentId);
        b.HasOne<Reorganization>().WithMany().HasForeignKey(e => e.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.ReorganizationId).HasFilter("reorganization_id is not null");
    }
}

public sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("administrative_units");
        b.NotOrganizationScoped("danh mục đơn vị hành chính dùng chung, chỉ đọc");
        b.HasKey(u => u.Code);
        b.Property(u => u.Code).HasMaxLength(10);
        b.Property(u => u.Name).HasMaxLength(200).UseCollation(Collations.Vietnamese);
        b.Property(u => u.FullName).HasMaxLength(250).UseCollation(Collations.Vietnamese);
        b.Property(u => u.Type).HasMaxLength(60);
        b.Property(u => u.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.ProvinceCode).HasMaxLength(10);
        b.Property(u => u.DistrictCode).HasMaxLength(10);
        b.HasIndex(u => new { u.Level, u.ProvinceCode });
    }
}
