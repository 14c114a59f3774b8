namespace OrgCom.Web.Infrastructure.Rules;

/// <summary>One version of a rule from a regulation, as stored (see OrgCom.Core.Rules.RuleValue).</summary>
public sealed class RuleRecord
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public string Source { get; set; } = "";
    public string Note { get; set; } = "";
    public bool IsConfirmed { get; set; }
}

/// <summary>A public holiday, compensatory day off or swapped working day of the public sector calendar.</summary>
public sealed class HolidayRecord
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Source { get; set; } = "";
}
