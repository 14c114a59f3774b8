namespace OrgCom.Core.Rules;

/// <summary>
/// The rule data is missing or wrong. Not an expected failure: a deadline or refusal computed without its rule would
/// be wrong, so the operation stops and the administrator fixes the data.
/// </summary>
public sealed class RuleConfigurationException(string message) : Exception(message);
