namespace Governance.Domain.Common;

/// <summary>
/// A record whose values have ranges a user would expect (dates in order, money not negative, percentages 0 to 100).
/// Every create and update calls <see cref="CheckValues"/>; a broken range is a <see cref="BusinessRuleException"/>
/// marked invalid input, so the API answers 400 naming the field and the rule.
/// </summary>
public interface ICheckedValues
{
    void CheckValues();
}
