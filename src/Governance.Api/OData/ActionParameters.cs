using System.Globalization;

namespace Governance.Api.OData;

/// <summary>Reading an OData action's parameters whichever CLR type the OData reader gave them.</summary>
public static class ActionParameters
{
    /// <summary>An Edm.Date parameter: DateOnly, DateTime or the reader's own date type, written yyyy-MM-dd.</summary>
    public static DateOnly? DateOf(object? value) => value switch
    {
        DateOnly date => date,
        DateTime instant => DateOnly.FromDateTime(instant),
        null => null,
        _ => DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null,
    };

    /// <summary>An Edm.Decimal parameter, given as any JSON number.</summary>
    public static decimal? MoneyOf(object? value) => value switch
    {
        decimal money => money,
        null => null,
        IConvertible number => number.ToDecimal(CultureInfo.InvariantCulture),
        _ => null,
    };
}
