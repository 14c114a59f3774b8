using OrgCom.Core.Calendar;
using OrgCom.Core.Rules;

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

    public RuleValue ToValue() => new(Key, Value, EffectiveFrom, EffectiveTo, Source, Note, IsConfirmed);

    public static RuleRecord From(RuleValue v) => new RuleRecord().CopiedFrom(v);

    /// <summary>Takes the version's fields; a field set to its own value stays unchanged for EF and the audit.</summary>
    public RuleRecord CopiedFrom(RuleValue v)
    {
        Key = v.Key;
        Value = v.Value;
        EffectiveFrom = v.EffectiveFrom;
        EffectiveTo = v.EffectiveTo;
        Source = v.Source;
        Note = v.Note;
        IsConfirmed = v.IsConfirmed;
        return this;
    }
}

/// <summary>A public holiday, compensatory day off or swapped working day of the public sector calendar.</summary>
public sealed class HolidayRecord
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Source { get; set; } = "";

    public PublicHoliday ToHoliday() => new(Date, Name, Enum.Parse<PublicHolidayKind>(Kind), Source);

    public static HolidayRecord From(PublicHoliday h) => new() { Date = h.Date, Name = h.Name, Kind = h.Kind.ToString(), Source = h.Source };
}
