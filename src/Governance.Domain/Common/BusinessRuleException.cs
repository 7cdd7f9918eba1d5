namespace Governance.Domain.Common;

/// <summary>
/// A named business rule refused a change. The API answers with the rule's name and message: 409 when the
/// record's current state forbids it, 400 when the request itself is wrong.
/// </summary>
public sealed class BusinessRuleException(string rule, string message, bool isInvalidInput = false) : Exception(message)
{
    public string Rule { get; } = rule;

    public bool IsInvalidInput { get; } = isInvalidInput;
}
