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
}

/// <summary>One day of the public sector's holiday calendar, with the text it comes from.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name, PublicHolidayKind Kind, string Source);
