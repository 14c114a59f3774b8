using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

/// <summary>
/// Personnel submissions belong to the preparing organization's scope, so the competent level above sees them through
/// its subtree. Staff prepare (Write); the competent level's leaders return or decide (Approve) — the submission page
/// checks which one each step needs and at which organization (ADR 0013).
/// </summary>
public sealed class PersonnelSubmissionConfiguration : IEntityTypeConfiguration<PersonnelSubmission>
{
    public void Configure(EntityTypeBuilder<PersonnelSubmission> b)
    {
        b.ToTable("personnel_submissions");
        b.OwnedByOrganization(s => s.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(s => s.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.CompetentOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Position>().WithMany().HasForeignKey(s => s.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Title).HasMaxLength(PersonnelSubmission.MaxTitleLength);
        b.Property(s => s.PositionName).HasMaxLength(Position.MaxNameLength + Position.MaxBodyNameLength + 3);
        b.Property(s => s.PreparedBy).HasMaxLength(256);
        b.Property(s => s.SubmittedBy).HasMaxLength(256);
        b.Property(s => s.DecidedBy).HasMaxLength(256);
        b.Property(s => s.AppraisalOpinion).HasMaxLength(PersonnelSubmission.MaxTextLength);
        b.Property(s => s.ReturnReason).HasMaxLength(PersonnelSubmission.MaxTextLength);
        b.Property(s => s.DecisionNote).HasMaxLength(PersonnelSubmission.MaxTextLength);
        b.Property(s => s.OverrideReason).HasMaxLength(PersonnelSubmission.MaxTextLength);
        b.Property(s => s.DecisionNumber).HasMaxLength(60);
        b.Ignore(s => s.IsEditable);
        b.Ignore(s => s.IsDecided);
        b.HasMany(s => s.Cadres).WithOne().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Cadres).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(s => s.Ticks).WithOne().HasForeignKey(t => t.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Ticks).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(s => s.OrganizationId);
        b.HasIndex(s => s.CompetentOrganizationId);
        // The counts page reads submissions by the month they were submitted.
        b.HasIndex(s => s.SubmittedOn).HasFilter("submitted_on is not null");
    }
}

public sealed class SubmissionCadreConfiguration : IEntityTypeConfiguration<SubmissionCadre>
{
    public void Configure(EntityTypeBuilder<SubmissionCadre> b)
    {
        b.ToTable("personnel_submission_cadres");
        b.OwnedByOrganization(c => c.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(c => c.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.MemberName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.HasIndex(c => new { c.SubmissionId, c.MemberId }).IsUnique();
        b.HasIndex(c => c.MemberId);
    }
}

public sealed class SubmissionDocumentTickConfiguration : IEntityTypeConfiguration<SubmissionDocumentTick>
{
    public void Configure(EntityTypeBuilder<SubmissionDocumentTick> b)
    {
        b.ToTable("personnel_submission_documents");
        b.OwnedByOrganization(t => t.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Document).HasConversion<string>().HasMaxLength(40);
        b.Property(t => t.TickedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.SubmissionId, t.MemberId, t.Document }).IsUnique();
    }
}

/// <summary>
/// A nomination (giới thiệu ứng cử) belongs to the position's organization, as an appointment does. The competent level's
/// leaders create it when they approve the submission (Approve); staff record the election's result (Write).
/// </summary>
public sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.ToTable("nominations");
        b.OwnedByOrganization(n => n.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(n => n.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Position>().WithMany().HasForeignKey(n => n.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PersonnelSubmission>().WithMany().HasForeignKey(n => n.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(n => n.MemberName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(n => n.PositionName).HasMaxLength(Position.MaxNameLength + Position.MaxBodyNameLength + 3);
        b.Property(n => n.Level).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.DecisionNumber).HasMaxLength(60);
        b.Property(n => n.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.OutcomeNote).HasMaxLength(Nomination.MaxNoteLength);
        b.HasIndex(n => n.MemberId);
        b.HasIndex(n => new { n.SubmissionId, n.MemberId }).IsUnique();
        b.HasIndex(n => new { n.OrganizationId, n.DecisionDate });
    }
}
