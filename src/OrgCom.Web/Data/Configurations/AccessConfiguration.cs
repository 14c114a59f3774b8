using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Access;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Data.Configurations;

public sealed class UserGrantConfiguration : IEntityTypeConfiguration<UserGrant>
{
    public void Configure(EntityTypeBuilder<UserGrant> b)
    {
        b.ToTable("user_grants");
        b.OwnedByOrganization(g => g.OrganizationId, Permission.Administer);
        b.Property(g => g.Id).UseIdentityAlwaysColumn();
        b.Property(g => g.Role).HasConversion<string>().HasMaxLength(30);
        b.Property(g => g.GrantedBy).HasMaxLength(256);
        b.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(g => new { g.UserId, g.Role, g.OrganizationId }).IsUnique();
        b.HasIndex(g => g.OrganizationId);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.NotOrganizationScoped("nhật ký chỉ ghi thêm; phạm vi đọc lọc theo tổ chức của dòng nhật ký");
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityKey).HasMaxLength(128);
        b.Property(a => a.Changes).HasColumnType("jsonb");
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasIndex(a => a.SealSeq).IsUnique();
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => new { a.OrganizationId, a.OccurredAt });
        b.HasIndex(a => new { a.UserId, a.OccurredAt });
        b.HasIndex(a => a.OccurredAt);
        b.HasIndex(a => a.Id).HasFilter("seal_seq IS NULL").HasDatabaseName("ix_audit_log_unsealed");
    }
}
