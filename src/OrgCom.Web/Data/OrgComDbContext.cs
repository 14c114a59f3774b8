using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OrgCom.Core.Geography;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Web.Infrastructure.Access;
using OrgCom.Web.Infrastructure.Audit;

namespace OrgCom.Web.Data;

public sealed class OrgComDbContext(
    DbContextOptions<OrgComDbContext> options, CurrentUser currentUser, AuditRecorder auditRecorder, UserScopeCache scopeCache)
    : IdentityUserContext<AppUser, Guid>(options)
{
    /// <summary>Name of the shadow ltree column that holds an organization's materialized path of ids.</summary>
    public const string PathProperty = "Path";

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationEvent> OrganizationEvents => Set<OrganizationEvent>();
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<Reorganization> Reorganizations => Set<Reorganization>();
    public DbSet<OrganizationVersion> OrganizationVersions => Set<OrganizationVersion>();
    public DbSet<MemberPlacement> MemberPlacements => Set<MemberPlacement>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberEvent> MemberEvents => Set<MemberEvent>();
    public DbSet<MemberNameSyllable> MemberNameSyllables => Set<MemberNameSyllable>();
    public DbSet<NameSyllable> NameSyllables => Set<NameSyllable>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Features.Reports.FrozenReport> FrozenReports => Set<Features.Reports.FrozenReport>();
    public DbSet<UserGrant> UserGrants => Set<UserGrant>();
    public DbSet<OrgCom.Core.Cadres.Position> Positions => Set<OrgCom.Core.Cadres.Position>();
    public DbSet<OrgCom.Core.Cadres.Appointment> Appointments => Set<OrgCom.Core.Cadres.Appointment>();
    public DbSet<OrgCom.Core.Cadres.PlanningBatch> PlanningBatches => Set<OrgCom.Core.Cadres.PlanningBatch>();
    public DbSet<OrgCom.Core.Cadres.PlanningEntry> PlanningEntries => Set<OrgCom.Core.Cadres.PlanningEntry>();
    public DbSet<OrgCom.Core.Cadres.Rotation> Rotations => Set<OrgCom.Core.Cadres.Rotation>();
    public DbSet<OrgCom.Core.Cadres.RetirementDecision> RetirementDecisions => Set<OrgCom.Core.Cadres.RetirementDecision>();
    public DbSet<OrgCom.Core.Cadres.PersonnelSubmission> PersonnelSubmissions => Set<OrgCom.Core.Cadres.PersonnelSubmission>();
    public DbSet<OrgCom.Core.Cadres.SubmissionCadre> SubmissionCadres => Set<OrgCom.Core.Cadres.SubmissionCadre>();
    public DbSet<OrgCom.Core.Cadres.SubmissionDocumentTick> SubmissionDocumentTicks => Set<OrgCom.Core.Cadres.SubmissionDocumentTick>();
    public DbSet<OrgCom.Core.Cadres.NonMemberCadre> NonMemberCadres => Set<OrgCom.Core.Cadres.NonMemberCadre>();
    /// <summary>Members and non-member cadres as the cadre functions read a person (view cadre_people, ADR 0014).</summary>
    public DbSet<OrgCom.Core.Cadres.CadrePerson> CadrePeople => Set<OrgCom.Core.Cadres.CadrePerson>();
    public DbSet<OrgCom.Core.Cadres.Nomination> Nominations => Set<OrgCom.Core.Cadres.Nomination>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Infrastructure.Rules.RuleRecord> RuleValues => Set<Infrastructure.Rules.RuleRecord>();
    public DbSet<Infrastructure.Rules.HolidayRecord> PublicHolidays => Set<Infrastructure.Rules.HolidayRecord>();
    public DbSet<Core.Assessments.AssessmentRound> AssessmentRounds => Set<Core.Assessments.AssessmentRound>();
    public DbSet<Core.Assessments.OrganizationAssessment> OrganizationAssessments => Set<Core.Assessments.OrganizationAssessment>();
    public DbSet<Core.Assessments.MemberRating> MemberRatings => Set<Core.Assessments.MemberRating>();
    public DbSet<Core.Assessments.OrganizationRating> OrganizationRatings => Set<Core.Assessments.OrganizationRating>();

    public CurrentUser CurrentUser => currentUser;

    // Read by the query filters each time a query runs, so one compiled model serves every user.
    private bool ScopeUnrestricted => currentUser.IsUnrestricted;
    private LTree[] ScopePaths => currentUser.ReadPaths;
    /// <summary>The organizations on the way from the root to each granted one (themselves included).</summary>
    private long[] ScopeAncestorIds => currentUser.ReadAncestorIds;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("ltree");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("unaccent");
        builder.ApplyConfigurationsFromAssembly(typeof(OrgComDbContext).Assembly);
        ConfigureIdentity(builder);

        builder.Entity<Organization>().HasQueryFilter(o =>
            ScopeUnrestricted || ScopePaths.Any(p => EF.Property<LTree>(o, PathProperty).IsDescendantOf(p)));
        builder.Entity<OrganizationEvent>().HasQueryFilter(e =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == e.OrganizationId));
        builder.Entity<Reorganization>().HasQueryFilter(r =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == r.OrganizationId));
        builder.Entity<Member>().HasQueryFilter(m =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == m.OrganizationId));
        builder.Entity<MemberEvent>().HasQueryFilter(e =>
            ScopeUnrestricted || Members.Any(m => m.Id == e.MemberId));
        // Both sides of a transfer see it; neither sees the other's unrelated data.
        builder.Entity<Transfer>().HasQueryFilter(t => ScopeUnrestricted
            || Organizations.Any(o => o.Id == t.FromOrganizationId) || Organizations.Any(o => o.Id == t.ToOrganizationId));
        builder.Entity<Features.Reports.FrozenReport>().HasQueryFilter(r =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == r.OrganizationId));
        builder.Entity<UserGrant>().HasQueryFilter(g =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == g.OrganizationId));
        // Cadres: positions, appointments and planning belong to the organization of the position or batch.
        builder.Entity<OrgCom.Core.Cadres.Position>().HasQueryFilter(p =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == p.OrganizationId));
        builder.Entity<OrgCom.Core.Cadres.Appointment>().HasQueryFilter(a =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == a.OrganizationId));
        builder.Entity<OrgCom.Core.Cadres.PlanningBatch>().HasQueryFilter(p =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == p.OrganizationId));
        builder.Entity<OrgCom.Core.Cadres.PlanningEntry>().HasQueryFilter(e =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == e.OrganizationId));
        // A rotation is seen by the sending and the receiving side, as a transfer.
        builder.Entity<OrgCom.Core.Cadres.Rotation>().HasQueryFilter(r => ScopeUnrestricted
            || Organizations.Any(o => o.Id == r.FromOrganizationId) || Organizations.Any(o => o.Id == r.ToOrganizationId));
        builder.Entity<OrgCom.Core.Cadres.RetirementDecision>().HasQueryFilter(d =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == d.OrganizationId));
        // Personnel submissions belong to the preparer; the competent level above sees them through its subtree.
        builder.Entity<OrgCom.Core.Cadres.PersonnelSubmission>().HasQueryFilter(x =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == x.OrganizationId));
        builder.Entity<OrgCom.Core.Cadres.SubmissionCadre>().HasQueryFilter(x =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == x.OrganizationId));
        builder.Entity<OrgCom.Core.Cadres.SubmissionDocumentTick>().HasQueryFilter(x =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == x.OrganizationId));
        // A cadre outside the party belongs to the organization that registered them; the person view to the person's.
        builder.Entity<OrgCom.Core.Cadres.NonMemberCadre>().HasQueryFilter(c =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == c.OrganizationId));
        builder.Entity<OrgCom.Core.Cadres.CadrePerson>().HasQueryFilter(p =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == p.OrganizationId));
        // A nomination belongs to the position's organization, as an appointment does.
        builder.Entity<OrgCom.Core.Cadres.Nomination>().HasQueryFilter(x =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == x.OrganizationId));
        builder.Entity<AuditEntry>().HasQueryFilter(a =>
            ScopeUnrestricted || (a.OrganizationId != null && Organizations.Any(o => o.Id == a.OrganizationId)));

        // A round is seen in the subtree that opened it and by the organizations above (the opener's own view).
        builder.Entity<Core.Assessments.AssessmentRound>().HasQueryFilter(r =>
            ScopeUnrestricted || ScopeAncestorIds.Contains(r.OrganizationId) || Organizations.Any(o => o.Id == r.OrganizationId));
        builder.Entity<Core.Assessments.OrganizationAssessment>().HasQueryFilter(a =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == a.OrganizationId));
        builder.Entity<Core.Assessments.MemberRating>().HasQueryFilter(r =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == r.OrganizationId));
        builder.Entity<Core.Assessments.OrganizationRating>().HasQueryFilter(r =>
            ScopeUnrestricted || Organizations.Any(o => o.Id == r.OrganizationId));

        SnakeCaseNaming.Apply(builder);
    }

    private static void ConfigureIdentity(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.NotOrganizationScoped("tài khoản: quản trị viên quản lý qua trang Người dùng");
            b.Property(u => u.FullName).HasMaxLength(200);
            b.Property(u => u.PasswordHash).RedactedInAudit();
            b.Property(u => u.SecurityStamp).RedactedInAudit();
            b.Property(u => u.ConcurrencyStamp).IgnoredInAudit();
            b.HasMany(u => u.Grants).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("user_claims");
            b.NotOrganizationScoped("thuộc tài khoản");
        });
        builder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("user_logins");
            b.NotOrganizationScoped("thuộc tài khoản");
        });
        builder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("user_tokens");
            b.NotOrganizationScoped("thuộc tài khoản");
            b.Property(t => t.Value).RedactedInAudit();
        });
    }

    /// <summary>Users whose account or grants this save changes: their cached scope is evicted once it succeeds.</summary>
    private List<Guid> AccountsTouched() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => e.Entity switch { AppUser u => (Guid?)u.Id, UserGrant g => g.UserId, _ => null })
        .OfType<Guid>().Distinct().ToList();

    private void EvictScopes(List<Guid> users)
    {
        foreach (var user in users)
            scopeCache.Invalidate(user);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Checks the scope of every change, then writes the changes and their audit lines in one transaction.
    /// Keys generated by the database are known only after the first write, hence two writes inside it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        await ScopeGuard.CheckAsync(this, currentUser, cancellationToken);
        var accountsTouched = AccountsTouched();
        var pending = auditRecorder.Capture(this);
        if (pending.Count == 0)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            EvictScopes(accountsTouched);
            return saved;
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // Accepting after the first write keeps the second from writing the same changes again; the audit
            // snapshot was taken before, and generated keys are read back from the entities themselves.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            AuditEntries.AddRange(auditRecorder.Complete(pending, currentUser));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            EvictScopes(accountsTouched);
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }
}
