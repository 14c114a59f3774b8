using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Access;
using OrgCom.Core.Assessments;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

public sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> b)
    {
        b.ToTable("assessment_rounds");
        b.OwnedByOrganization(r => r.OrganizationId);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Title).HasMaxLength(AssessmentRound.MaxTitleLength);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.Year, r.Kind });
        b.HasIndex(r => r.OrganizationId);
    }
}

public sealed class OrganizationAssessmentConfiguration : IEntityTypeConfiguration<OrganizationAssessment>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Configure(EntityTypeBuilder<OrganizationAssessment> b)
    {
        b.ToTable("organization_assessments");
        // Staff enter and submit (Write on the organization); approving, reopening and overriding a rule are decisions
        // of the competent level's leaders (Approve on the parent, or on the organization that opened the round for its
        // own assessment), which the save guard demands whatever page makes the change.
        b.OwnedByOrganization(a => a.OrganizationId);
        b.DecidedByLevelAbove(a => a.RoundId);
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(10).IsDecision(nameof(AssessmentStatus.Submitted));
        b.Property(a => a.SelfLevel).HasConversion<string>().HasMaxLength(15);
        b.Property(a => a.SubmittedAt).IsDecision("*");
        b.Property(a => a.SubmittedBy).HasMaxLength(256).IsDecision("*");
        b.Property(a => a.ApprovedAt).IsDecision();
        b.Property(a => a.ApprovedBy).HasMaxLength(256).IsDecision();
        b.Property(a => a.ReopenReason).HasMaxLength(OrganizationAssessment.MaxReasonLength).IsDecision();
        b.Property(a => a.Overrides).IsDecision().HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions),
                s => JsonSerializer.Deserialize<List<RuleOverride>>(s, JsonOptions) ?? new List<RuleOverride>(),
                new ValueComparer<IReadOnlyList<RuleOverride>>(
                    (x, y) => x!.SequenceEqual(y!),
                    v => v.Aggregate(0, (h, o) => HashCode.Combine(h, o)),
                    v => v.ToList()));
        foreach (var count in new[] { nameof(OrganizationAssessment.RequiredCount), nameof(OrganizationAssessment.ExcellentCount),
                     nameof(OrganizationAssessment.GoodCount), nameof(OrganizationAssessment.CompletedCount),
                     nameof(OrganizationAssessment.NotCompletedCount), nameof(OrganizationAssessment.NotAssessedCount) })
            b.Property<int>(count).IgnoredInAudit();
        b.HasOne<AssessmentRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.OrganizationAssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Organizations).WithOne().HasForeignKey(o => o.OrganizationAssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Organizations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(a => new { a.RoundId, a.OrganizationId }).IsUnique();
        // The rollup reads the counts of every organization of a round: from this index alone.
        b.HasIndex(a => new { a.RoundId, a.OrganizationId, a.Status })
            .IncludeProperties(a => new { a.RequiredCount, a.ExcellentCount, a.GoodCount, a.CompletedCount, a.NotCompletedCount, a.NotAssessedCount })
            .HasDatabaseName("ix_organization_assessments_rollup");
    }
}

public sealed class MemberRatingConfiguration : IEntityTypeConfiguration<MemberRating>
{
    public void Configure(EntityTypeBuilder<MemberRating> b)
    {
        b.ToTable("member_ratings");
        b.OwnedByOrganization(r => r.OrganizationId);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        foreach (var level in new[] { nameof(MemberRating.SelfLevel), nameof(MemberRating.ProposedLevel), nameof(MemberRating.FinalLevel) })
            b.Property(level).HasConversion<string>().HasMaxLength(15);
        b.Property(r => r.NotAssessedReason).HasConversion<string>().HasMaxLength(15);
        b.Property(r => r.Points).HasPrecision(5, 2);
        b.Property(r => r.Note).HasMaxLength(MemberRating.MaxNoteLength);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganizationAssessmentId, r.MemberId }).IsUnique();
        // The dossier's rating history.
        b.HasIndex(r => r.MemberId);
        b.HasIndex(r => r.OrganizationId);
    }
}

public sealed class OrganizationRatingConfiguration : IEntityTypeConfiguration<OrganizationRating>
{
    public void Configure(EntityTypeBuilder<OrganizationRating> b)
    {
        b.ToTable("organization_ratings");
        b.OwnedByOrganization(r => r.OrganizationId);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.FinalLevel).HasConversion<string>().HasMaxLength(15);
        b.Property(r => r.NotRatedReason).HasConversion<string>().HasMaxLength(15);
        b.Property(r => r.Note).HasMaxLength(MemberRating.MaxNoteLength);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.SubjectOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganizationAssessmentId, r.SubjectOrganizationId }).IsUnique();
        b.HasIndex(r => r.SubjectOrganizationId);
        b.HasIndex(r => r.OrganizationId);
    }
}
