using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

public sealed class ReorganizationConfiguration : IEntityTypeConfiguration<Reorganization>
{
    public void Configure(EntityTypeBuilder<Reorganization> b)
    {
        b.ToTable("reorganizations");
        b.OwnedByOrganization(r => r.OrganizationId);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecisionNumber).HasMaxLength(60);
        b.Property(r => r.Summary).HasMaxLength(Reorganization.MaxSummaryLength);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.Property(r => r.RecordedAt).HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        b.Property(r => r.ReversedBy).HasMaxLength(256);
        b.Property(r => r.ReversalReason).HasMaxLength(500);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganizationId, r.EffectiveOn });
    }
}

public sealed class MemberPlacementConfiguration : IEntityTypeConfiguration<MemberPlacement>
{
    public void Configure(EntityTypeBuilder<MemberPlacement> b)
    {
        b.ToTable("member_placements");
        b.NotOrganizationScoped(
            "lịch sử nơi sinh hoạt của đảng viên, chỉ ghi cùng với thay đổi của chính đảng viên đó (được kiểm tra phạm vi); đọc qua OrganizationHistoryQueries có lọc phạm vi");
        b.Property(p => p.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Reorganization>().WithMany().HasForeignKey(p => p.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MemberId, p.ValidFrom });
        // "Who was in this chi bộ on D": the periods of one organization, read from the index alone.
        b.HasIndex(p => new { p.OrganizationId, p.ValidFrom })
            .IncludeProperties(p => new { p.ValidTo, p.MemberId })
            .HasDatabaseName("ix_member_placements_as_of");
        b.HasIndex(p => p.ReorganizationId).HasFilter("reorganization_id is not null");
    }
}

public sealed class OrganizationVersionConfiguration : IEntityTypeConfiguration<OrganizationVersion>
{
    public void Configure(EntityTypeBuilder<OrganizationVersion> b)
    {
        b.ToTable("organization_versions");
        b.NotOrganizationScoped(
            "dẫn xuất từ organization_events bởi trigger của cơ sở dữ liệu, ứng dụng không ghi; đọc qua OrganizationHistoryQueries có lọc phạm vi");
        b.Property(v => v.Id).UseIdentityAlwaysColumn();
        b.Property(v => v.Name).HasMaxLength(Organization.MaxNameLength).UseCollation(Collations.Vietnamese);
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.OrganizationId, v.ValidFrom });
        // "Children of P on D": one parent's periods with what the tree level shows, from the index alone.
        b.HasIndex(v => new { v.ParentId, v.ValidFrom })
            .IncludeProperties(v => new { v.ValidTo, v.OrganizationId, v.Kind })
            .HasDatabaseName("ix_organization_versions_as_of");
    }
}
