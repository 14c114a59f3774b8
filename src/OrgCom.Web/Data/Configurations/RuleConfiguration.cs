using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Web.Infrastructure.Rules;

namespace OrgCom.Web.Data.Configurations;

public sealed class RuleRecordConfiguration : IEntityTypeConfiguration<RuleRecord>
{
    public void Configure(EntityTypeBuilder<RuleRecord> b)
    {
        b.ToTable("rule_values");
        b.AdministeredCentrally("quy định dùng chung cho cả hệ thống; quản trị viên cấp Trung ương thay đổi");
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.Key).HasMaxLength(80);
        b.Property(r => r.Value).HasMaxLength(500);
        b.Property(r => r.Source).HasMaxLength(500);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.HasIndex(r => new { r.Key, r.EffectiveFrom }).IsUnique();
    }
}

public sealed class HolidayRecordConfiguration : IEntityTypeConfiguration<HolidayRecord>
{
    public void Configure(EntityTypeBuilder<HolidayRecord> b)
    {
        b.ToTable("public_holidays");
        b.AdministeredCentrally("lịch nghỉ lễ dùng chung cho cả hệ thống; quản trị viên cấp Trung ương thay đổi");
        b.HasKey(h => h.Date);
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.Kind).HasMaxLength(30);
        b.Property(h => h.Source).HasMaxLength(500);
    }
}
