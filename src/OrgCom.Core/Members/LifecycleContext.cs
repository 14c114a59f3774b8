using OrgCom.Core.Calendar;
using OrgCom.Core.Rules;

namespace OrgCom.Core.Members;

/// <summary>What a lifecycle transition needs besides its own inputs: the rules in force (dated data), the working-day
/// calendar, and who is recording the change.</summary>
public sealed record LifecycleContext(RuleBook Rules, WorkingCalendar Calendar, string Actor);

/// <summary>The outcome of a transition that rests on a rule: what happened and the rule(s) that decided it, so the
/// page can show the regulation behind a deadline or a warning.</summary>
public sealed record RuleNote(string Message, IReadOnlyList<RuleCitation> Citations)
{
    public RuleNote(string message, RuleCitation citation) : this(message, [citation])
    {
    }
}
