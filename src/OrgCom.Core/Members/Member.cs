using OrgCom.Core.Common;
using OrgCom.Core.Text;

namespace OrgCom.Core.Members;

/// <summary>
/// A person in the party registry, from candidacy (quần chúng ưu tú) on: the dossier (lý lịch) and the membership
/// lifecycle. <see cref="OrganizationId"/> is the organization that counts the person — during a transfer it stays the
/// sender's until the receiver confirms. Every change of status is a guarded method that appends a dated
/// <see cref="MemberEvent"/> citing its decision.
/// </summary>
public sealed partial class Member
{
    public const int MaxPhotoBytes = 1024 * 1024;
    private readonly List<MemberEvent> _events = [];
    private readonly List<MemberPlacement> _placements = [];

    private Member()
    {
        FullName = FamilyName = MiddleName = GivenName = NameFolded = "";
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }

    public string FullName { get; private set; }
    public string FamilyName { get; private set; }
    public string MiddleName { get; private set; }
    public string GivenName { get; private set; }

    /// <summary>The accent-folded full name, for search without diacritics (<c>nguyen van an</c>).</summary>
    public string NameFolded { get; private set; }

    public string? OtherNames { get; private set; }
    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }

    /// <summary>Only the year of birth is known; <see cref="BirthDate"/> is then 1 January of that year.</summary>
    public bool BirthYearOnly { get; private set; }

    /// <summary>Căn cước công dân: 12 digits.</summary>
    public string? CitizenId { get; private set; }
    public string? Hometown { get; private set; }
    public string? Birthplace { get; private set; }
    public string? Residence { get; private set; }
    public string? Ethnicity { get; private set; }
    public string? Religion { get; private set; }
    public string? Occupation { get; private set; }

    public string? GeneralEducation { get; private set; }
    public string? Professional { get; private set; }
    public string? AcademicTitle { get; private set; }
    public PoliticalTheoryLevel PoliticalTheory { get; private set; }
    public string? ForeignLanguages { get; private set; }
    public string? InformationTechnology { get; private set; }

    public IReadOnlyList<WorkHistoryEntry> WorkHistory { get; private set; } = [];
    public IReadOnlyList<Relative> Family { get; private set; } = [];
    public IReadOnlyList<Introducer> Introducers { get; private set; } = [];
    public IReadOnlyList<Award> Awards { get; private set; } = [];

    public byte[]? Photo { get; private set; }
    public string? PhotoContentType { get; private set; }

    public MemberStatus Status { get; private set; }
    public CandidateStage? CandidateStage { get; private set; }

    /// <summary>Miễn công tác và sinh hoạt đảng: still a member, counted, but exempt since this date.</summary>
    public DateOnly? ExemptSince { get; private set; }

    public string? PartyCardNumber { get; private set; }

    /// <summary>Date of the admission decision: party age counts from here (ngày vào Đảng).</summary>
    public DateOnly? AdmittedOn { get; private set; }
    public string? AdmissionDecisionNumber { get; private set; }

    /// <summary>The admission ceremony: probation (12 months) counts from here.</summary>
    public DateOnly? CeremonyOn { get; private set; }

    /// <summary>The day the member became official: the end of the 12 months, even when recognised later.</summary>
    public DateOnly? OfficialOn { get; private set; }

    /// <summary>How many times the person was readmitted (at most once).</summary>
    public int Readmissions { get; private set; }

    /// <summary>The date the membership ended (left, removed, expelled, deceased); cleared on readmission.</summary>
    public DateOnly? EndedOn { get; private set; }

    public IReadOnlyList<MemberEvent> Events => _events;

    /// <summary>Where the member was registered over time (loaded when a change of organization needs it).</summary>
    public IReadOnlyList<MemberPlacement> Placements => _placements;

    public bool IsCounted => Status.IsCounted();

    public PersonName Name => new(FamilyName, MiddleName, GivenName);

    public Identity Identity => new(FullName, OtherNames, Gender, BirthDate, BirthYearOnly, CitizenId, Hometown,
        Birthplace, Residence, Ethnicity, Religion, Occupation);

    public Education Education => new(GeneralEducation, Professional, AcademicTitle, PoliticalTheory, ForeignLanguages,
        InformationTechnology);

    /// <summary>
    /// Enters an already-admitted member as the registry holds them (demo data, imports from the previous system): no
    /// pipeline, the dates as recorded. The admission (ceremony) and the official recognition are recorded as dated
    /// events by <paramref name="recordedBy"/>, so that statistics as of a past date count the member from their
    /// ceremony on (the generated national data does the same). Only a counted member (probationary, or official with
    /// the date of recognition) can be imported: a candidate, or a member who has died or left, would need the events
    /// of that ending too, or the statistics would count them as admitted and never gone.
    /// </summary>
    public static Member Import(long organizationId, Identity identity, MemberStatus status, DateOnly admittedOn,
        DateOnly ceremonyOn, DateOnly? officialOn, string? partyCardNumber, string recordedBy)
    {
        if (status is not (MemberStatus.Probationary or MemberStatus.Official))
            throw new ArgumentException($"only a probationary or official member can be imported, not {status}", nameof(status));
        if ((status == MemberStatus.Official) != officialOn.HasValue)
            throw new ArgumentException("an official member is imported with the date of recognition, a probationary one without", nameof(officialOn));
        if (string.IsNullOrWhiteSpace(recordedBy))
            throw new ArgumentException("who records the import", nameof(recordedBy));
        var member = new Member { OrganizationId = organizationId };
        member._placements.Add(new MemberPlacement(organizationId, null, null));
        member.ApplyIdentity(identity);
        member.Status = status;
        member.AdmittedOn = admittedOn;
        member.CeremonyOn = ceremonyOn;
        member.OfficialOn = officialOn;
        member.PartyCardNumber = NullIfBlank(partyCardNumber);
        member._events.Add(new MemberEvent(MemberEventKind.CeremonyHeld, ceremonyOn, organizationId, null, recordedBy));
        if (officialOn is { } official)
            member._events.Add(new MemberEvent(MemberEventKind.RecognizedOfficial, official, organizationId, null, recordedBy));
        return member;
    }

    /// <summary>Changes the identity section. Validation that needs the database (unique CCCD) is the caller's.</summary>
    public Result UpdateIdentity(Identity identity, DateOnly today)
    {
        var check = ValidateIdentity(identity, today);
        if (!check.IsSuccess)
            return check;
        ApplyIdentity(identity);
        return Result.Ok();
    }

    public Result UpdateEducation(Education education)
    {
        GeneralEducation = NullIfBlank(education.GeneralEducation);
        Professional = NullIfBlank(education.Professional);
        AcademicTitle = NullIfBlank(education.AcademicTitle);
        PoliticalTheory = education.PoliticalTheory;
        ForeignLanguages = NullIfBlank(education.ForeignLanguages);
        InformationTechnology = NullIfBlank(education.InformationTechnology);
        return Result.Ok();
    }

    public Result UpdateWorkHistory(IEnumerable<WorkHistoryEntry> entries)
    {
        var list = entries.Select(e => e with
        {
            From = e.From.Trim(), To = NullIfBlank(e.To), Position = VietnameseText.Normalize(e.Position),
            Unit = VietnameseText.Normalize(e.Unit),
        }).ToList();
        foreach (var e in list)
        {
            if (!MonthText.TryParse(e.From, out var from))
                return MemberErrors.MonthFormat(e.From);
            if (e.To is not null && (!MonthText.TryParse(e.To, out var to) || to < from))
                return MemberErrors.WorkPeriod(e.From, e.To);
            if (e.Position.Length == 0 && e.Unit.Length == 0)
                return MemberErrors.WorkEntryEmpty(e.From);
        }
        WorkHistory = list;
        return Result.Ok();
    }

    public Result UpdateFamily(IEnumerable<Relative> relatives, DateOnly today)
    {
        var list = relatives.Select(r => r with
        {
            Relation = VietnameseText.Normalize(r.Relation), FullName = VietnameseText.Normalize(r.FullName),
            Occupation = NullIfBlank(r.Occupation), Residence = NullIfBlank(r.Residence),
        }).ToList();
        foreach (var r in list)
        {
            if (r.Relation.Length == 0 || r.FullName.Length == 0)
                return MemberErrors.RelativeIncomplete;
            if (r.BirthYear is { } y && (y < 1850 || y > today.Year))
                return MemberErrors.RelativeBirthYear(r.FullName, y);
        }
        Family = list;
        return Result.Ok();
    }

    /// <summary>Corrects the introducers recorded for the admission: at most two, each named, at most one of them the
    /// Youth Union's resolution (the cell's proposal itself requires exactly two).</summary>
    public Result UpdateIntroducers(IEnumerable<Introducer> introducers)
    {
        var list = introducers.Select(i => i with
        {
            FullName = VietnameseText.Normalize(i.FullName), Position = NullIfBlank(i.Position), Unit = NullIfBlank(i.Unit),
        }).ToList();
        if (list.Any(i => i.FullName.Length == 0) || list.Count > 2 || list.Count(i => i.IsYouthUnionResolution) > 1)
            return LifecycleErrors.Introducers;
        Introducers = list;
        return Result.Ok();
    }

    public Result UpdateAwards(IEnumerable<Award> awards)
    {
        var list = awards.Select(a => a with { Form = VietnameseText.Normalize(a.Form), Date = a.Date.Trim() }).ToList();
        if (list.Any(a => a.Form.Length == 0))
            return MemberErrors.AwardIncomplete;
        Awards = list;
        return Result.Ok();
    }

    public Result SetPhoto(byte[] content, string contentType)
    {
        if (content.Length == 0 || content.Length > MaxPhotoBytes)
            return MemberErrors.PhotoSize;
        if (contentType is not ("image/jpeg" or "image/png"))
            return MemberErrors.PhotoType;
        Photo = content;
        PhotoContentType = contentType;
        return Result.Ok();
    }

    /// <summary>Removes the 3×4 photo (a wrong or outdated one) from the dossier.</summary>
    public Result RemovePhoto()
    {
        if (Photo is null)
            return MemberErrors.NoPhoto;
        Photo = null;
        PhotoContentType = null;
        return Result.Ok();
    }

    public Result SetPartyCardNumber(string? number)
    {
        var clean = NullIfBlank(number)?.Replace(" ", "");
        if (clean is not null && (clean.Length is < 6 or > 20 || !clean.All(char.IsAsciiDigit)))
            return MemberErrors.PartyCardFormat(clean);
        if (clean is not null && Status is not (MemberStatus.Probationary or MemberStatus.Official))
            return MemberErrors.PartyCardNotMember;
        PartyCardNumber = clean;
        return Result.Ok();
    }

    public static Result ValidateIdentity(Identity identity, DateOnly today)
    {
        var name = PersonName.Parse(identity.FullName);
        if (name.IsEmpty || name.FamilyName.Length == 0)
            return MemberErrors.FullNameRequired;
        // The name is stored in its parts too; a part too long for its place is named (the whole name is the form's to measure).
        if (name.FamilyName.Length > PersonName.MaxFamilyNameLength)
            return MemberErrors.NamePartTooLong("Họ", PersonName.MaxFamilyNameLength, name.FamilyName.Length);
        if (name.MiddleName.Length > PersonName.MaxMiddleNameLength)
            return MemberErrors.NamePartTooLong("Tên đệm", PersonName.MaxMiddleNameLength, name.MiddleName.Length);
        if (name.GivenName.Length > PersonName.MaxGivenNameLength)
            return MemberErrors.NamePartTooLong("Tên", PersonName.MaxGivenNameLength, name.GivenName.Length);
        if (identity.BirthDate > today)
            return MemberErrors.BirthInFuture;
        if (identity.BirthDate.Year < 1900)
            return MemberErrors.BirthTooEarly;
        if (identity.CitizenId is { Length: > 0 } cccd)
        {
            var digits = cccd.Replace(" ", "");
            if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
                return MemberErrors.CitizenIdFormat(digits);
        }
        return Result.Ok();
    }

    private void ApplyIdentity(Identity identity)
    {
        var name = PersonName.Parse(identity.FullName);
        FullName = name.FullName;
        FamilyName = name.FamilyName;
        MiddleName = name.MiddleName;
        GivenName = name.GivenName;
        NameFolded = VietnameseText.Fold(name.FullName);
        OtherNames = NullIfBlank(identity.OtherNames);
        Gender = identity.Gender;
        BirthYearOnly = identity.BirthYearOnly;
        BirthDate = identity.BirthYearOnly ? new DateOnly(identity.BirthDate.Year, 1, 1) : identity.BirthDate;
        CitizenId = NullIfBlank(identity.CitizenId)?.Replace(" ", "");
        Hometown = NullIfBlank(identity.Hometown);
        Birthplace = NullIfBlank(identity.Birthplace);
        Residence = NullIfBlank(identity.Residence);
        Ethnicity = NullIfBlank(identity.Ethnicity);
        Religion = NullIfBlank(identity.Religion);
        Occupation = NullIfBlank(identity.Occupation);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Normalize(s);
}
