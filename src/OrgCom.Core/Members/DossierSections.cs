namespace OrgCom.Core.Members;

/// <summary>One period of the work history (quá trình công tác). Lý lịch writes months: "03/2015".</summary>
public sealed record WorkHistoryEntry(string From, string? To, string Position, string Unit);

/// <summary>A family member (quan hệ gia đình) as the personal-history form lists them.</summary>
public sealed record Relative(string Relation, string FullName, int? BirthYear, string? Occupation, string? Residence);

/// <summary>A person who introduced the member for admission (người giới thiệu), or the Youth Union's resolution.</summary>
public sealed record Introducer(string FullName, string? Position, string? Unit, bool IsYouthUnionResolution);

/// <summary>An award (khen thưởng).</summary>
public sealed record Award(string Date, string Form, string? DecisionNumber, string? GrantedBy);

/// <summary>The identity part of the dossier (lý lịch), edited as one section.</summary>
public sealed record Identity(
    string FullName,
    string? OtherNames,
    Gender Gender,
    DateOnly BirthDate,
    bool BirthYearOnly,
    string? CitizenId,
    string? Hometown,
    string? Birthplace,
    string? Residence,
    string? Ethnicity,
    string? Religion,
    string? Occupation);

/// <summary>Education and training (trình độ), edited as one section.</summary>
public sealed record Education(
    string? GeneralEducation,
    string? Professional,
    string? AcademicTitle,
    PoliticalTheoryLevel PoliticalTheory,
    string? ForeignLanguages,
    string? InformationTechnology);
