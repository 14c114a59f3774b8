using OrgCom.Core.Common;

namespace OrgCom.Core.Members.Rules;

/// <summary>
/// The 12-digit citizen identity number (số định danh cá nhân, printed on the CCCD): digits 1–3 the province where the
/// birth was registered, digit 4 gender and century of birth, digits 5–6 the last two digits of the birth year,
/// digits 7–12 a random number.
/// </summary>
public static class CitizenId
{
    public const int Length = 12;

    /// <summary>
    /// Codes of the 63 provinces before the 2025 merger, which birth registrations and existing numbers use:
    /// 001 Hà Nội … 096 Cà Mau (gaps in the sequence are codes never assigned).
    /// </summary>
    public static readonly IReadOnlySet<string> ProvinceCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    };

    /// <summary>
    /// Checks the number and, when given, that it agrees with the declared gender and birth year. Spaces are ignored.
    /// Returns the 12 digits without spaces.
    /// </summary>
    public static Result<string> Validate(string? text, Gender? gender = null, int? birthYear = null)
    {
        var digits = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length == 0)
            return new Error("citizen_id.required", "Chưa nhập số CCCD.");
        var invalid = digits.Where(c => c is < '0' or > '9').Distinct().ToArray();
        if (invalid.Length > 0)
            return new Error("citizen_id.digits",
                $"Số CCCD chỉ gồm chữ số; \"{digits}\" có ký tự không phải chữ số ({string.Join(" ", invalid)}).");
        if (digits.Length != Length)
            return new Error("citizen_id.length", $"Số CCCD phải gồm đúng {Length} chữ số (đang có {digits.Length}).");

        var province = digits[..3];
        if (!ProvinceCodes.Contains(province))
            return new Error("citizen_id.province",
                $"Mã tỉnh nơi đăng ký khai sinh {province} (3 chữ số đầu của số CCCD) không hợp lệ.");

        var code = digits[3] - '0';
        if (code > 5)
            return new Error("citizen_id.gender_century",
                $"Chữ số thứ 4 của số CCCD ({code}) không hợp lệ: phải từ 0 đến 5 (giới tính và thế kỷ sinh từ 1900 đến 2199).");
        var codedGender = code % 2 == 0 ? Gender.Male : Gender.Female;
        var centuryStart = 1900 + 100 * (code / 2);
        var genderMatches = gender is null || gender == codedGender;
        var centuryMatches = birthYear is not { } y || (y >= centuryStart && y <= centuryStart + 99);
        if (!genderMatches || !centuryMatches)
            return new Error("citizen_id.gender_century_mismatch",
                $"Chữ số thứ 4 ({code}) cho biết giới tính {GenderText(codedGender)} sinh năm {centuryStart}–{centuryStart + 99}, "
                + $"không khớp với giới tính/năm sinh đã khai ({Declared(gender, birthYear)}).");

        if (birthYear is { } year && int.Parse(digits[4..6]) != year % 100)
            return new Error("citizen_id.birth_year",
                $"Chữ số thứ 5–6 của số CCCD ({digits[4..6]}) là hai số cuối của năm sinh, không khớp với năm sinh đã khai {year}.");
        return digits;
    }

    private static string GenderText(Gender gender) => gender == Gender.Male ? "Nam" : "Nữ";

    private static string Declared(Gender? gender, int? birthYear) => string.Join(", ", new[]
    {
        gender is { } g ? GenderText(g) : null,
        birthYear is { } y ? $"sinh năm {y}" : null,
    }.OfType<string>());
}
