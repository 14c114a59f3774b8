using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Members;
using OrgCom.Core.Organizations;
using OrgCom.Core.Text;

namespace OrgCom.Web.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members");
        b.OwnedByOrganization(m => m.OrganizationId);
        b.MovedByTransfer();
        b.Property(m => m.Id).UseIdentityAlwaysColumn();
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        b.Property(m => m.FullName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(m => m.FamilyName).HasMaxLength(PersonName.MaxFamilyNameLength).UseCollation(Collations.Vietnamese);
        b.Property(m => m.MiddleName).HasMaxLength(PersonName.MaxMiddleNameLength).UseCollation(Collations.Vietnamese);
        b.Property(m => m.GivenName).HasMaxLength(PersonName.MaxGivenNameLength).UseCollation(Collations.Vietnamese);
        b.Property(m => m.NameFolded).HasMaxLength(150);
        b.Property(m => m.OtherNames).HasMaxLength(150);
        b.Property(m => m.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.CitizenId).HasMaxLength(12).IsFixedLength(false);
        foreach (var text in new[] { nameof(Member.Hometown), nameof(Member.Birthplace), nameof(Member.Residence) })
            b.Property(text).HasMaxLength(300);
        foreach (var text in new[] { nameof(Member.Ethnicity), nameof(Member.Religion) })
            b.Property(text).HasMaxLength(60);
        b.Property(m => m.Occupation).HasMaxLength(150);
        foreach (var text in new[] { nameof(Member.GeneralEducation), nameof(Member.Professional), nameof(Member.AcademicTitle),
                     nameof(Member.ForeignLanguages), nameof(Member.InformationTechnology) })
            b.Property(text).HasMaxLength(150);
        b.Property(m => m.PoliticalTheory).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PoliticalTheoryLevel.None);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.CandidateStage).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.PartyCardNumber).HasMaxLength(20);
        b.Property(m => m.AdmissionDecisionNumber).HasMaxLength(60);
        b.Property(m => m.PhotoContentType).HasMaxLength(20);

        b.Ignore(m => m.LastWarning);
        // The rows of a jsonb section have no columns to limit them; each text field declares its limit here, and
        // the forms refuse longer text (TextLengths).
        JsonList(b.Property(m => m.WorkHistory))
            .HasJsonFieldMaxLength(nameof(WorkHistoryEntry.Position), 150)
            .HasJsonFieldMaxLength(nameof(WorkHistoryEntry.Unit), 300);
        JsonList(b.Property(m => m.Family))
            .HasJsonFieldMaxLength(nameof(Relative.Relation), 30)
            .HasJsonFieldMaxLength(nameof(Relative.FullName), 150)
            .HasJsonFieldMaxLength(nameof(Relative.Occupation), 150)
            .HasJsonFieldMaxLength(nameof(Relative.Residence), 300);
        // An introducer may be the Youth Union organization whose resolution introduced the candidate.
        JsonList(b.Property(m => m.Introducers))
            .HasJsonFieldMaxLength(nameof(Introducer.FullName), 300)
            .HasJsonFieldMaxLength(nameof(Introducer.Position), 150)
            .HasJsonFieldMaxLength(nameof(Introducer.Unit), 300);
        JsonList(b.Property(m => m.Awards))
            .HasJsonFieldMaxLength(nameof(Award.Date), 30)
            .HasJsonFieldMaxLength(nameof(Award.Form), 300)
            .HasJsonFieldMaxLength(nameof(Award.DecisionNumber), 60)
            .HasJsonFieldMaxLength(nameof(Award.GrantedBy), 300);

        b.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(m => m.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(m => m.Placements).WithOne().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(m => m.Placements).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.HasIndex(m => m.OrganizationId);
        b.HasIndex(m => m.CitizenId).IsUnique().HasFilter("citizen_id is not null");
        b.HasIndex(m => m.PartyCardNumber).IsUnique().HasFilter("party_card_number is not null");
        b.HasIndex(m => m.NameFolded).HasMethod("gin").HasOperators("gin_trgm_ops");
        // The conventional list order: given name, middle name, family name (Vietnamese collation). It carries the
        // columns the member search filters on, so a list page is read from the index alone, stopping after 50
        // matches, without visiting the table (docs/benchmarks.md, member search).
        b.HasIndex(m => new { m.GivenName, m.MiddleName, m.FamilyName, m.Id })
            .IncludeProperties(m => new { m.NameFolded, m.OrganizationId, m.Status, m.Gender, m.BirthDate, m.AdmittedOn });
        // The other orders of the member search.
        b.HasIndex(m => new { m.BirthDate, m.Id });
        // Also the Huy hiệu Đảng list: a presentation day's candidates by admission date, with what deciding them and
        // checking their scope needs, read from the index alone (docs/benchmarks.md, worklists).
        b.HasIndex(m => new { m.AdmittedOn, m.Id })
            .IncludeProperties(m => new { m.OrganizationId, m.Status, m.Readmissions });
        // Readmitted members (few): the badge list judges every one of them, with the gaps in their party age.
        b.HasIndex(m => new { m.AdmittedOn, m.Id }, "ix_members_readmitted")
            .IncludeProperties(m => new { m.OrganizationId, m.Status })
            .HasFilter("readmissions > 0");
        b.HasIndex(m => new { m.OrganizationId, m.Status });
        // The name search checks the rows it finds in member_name_syllables against the member's organization (scope,
        // subtree) and the search criteria: from this index alone, without visiting the table (docs/benchmarks.md).
        b.HasIndex(m => m.Id)
            .IncludeProperties(m => new { m.OrganizationId, m.Status, m.Gender, m.BirthDate, m.AdmittedOn, m.Ethnicity, m.PoliticalTheory })
            .HasDatabaseName("ix_members_id_search");
        // The probation worklist: probationary members by ceremony date (a few percent of the members).
        b.HasIndex(m => new { m.CeremonyOn, m.Id })
            .IncludeProperties(m => m.OrganizationId)
            .HasFilter("status = 'Probationary'")
            .HasDatabaseName("ix_members_probation");
    }

    /// <summary>A dossier section kept as one jsonb value: edited, audited and shown as a whole.</summary>
    private static PropertyBuilder<IReadOnlyList<T>> JsonList<T>(PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions),
                s => JsonSerializer.Deserialize<List<T>>(s, JsonOptions) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, c) => a!.SequenceEqual(c!),
                    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
                    v => v.ToList()));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed class MemberEventConfiguration : IEntityTypeConfiguration<MemberEvent>
{
    public void Configure(EntityTypeBuilder<MemberEvent> b)
    {
        b.ToTable("member_events");
        b.OwnedByOrganization(e => e.OrganizationId);
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.DecisionNumber).HasMaxLength(60);
        b.Property(e => e.DisciplineLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.TransferKind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.Property(e => e.OverrideReason).HasMaxLength(500);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.Property(e => e.RecordedAt).HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.MemberId, e.EffectiveOn });
        b.HasIndex(e => new { e.OrganizationId, e.Kind, e.EffectiveOn });
        b.HasOne<Reorganization>().WithMany().HasForeignKey(e => e.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.ReorganizationId).HasFilter("reorganization_id is not null");
    }
}

public sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.ToTable("transfers");
        b.OwnedByEitherOrganization(t => t.FromOrganizationId, t => t.ToOrganizationId);
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.LetterNumber).HasMaxLength(60);
        b.Property(t => t.Reason).HasMaxLength(500);
        b.Property(t => t.IssuedBy).HasMaxLength(256);
        b.Property(t => t.ReceivedBy).HasMaxLength(256);
        b.Property(t => t.MemberName).HasMaxLength(150).UseCollation(Collations.Vietnamese);
        b.Property(t => t.MemberStatus).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.FromOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.FromOrganizationId, t.Status });
        b.HasIndex(t => new { t.ToOrganizationId, t.Status });
        // At most one transfer in transit per member: a member is never in two places at once.
        b.HasIndex(t => t.MemberId).IsUnique().HasFilter("status = 'InTransit'").HasDatabaseName("ux_transfers_member_in_transit");
    }
}

public sealed class MemberNameSyllableConfiguration : IEntityTypeConfiguration<MemberNameSyllable>
{
    public void Configure(EntityTypeBuilder<MemberNameSyllable> b)
    {
        b.ToTable("member_name_syllables");
        b.HasNoKey();
        b.NotOrganizationScoped("chỉ mục tìm theo tên, do trigger của bảng members ghi; mọi truy vấn nối lại members (có lọc phạm vi)");
        b.Property(s => s.Key).UseCollation("C");
        b.Property(s => s.GivenName).HasMaxLength(50).UseCollation(Collations.Vietnamese);
        b.Property(s => s.MiddleName).HasMaxLength(80).UseCollation(Collations.Vietnamese);
        b.Property(s => s.FamilyName).HasMaxLength(50).UseCollation(Collations.Vietnamese);
        b.Property(s => s.NameFolded).HasMaxLength(150);
        // A syllable's (or pair's) rows in the members' list order, with the folded name to check the other words: a
        // page is read from this index alone.
        b.HasIndex(s => new { s.Key, s.GivenName, s.MiddleName, s.FamilyName, s.MemberId })
            .IsUnique()
            .IncludeProperties(s => s.NameFolded)
            .HasDatabaseName("ux_member_name_syllables_order");
    }
}

public sealed class NameSyllableConfiguration : IEntityTypeConfiguration<NameSyllable>
{
    public void Configure(EntityTypeBuilder<NameSyllable> b)
    {
        b.ToTable("name_syllables");
        b.HasKey(s => s.Syllable);
        b.NotOrganizationScoped("từ điển các âm tiết có trong họ tên, do trigger của bảng members ghi");
        b.Property(s => s.Syllable).UseCollation("C");
    }
}

