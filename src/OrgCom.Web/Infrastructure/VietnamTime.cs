namespace OrgCom.Web.Infrastructure;

/// <summary>
/// Users are in Việt Nam whatever the server's clock is set to: instants are shown, and "today" is taken, in
/// Asia/Ho_Chi_Minh (UTC+7, no daylight saving). Stored instants stay UTC.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tzdata: Việt Nam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }

    public static DateTimeOffset ToVietnam(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>dd/MM/yyyy HH:mm (or with seconds) in Việt Nam time.</summary>
    public static string Format(DateTimeOffset instant, bool seconds = false) =>
        instant.ToVietnam().ToString(seconds ? "dd/MM/yyyy HH:mm:ss" : "dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) =>
        instant.ToVietnam().ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToVietnam().DateTime);

    /// <summary>The UTC instant at which a Vietnamese calendar day begins (for date-range filters).</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
