using OrgCom.Core.Calendar;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Tests.Rules;

/// <summary>The data files shipped with the web app, read from the repository so the tests check the real data.</summary>
public static class ReferenceData
{
    private static readonly Lazy<RuleBook> LazyRules = new(() => RuleBookJson.Parse(Read("rules.json")));
    private static readonly Lazy<IReadOnlyList<PublicHoliday>> LazyHolidays =
        new(() => PublicHolidayCsv.Parse(Read("public-holidays.csv")));
    private static readonly Lazy<WorkingCalendar> LazyCalendar = new(() => new WorkingCalendar(LazyHolidays.Value));

    public static RuleBook Rules => LazyRules.Value;
    public static IReadOnlyList<PublicHoliday> Holidays => LazyHolidays.Value;
    public static WorkingCalendar Calendar => LazyCalendar.Value;

    public static string Read(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgCom.slnx")))
                return File.ReadAllText(Path.Combine(dir.FullName, "src", "OrgCom.Web", "Data", "Reference", fileName));
        }
        throw new FileNotFoundException($"Repository root (OrgCom.slnx) not found above {AppContext.BaseDirectory}.");
    }
}
