using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Organizations;
using OrgCom.Web.Features.Reports;

namespace OrgCom.Web.Data.Configurations;

public sealed class FrozenReportConfiguration : IEntityTypeConfiguration<FrozenReport>
{
    public void Configure(EntityTypeBuilder<FrozenReport> b)
    {
        b.ToTable("frozen_reports");
        b.OwnedByOrganization(r => r.OrganizationId);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.FormKind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Form).HasMaxLength(200);
        b.Property(r => r.Parameters).HasMaxLength(200);
        // The whole table is the record's content; the audit line names the report, not its thousands of numbers.
        b.Property(r => r.ResultJson).HasColumnType("jsonb").IgnoredInAudit();
        b.Property(r => r.FrozenBy).HasMaxLength(256);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Ignore(r => r.Table);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganizationId, r.ReportDate });
    }
}
