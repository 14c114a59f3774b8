using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Access;
using OrgCom.Core.Cadres;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;

namespace OrgCom.Web.Data.Configurations;

public sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> b)
    {
        b.ToTable("positions");
        b.OwnedByOrganization(p => p.OrganizationId);
        b.Property(p => p.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Name).HasMaxLength(Position.MaxNameLength).UseCollation(Collations.Vietnamese);
        b.Property(p => p.BodyName).HasMaxLength(Position.MaxBodyNameLength);
        b.Property(p => p.StandardSource).HasMaxLength(Position.MaxStandardSourceLength);
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.BodyKind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.RequiredPoliticalTheory).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Rank).HasConversion<string>().HasMaxLength(30);
        b.Ignore(p => p.Title);
        b.HasIndex(p => p.OrganizationId);
    }
}

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("appointments");
        // Staff record decisions (Write); a leader's approval of a personnel submission creates the appointment it
        // decided (Approve). The pages check which one each step needs (ADR 0013).
        b.OwnedByOrganization(a => a.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // member_id names a person of cadre_people (a member or a non-member cadre, ADR 0014): integrity is kept by the
        // trigger cadre_person_exists (migration NonMemberCadresView), not by a foreign key to members.
        b.HasOne<Position>().WithMany().HasForeignKey(a => a.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.PositionName).HasMaxLength(Position.MaxNameLength + Position.MaxBodyNameLength + 3);
        b.Property(a => a.Level).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.DecisionNumber).HasMaxLength(60);
        b.Property(a => a.EndReason).HasMaxLength(Appointment.MaxReasonLength);
        b.HasIndex(a => a.MemberId);
        b.HasIndex(a => a.PositionId);
        // The reappointment worklist and the retirement forecast read the active posts.
        b.HasIndex(a => new { a.TermEndsOn, a.Id }).IncludeProperties(a => new { a.OrganizationId, a.MemberId })
            .HasFilter("ended_on is null").HasDatabaseName("ix_appointments_active_term");
    }
}

public sealed class PlanningBatchConfiguration : IEntityTypeConfiguration<PlanningBatch>
{
    public void Configure(EntityTypeBuilder<PlanningBatch> b)
    {
        b.ToTable("planning_batches");
        // Staff propose and appraise (Write); the organization's leaders approve, and change the approved plan in the
        // yearly review (Approve). The batch page checks which of the two each step needs.
        b.OwnedByOrganization(p => p.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(p => p.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Title).HasMaxLength(PlanningBatch.MaxTitleLength);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.AppraisalNote).HasMaxLength(PlanningBatch.MaxTextLength);
        b.Property(p => p.DecisionNumber).HasMaxLength(60);
        b.Ignore(p => p.Term);
        b.HasMany(p => p.Entries).WithOne().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(p => p.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => new { p.OrganizationId, p.TermStartYear });
    }
}

public sealed class PlanningEntryConfiguration : IEntityTypeConfiguration<PlanningEntry>
{
    public void Configure(EntityTypeBuilder<PlanningEntry> b)
    {
        b.ToTable("planning_entries");
        // As the batch: proposals by staff (Write), additions and removals after approval by leaders (Approve).
        b.OwnedByOrganization(e => e.OrganizationId, Permission.Write | Permission.Approve);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Position>().WithMany().HasForeignKey(e => e.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.PositionName).HasMaxLength(Position.MaxNameLength + Position.MaxBodyNameLength + 3);
        b.Property(e => e.MemberName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.AddedReason).HasMaxLength(PlanningBatch.MaxTextLength);
        b.Property(e => e.RemovedReason).HasMaxLength(PlanningBatch.MaxTextLength);
        b.HasIndex(e => e.PositionId);
        b.HasIndex(e => e.MemberId);
    }
}

public sealed class RotationConfiguration : IEntityTypeConfiguration<Rotation>
{
    public void Configure(EntityTypeBuilder<Rotation> b)
    {
        b.ToTable("rotations");
        // Recorded by the sending side (Write at the sending organization); both sides read it and either records the
        // return (docs/adr/0012-rotations.md).
        b.OwnedByEitherOrganization(r => r.FromOrganizationId, r => r.ToOrganizationId);
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        // member_id names a person of cadre_people (a member or a non-member cadre, ADR 0014): integrity is kept by the
        // trigger cadre_person_exists (migration NonMemberCadresView), not by a foreign key to members.
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.FromOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Appointment>().WithMany().HasForeignKey(r => r.FromAppointmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.MemberName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(r => r.FromPositionName).HasMaxLength(Position.MaxNameLength + Position.MaxBodyNameLength + 3);
        b.Property(r => r.ToPositionName).HasMaxLength(Rotation.MaxPositionNameLength);
        b.Property(r => r.FromLevel).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.ToLevel).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.DecisionNumber).HasMaxLength(60);
        b.Property(r => r.Purpose).HasMaxLength(Rotation.MaxTextLength);
        b.Property(r => r.ReturnPlacement).HasMaxLength(Rotation.MaxTextLength);
        b.Ignore(r => r.IsFinished);
        b.Ignore(r => r.EndsOn);
        b.Ignore(r => r.PlannedMonths);
        b.HasIndex(r => r.MemberId);
        b.HasIndex(r => new { r.FromOrganizationId, r.PlannedEndOn });
        b.HasIndex(r => new { r.ToOrganizationId, r.PlannedEndOn });
    }
}

public sealed class RetirementDecisionConfiguration : IEntityTypeConfiguration<RetirementDecision>
{
    public void Configure(EntityTypeBuilder<RetirementDecision> b)
    {
        b.ToTable("retirement_decisions");
        // In the scope of the cadre's organization when decided (docs/architecture.md, cadres).
        b.OwnedByOrganization(d => d.OrganizationId);
        b.Property(d => d.Id).UseIdentityAlwaysColumn();
        // member_id names a person of cadre_people (a member or a non-member cadre, ADR 0014): integrity is kept by the
        // trigger cadre_person_exists (migration NonMemberCadresView), not by a foreign key to members.
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.MemberName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.DecisionNumber).HasMaxLength(60);
        b.Property(d => d.Reason).HasMaxLength(RetirementDecision.MaxReasonLength);
        b.Ignore(d => d.DecisionText);
        // One decision per cadre: a new one replaces it.
        b.HasIndex(d => d.MemberId).IsUnique();
        b.HasIndex(d => new { d.OrganizationId, d.PensionFrom });
    }
}
