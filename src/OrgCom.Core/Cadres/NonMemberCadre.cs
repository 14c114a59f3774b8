using OrgCom.Core.Common;
using OrgCom.Core.Members;
using OrgCom.Core.Members.Rules;
using OrgCom.Core.Text;

namespace OrgCom.Core.Cadres;

/// <summary>What is typed for a cadre outside the party; the checks are those of <see cref="NonMemberCadre"/>.</summary>
public sealed record NonMemberCadreDetails(
    string? FullName, Gender? Gender, DateOnly? BirthDate, bool BirthYearOnly, string? Ethnicity, string? Religion,
    string? Professional, PoliticalTheoryLevel PoliticalTheory, string? Hometown, string? CitizenId, string? Workplace);

/// <summary>
/// A cadre who is not a party member (cán bộ ngoài Đảng, "quần chúng"): e.g. a Phó Chủ tịch UBND or the head of a mass
/// organization outside the party. Registered by the organization that manages them (its scope), with what the cadre
/// functions need — the retirement age (gender, birth), the report (ethnicity, education, theory level), the local-heads
/// indicator (quê quán) — and an optional CCCD. Never a member: never counted with members (ADR 0014).
/// </summary>
public sealed class NonMemberCadre
{
    public const string Label = "Ngoài Đảng";
    public const int MaxNameLength = 150;
    public const int MaxPlaceLength = 300;
    public const int MaxShortTextLength = 60;
    public const int MaxTextLength = 150;

    private NonMemberCadre()
    {
        FullName = "";
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public string FullName { get; private set; }
    public Gender Gender { get; private set; }
    public DateOnly BirthDate { get; private set; }

    /// <summary>Only the year is known: stored as 1 January, which the retirement rule uses.</summary>
    public bool BirthYearOnly { get; private set; }
    public string? Ethnicity { get; private set; }
    public string? Religion { get; private set; }

    /// <summary>Trình độ chuyên môn ("Thạc sĩ Luật", "Kỹ sư xây dựng"), as a member's.</summary>
    public string? Professional { get; private set; }
    public PoliticalTheoryLevel PoliticalTheory { get; private set; }

    /// <summary>Quê quán, "xã …, tỉnh …" (the last part names the province, as the local-heads indicator reads it).</summary>
    public string? Hometown { get; private set; }
    public string? CitizenId { get; private set; }

    /// <summary>Nơi công tác (free text): where the person works now.</summary>
    public string? Workplace { get; private set; }

    public static Result<NonMemberCadre> Register(long organizationId, NonMemberCadreDetails details, DateOnly today)
    {
        var cadre = new NonMemberCadre { OrganizationId = organizationId };
        var applied = cadre.Apply(details, today);
        return applied.IsSuccess ? cadre : applied.Error!;
    }

    /// <summary>Corrects the details (the same checks); nothing changes when refused.</summary>
    public Result Update(NonMemberCadreDetails details, DateOnly today) => Apply(details, today);

    private Result Apply(NonMemberCadreDetails d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var name = VietnameseText.Normalize(d.FullName);
        if (name.Length == 0)
            return NonMemberCadreErrors.NameRequired;
        if (name.Length > MaxNameLength)
            return CadreErrors.TooLong("Họ và tên", MaxNameLength, name.Length);
        if (d.Gender is not { } gender || !Enum.IsDefined(gender))
            return NonMemberCadreErrors.GenderRequired;
        if (d.BirthDate is not { } born)
            return NonMemberCadreErrors.BirthRequired;
        var birth = d.BirthYearOnly ? new DateOnly(born.Year, 1, 1) : born;
        if (birth > today || birth.Year < 1900)
            return NonMemberCadreErrors.BirthInvalid(today);
        if (!Enum.IsDefined(d.PoliticalTheory))
            return NonMemberCadreErrors.TheoryInvalid;
        var texts = new (string Label, string? Value, int Max)[]
        {
            ("Dân tộc", d.Ethnicity, MaxShortTextLength), ("Tôn giáo", d.Religion, MaxShortTextLength),
            ("Trình độ chuyên môn", d.Professional, MaxTextLength), ("Quê quán", d.Hometown, MaxPlaceLength),
            ("Nơi công tác", d.Workplace, MaxPlaceLength),
        };
        var clean = new string?[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var value = VietnameseText.Normalize(texts[i].Value);
            if (value.Length > texts[i].Max)
                return CadreErrors.TooLong(texts[i].Label, texts[i].Max, value.Length);
            clean[i] = value.Length == 0 ? null : value;
        }
        string? citizenId = null;
        if (!string.IsNullOrWhiteSpace(d.CitizenId))
        {
            var valid = Members.Rules.CitizenId.Validate(d.CitizenId, gender, birth.Year);
            if (!valid.IsSuccess)
                return valid.Error!;
            citizenId = valid.Value;
        }
        FullName = name;
        Gender = gender;
        BirthDate = birth;
        BirthYearOnly = d.BirthYearOnly;
        PoliticalTheory = d.PoliticalTheory;
        (Ethnicity, Religion, Professional, Hometown, Workplace) = (clean[0], clean[1], clean[2], clean[3], clean[4]);
        CitizenId = citizenId;
        return Result.Ok();
    }
}

public static class NonMemberCadreErrors
{
    public static readonly Error NameRequired = new("non_member.name.required", "Hãy nhập họ và tên.");
    public static readonly Error GenderRequired = new("non_member.gender.required", "Hãy chọn giới tính.");
    public static readonly Error BirthRequired = new("non_member.birth.required", "Hãy nhập ngày sinh (hoặc năm sinh nếu chỉ biết năm).");
    public static Error BirthInvalid(DateOnly today) => new("non_member.birth.invalid",
        $"Ngày sinh phải từ năm 1900 đến ngày hôm nay ({DateText.Format(today)}).");
    public static readonly Error TheoryInvalid = new("non_member.theory.invalid", "Trình độ lý luận chính trị không hợp lệ.");
    public static readonly Error CitizenIdTaken = new("non_member.citizen_id.taken",
        "Số CCCD này đã có trong hồ sơ một cán bộ ngoài Đảng khác hoặc một đảng viên: một người chỉ có một hồ sơ; nếu là đảng viên, hãy bổ nhiệm từ hồ sơ đảng viên.");
    public static readonly Error OrganizationRequired = new("non_member.organization.required",
        "Hãy chọn tổ chức quản lý cán bộ trong phạm vi của bạn.");
}
