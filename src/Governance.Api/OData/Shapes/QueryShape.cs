using System.Globalization;
using System.Text;

namespace Governance.Api.OData.Shapes;

/// <summary>A value written in a query option: a quoted string or enum member (without its quotes), a number, date or boolean.</summary>
internal readonly record struct QueryLiteral(string Text, bool Quoted);

/// <summary>
/// The shape of a query option's text: the text with each value replaced by its kind, so that requests differing
/// only in their values (a contract id, a date, a page) share cache entries, while anything that can change how a
/// query binds (the properties, functions and operators, a value's kind and width) stays in the key.
/// </summary>
internal static class QueryShape
{
    /// <summary>Appends the shape of <paramref name="text"/> to <paramref name="shape"/>, and its values, in order, to <paramref name="literals"/>.</summary>
    public static void Split(string? text, StringBuilder shape, List<QueryLiteral>? literals)
    {
        if (text is null)
            return;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
                i = Quoted(text, i, shape, literals);
            else if (char.IsAsciiLetter(c) || c is '_' or '$' or '@')
                i = Identifier(text, i, shape, literals);
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                i = Number(text, i, shape, literals);
            else
            {
                shape.Append(c);
                i++;
            }
        }
    }

    private static int Quoted(string text, int start, StringBuilder shape, List<QueryLiteral>? literals)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                shape.Append("''");
                literals?.Add(new QueryLiteral(value.ToString(), Quoted: true));
                return i + 1;
            }

            value.Append(text[i++]);
        }

        shape.Append(text, start, text.Length - start); // unterminated: kept whole, and the parser refuses it
        return text.Length;
    }

    private static int Identifier(string text, int start, StringBuilder shape, List<QueryLiteral>? literals)
    {
        var i = start + 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
            i++;
        var word = text[start..i];
        shape.Append(word);
        // Booleans are values the binder parameterizes like any other; the shape keeps them (there are only two).
        if (word is "true" or "false" && (i >= text.Length || text[i] != '\''))
            literals?.Add(new QueryLiteral(word, Quoted: false));
        return i;
    }

    private static int Number(string text, int start, StringBuilder shape, List<QueryLiteral>? literals)
    {
        var i = start + 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or ':' or '-' or '+'))
            i++;
        var token = text[start..i];
        // Each run of digits becomes one kind: up to 9 digits (an Int32), or more (an Int64 or wider), so that a
        // value's width, which decides the type it binds to, is part of the shape.
        var run = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                run++;
                continue;
            }

            EndRun(shape, ref run);
            shape.Append(c);
        }

        EndRun(shape, ref run);
        literals?.Add(new QueryLiteral(token, Quoted: false));
        return i;
    }

    private static void EndRun(StringBuilder shape, ref int run)
    {
        if (run > 0)
            shape.Append(run <= 9 ? "0" : "00");
        run = 0;
    }

    /// <summary>The value <paramref name="literal"/> denotes as a <paramref name="type"/>, read as the OData binder reads it.</summary>
    public static bool TryConvert(QueryLiteral literal, Type type, out object? value)
    {
        value = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var text = literal.Text;
        var invariant = CultureInfo.InvariantCulture;
        if (literal.Quoted)
        {
            if (target == typeof(string))
                value = text;
            else if (target.IsEnum && Enum.TryParse(target, text, ignoreCase: false, out var member) && !char.IsAsciiDigit(text.FirstOrDefault()))
                value = member;
            return value is not null;
        }

        value = target switch
        {
            _ when target == typeof(int) => int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var v) ? v : null,
            _ when target == typeof(long) => long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var v) ? v : null,
            _ when target == typeof(decimal) => decimal.TryParse(text.TrimEnd('m', 'M'), NumberStyles.Float, invariant, out var v) ? v : null,
            _ when target == typeof(double) => double.TryParse(text.TrimEnd('d', 'D'), NumberStyles.Float, invariant, out var v) ? v : null,
            _ when target == typeof(bool) => text switch { "true" => true, "false" => false, _ => null },
            _ when target == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var v) ? v : null,
            _ when target == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, invariant, DateTimeStyles.None, out var v) && text.Contains('T') ? v : null,
            _ when target == typeof(Guid) => Guid.TryParseExact(text, "D", out var v) ? v : null,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>Whether two values are the same in every respect a query can observe (type, value, scale, offset).</summary>
    public static bool Identical(object? a, object? b) =>
        a is null ? b is null
        : b is not null && a.GetType() == b.GetType() && a.Equals(b)
          && string.Equals(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.Ordinal)
          && (a is not DateTimeOffset x || x.Offset == ((DateTimeOffset)b).Offset);
}
