namespace OrgCom.Core.Calendar;

public enum PublicHolidayKind
{
    /// <summary>A holiday of the Labour Code (ngày nghỉ lễ, Tết), including Tết days that fall on a weekend.</summary>
    Holiday,
    /// <summary>
    /// A weekday off that is not itself a holiday: the day off in lieu of a holiday on a weekend (nghỉ bù), or the
    /// weekday given off in a swap (hoán đổi) against a <see cref="SwappedWorkingDay"/>.
    /// </summary>
    CompensatoryDayOff,
    /// <summary>A Saturday or Sunday worked in exchange for a weekday off (làm bù): a working day.</summary>
    SwappedWorkingDay,
    /// <summary>A weekday given off by a decision of the Prime Minister beyond the Labour Code's holidays (nghỉ thêm).</summary>
    ExtraDayOff,
}

/// <summary>One day of the public sector's holiday calendar, with the text it comes from.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name, PublicHolidayKind Kind, string Source)
{
    /// <summary>How the data marks a day set before the government's notice: its source begins with this.</summary>
    public const string ProvisionalMark = "DỰ KIẾN";

    /// <summary>Set ahead of the official notice (e.g. next year's Tết), to be replaced when the notice comes.</summary>
    public bool IsProvisional => Source.StartsWith(ProvisionalMark, StringComparison.Ordinal);
}

public static class PublicHolidayKinds
{
    public static string DisplayName(this PublicHolidayKind kind) => kind switch
    {
        PublicHolidayKind.Holiday => "Nghỉ lễ, tết",
        PublicHolidayKind.CompensatoryDayOff => "Nghỉ bù, nghỉ hoán đổi",
        PublicHolidayKind.SwappedWorkingDay => "Làm bù (ngày cuối tuần đi làm)",
        PublicHolidayKind.ExtraDayOff => "Nghỉ thêm theo quyết định của Thủ tướng",
        _ => kind.ToString(),
    };
}
