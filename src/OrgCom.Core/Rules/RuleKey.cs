namespace OrgCom.Core.Rules;

/// <summary>How a rule's text value is read. Checked when a <see cref="RuleBook"/> is built, so bad data fails at start-up.</summary>
public enum RuleValueKind
{
    /// <summary>A whole number: <c>216</c>.</summary>
    Integer,
    /// <summary>Whole numbers separated by commas: <c>30,40,45</c>.</summary>
    IntegerList,
    /// <summary>Month and day, <c>MM-dd</c>, separated by commas: <c>02-03,05-19</c> (3/2 and 19/5).</summary>
    MonthDayList,
    /// <summary>Identifiers separated by commas: <c>Reprimand,Warning</c>.</summary>
    NameList,
    /// <summary>Whole numbers by year, <c>year:value</c> separated by commas, years increasing: <c>2021:723,2022:726</c>.
    /// The value of a year is that of the latest year listed up to it; the last value applies to every later year.</summary>
    YearTable,
}

/// <summary>
/// The keys of the rules and thresholds taken from party regulations. The values, their effective dates and the
/// regulation each rests on live in data (<c>Data/Reference/rules.json</c>), never in code.
/// </summary>
public static class RuleKey
{
    /// <summary>Minimum age for admission, in full months at the date the cell considers (18 years).</summary>
    public const string AdmissionMinAgeMonths = "admission.min_age_months";
    /// <summary>Maximum age for admission, in full months; above it the committee directly under the Centre decides.</summary>
    public const string AdmissionMaxAgeMonths = "admission.max_age_months";
    /// <summary>The admission ceremony is held within this many working days of the admission decision.</summary>
    public const string AdmissionCeremonyWithinWorkingDays = "admission.ceremony_within_working_days";
    /// <summary>Length of probation, in months from the ceremony date.</summary>
    public const string ProbationMonths = "probation.months";
    /// <summary>The cell proposes recognition (or removal) within this many working days after probation ends.</summary>
    public const string ProbationRecognitionDueWorkingDays = "probation.recognition_due_working_days";
    public const string TransferPermanentStartWithinWorkingDays = "transfer.permanent.start_within_working_days";
    public const string TransferPermanentPresentWithinWorkingDays = "transfer.permanent.present_within_working_days";
    public const string TransferTemporaryMinMonths = "transfer.temporary.min_months";
    /// <summary>A temporary transfer lasts less than this many months (12: "dưới 1 năm").</summary>
    public const string TransferTemporaryMaxMonthsExclusive = "transfer.temporary.max_months_exclusive";
    public const string TransferStudyMaxMonths = "transfer.study.max_months";
    public const string ReadmissionMinMonthsAfterLeaving = "readmission.min_months_after_leaving";
    public const string ReadmissionMaxTimes = "readmission.max_times";
    /// <summary>Party-age milestones (years) for which a party badge is awarded.</summary>
    public const string BadgeMilestonesYears = "badge.milestones_years";
    /// <summary>The days of the year on which badges are presented, as <c>MM-dd</c>.</summary>
    public const string BadgePresentationDays = "badge.presentation_days";
    /// <summary>Early award for serious illness, badges of 30 to 65 years: at most this many months early.</summary>
    public const string BadgeEarlyMonths30To65 = "badge.early_months_30_65";
    /// <summary>Early award for serious illness, badges of 70 to 90 years: at most this many months early.</summary>
    public const string BadgeEarlyMonths70To90 = "badge.early_months_70_90";
    /// <summary>Disciplinary measures allowed for probationary members (names of the glossary's Discipline kinds).</summary>
    public const string DisciplineProbationaryAllowed = "discipline.probationary_allowed";
    /// <summary>Months in a year without activity or dues, without good reason, after which a member is removed.</summary>
    public const string RemovalMonthsWithoutActivity = "removal.months_without_activity";
    /// <summary>Within a grassroots organization, members rated "xuất sắc" may be at most this percent of those rated "tốt".</summary>
    public const string AssessmentExcellentCapPercentOfGood = "assessment.excellent_cap_percent_of_good";
    /// <summary>Among the party organizations one level rates, those rated "xuất sắc" may be at most this percent of those rated "tốt".</summary>
    public const string AssessmentOrganizationExcellentCapPercentOfGood = "assessment.organization_excellent_cap_percent_of_good";
    /// <summary>The best level a probationary member may receive (a QualityLevel name).</summary>
    public const string AssessmentProbationaryMaxLevel = "assessment.probationary_max_level";
    /// <summary>The best level a member disciplined during the period may receive (a QualityLevel name).</summary>
    public const string AssessmentDisciplinedMaxLevel = "assessment.disciplined_max_level";
    /// <summary>A member admitted fewer than this many months before the end of the period need not be rated.</summary>
    public const string AssessmentNewlyAdmittedMonths = "assessment.newly_admitted_months";
    /// <summary>Lower limits of the point bands, best level first: xuất sắc, tốt, hoàn thành.</summary>
    public const string AssessmentPointBands = "assessment.point_bands";

    // Cadres (domain.md §4).
    /// <summary>Retirement age of men in months, by the calendar year in which it is reached (Decree 135/2020).</summary>
    public const string RetirementAgeMonthsMale = "retirement.age_months.male";
    /// <summary>Retirement age of women in months, by the calendar year in which it is reached (Decree 135/2020).</summary>
    public const string RetirementAgeMonthsFemale = "retirement.age_months.female";
    /// <summary>A decided later retirement is at most this many months after the computed one.</summary>
    public const string RetirementLaterMaxMonths = "retirement.later_max_months";
    /// <summary>A decided earlier retirement is at most this many months before the computed one.</summary>
    public const string RetirementEarlierMaxMonths = "retirement.earlier_max_months";
    /// <summary>Length of the term of an appointed post, in months (5 years).</summary>
    public const string AppointmentTermMonths = "appointment.term_months";
    /// <summary>The cadre is notified at least this many working days before the term ends.</summary>
    public const string ReappointmentNoticeWorkingDays = "appointment.reappointment_notice_working_days";
    /// <summary>With at least this many months (but less than a term) to retirement at the term's end, the reappointment
    /// runs to retirement; with fewer, the post is extended to retirement.</summary>
    public const string ReappointmentToRetirementMinMonths = "appointment.reappointment_to_retirement_min_months";
    /// <summary>Months of working age left required for a first appointment, nomination or move to a higher post.</summary>
    public const string FirstAppointmentMinMonthsLeft = "appointment.first_min_months_left";
    /// <summary>Months of working age left for a first-time member of a party committee (a full term).</summary>
    public const string CommitteeFirstTimeMinMonthsLeft = "committee.first_time_min_months_left";
    /// <summary>Months of working age left for re-election to a party committee.</summary>
    public const string CommitteeReelectionMinMonthsLeft = "committee.reelection_min_months_left";
    /// <summary>At most this many cadres planned for one position in a term.</summary>
    public const string PlanningMaxCadresPerPosition = "planning.max_cadres_per_position";
    /// <summary>One cadre planned for at most this many positions of the same level in a term.</summary>
    public const string PlanningMaxPositionsPerCadreSameLevel = "planning.max_positions_per_cadre_same_level";
    /// <summary>Planning only for a higher position (Quy định 377-QĐ/TW): the kinds of active post (HeldPostKind names:
    /// Principal, Concurrent, Acting) the planned position must be higher than.</summary>
    public const string PlanningHigherThanHeld = "planning.higher_than_held_posts";
    /// <summary>The usual minimum period of a rotation, in months; a shorter one is flagged (the competent level may decide so).</summary>
    public const string RotationMinMonths = "rotation.min_months";
    /// <summary>Lower bounds of the age bands of the cadre report (30,41,51,61: dưới 30, 30–40, 41–50, 51–60, trên 60).</summary>
    public const string CadreReportAgeBands = "cadre.report.age_bands";

    // Statistics forms (domain.md §6).
    /// <summary>The last age (completed years) of each age band of the statistics forms but the open last one.</summary>
    public const string ReportAgeBandsYears = "report.age_bands_years";
    /// <summary>The first party age (completed years) of each party-age band of the statistics forms but the first.</summary>
    public const string ReportPartyAgeBandsYears = "report.party_age_bands_years";
    /// <summary>Documents a dossier submitted for an appointment requires, per cadre (SubmissionDocument names).</summary>
    public const string SubmissionDocumentsAppointment = "submission.documents.appointment";
    /// <summary>Documents a dossier submitted for a nomination (giới thiệu ứng cử) requires, per cadre.</summary>
    public const string SubmissionDocumentsNomination = "submission.documents.nomination";
    /// <summary>Documents a dossier submitted for a planning proposal requires, per cadre.</summary>
    public const string SubmissionDocumentsPlanning = "submission.documents.planning";

    private static readonly Dictionary<string, RuleValueKind> Kinds = new(StringComparer.Ordinal)
    {
        [AdmissionMinAgeMonths] = RuleValueKind.Integer,
        [AdmissionMaxAgeMonths] = RuleValueKind.Integer,
        [AdmissionCeremonyWithinWorkingDays] = RuleValueKind.Integer,
        [ProbationMonths] = RuleValueKind.Integer,
        [ProbationRecognitionDueWorkingDays] = RuleValueKind.Integer,
        [TransferPermanentStartWithinWorkingDays] = RuleValueKind.Integer,
        [TransferPermanentPresentWithinWorkingDays] = RuleValueKind.Integer,
        [TransferTemporaryMinMonths] = RuleValueKind.Integer,
        [TransferTemporaryMaxMonthsExclusive] = RuleValueKind.Integer,
        [TransferStudyMaxMonths] = RuleValueKind.Integer,
        [ReadmissionMinMonthsAfterLeaving] = RuleValueKind.Integer,
        [ReadmissionMaxTimes] = RuleValueKind.Integer,
        [BadgeMilestonesYears] = RuleValueKind.IntegerList,
        [BadgePresentationDays] = RuleValueKind.MonthDayList,
        [BadgeEarlyMonths30To65] = RuleValueKind.Integer,
        [BadgeEarlyMonths70To90] = RuleValueKind.Integer,
        [DisciplineProbationaryAllowed] = RuleValueKind.NameList,
        [RemovalMonthsWithoutActivity] = RuleValueKind.Integer,
        [RetirementAgeMonthsMale] = RuleValueKind.YearTable,
        [RetirementAgeMonthsFemale] = RuleValueKind.YearTable,
        [RetirementLaterMaxMonths] = RuleValueKind.Integer,
        [RetirementEarlierMaxMonths] = RuleValueKind.Integer,
        [AppointmentTermMonths] = RuleValueKind.Integer,
        [ReappointmentNoticeWorkingDays] = RuleValueKind.Integer,
        [ReappointmentToRetirementMinMonths] = RuleValueKind.Integer,
        [FirstAppointmentMinMonthsLeft] = RuleValueKind.Integer,
        [CommitteeFirstTimeMinMonthsLeft] = RuleValueKind.Integer,
        [CommitteeReelectionMinMonthsLeft] = RuleValueKind.Integer,
        [PlanningMaxCadresPerPosition] = RuleValueKind.Integer,
        [PlanningMaxPositionsPerCadreSameLevel] = RuleValueKind.Integer,
        [PlanningHigherThanHeld] = RuleValueKind.NameList,
        [RotationMinMonths] = RuleValueKind.Integer,
        [CadreReportAgeBands] = RuleValueKind.IntegerList,
        [SubmissionDocumentsAppointment] = RuleValueKind.NameList,
        [SubmissionDocumentsNomination] = RuleValueKind.NameList,
        [SubmissionDocumentsPlanning] = RuleValueKind.NameList,
        [AssessmentExcellentCapPercentOfGood] = RuleValueKind.Integer,
        [AssessmentOrganizationExcellentCapPercentOfGood] = RuleValueKind.Integer,
        [AssessmentProbationaryMaxLevel] = RuleValueKind.NameList,
        [AssessmentDisciplinedMaxLevel] = RuleValueKind.NameList,
        [AssessmentNewlyAdmittedMonths] = RuleValueKind.Integer,
        [AssessmentPointBands] = RuleValueKind.IntegerList,
        [ReportAgeBandsYears] = RuleValueKind.IntegerList,
        [ReportPartyAgeBandsYears] = RuleValueKind.IntegerList,
    };

    /// <summary>Every key the application expects to find in the rule data.</summary>
    public static IReadOnlyCollection<string> All => Kinds.Keys;

    /// <summary>How the value of a known key is read; null for a key the code does not know (allowed in data).</summary>
    public static RuleValueKind? KindOf(string key) => Kinds.TryGetValue(key, out var kind) ? kind : null;
}
