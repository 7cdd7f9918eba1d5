using Governance.Api.Infrastructure.Faults;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData;

namespace Governance.Api.Infrastructure;

/// <summary>
/// Turns exceptions into problem details. A client's mistake is a 4xx with a sentence saying what is wrong;
/// anything else is a 500 that says nothing of the exception, the SQL or the stack.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, DatabaseFaultMonitor faults, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>
    /// A write that could not get the database's write lock in time (SQLite busy or locked, a PostgreSQL lock timeout,
    /// deadlock or serialization failure, a SQL Server deadlock or lock timeout): the caller should retry, so 503.
    /// </summary>
    private static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }:
                case Npgsql.PostgresException { SqlState: "40001" or "40P01" or "55P03" }:
                case Microsoft.Data.SqlClient.SqlException { Number: 1205 or 1222 }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The OData query layer refused to bind what the client asked for (an operator between a date and a date-time, a
    /// function that does not apply to the property, a function it does not implement): the client's query is wrong.
    /// </summary>
    private static bool IsQueryBinding(Exception exception) =>
        exception is ArgumentException or InvalidOperationException or NotImplementedException or NotSupportedException
        && exception.StackTrace is { } trace
        && (trace.Contains("Microsoft.AspNetCore.OData.Query.Expressions", StringComparison.Ordinal) || trace.Contains("Microsoft.OData.UriParser", StringComparison.Ordinal));

    /// <summary>The database could not evaluate the query on the client's values (division by zero, overflow).</summary>
    private static bool IsDataError(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres when postgres.SqlState.StartsWith("22", StringComparison.Ordinal):
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 1 } sqlite when sqlite.Message.Contains("too large or too small", StringComparison.Ordinal):
                case Microsoft.Data.SqlClient.SqlException { Number: 8134 or 8115 or 220 or 232 or 242 or 517 }:
                case OverflowException:
                case DivideByZeroException:
                // Sets served from memory (workflow definitions) evaluate substring(x,-1,2) in .NET, which throws.
                case ArgumentOutOfRangeException when e.StackTrace?.Contains("System.String.ThrowSubstringArgumentOutOfRange", StringComparison.Ordinal) == true:
                    return true;
            }
        }

        return false;
    }

    /// <summary>A unique or foreign key violated by a write made outside EF's change tracker (a bulk insert).</summary>
    private static bool IsConstraint(Exception exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } => true,
        Npgsql.PostgresException { SqlState: "23505" or "23503" } => true,
        Microsoft.Data.SqlClient.SqlException { Number: 2627 or 2601 or 547 } => true,
        _ => false,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // OData builds some queries by reflection, which wraps what EF Core throws.
        while (exception is System.Reflection.TargetInvocationException { InnerException: { } inner })
            exception = inner;
        var fault = DatabaseFault.Classify(exception);
        if (fault is not null)
            faults.Report(fault.Value);
        var (status, title, detail) = exception switch
        {
            BusinessRuleException rule => (rule.IsInvalidInput ? 400 : 409, rule.Rule, rule.Message),
            QueryBoundException bound => (bound.Status, $"Past a bound: {bound.Bound}", bound.Message),
            ODataException odata => (400, "Invalid OData request", odata.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            _ when IsQueryBinding(exception) => (400, "Query cannot be applied",
                "A function or operator in $filter, $orderby or $apply does not fit the type of what it is applied to (for example hour() or now() on a date, "
                + "or maxdatetime(), which is not supported). Compare dates with date literals such as 2026-01-31."),
            FormatException when exception.StackTrace?.Contains("EntityTagHeaderValue", StringComparison.Ordinal) == true || exception.Message.Contains("header", StringComparison.OrdinalIgnoreCase)
                => (400, "Invalid header", "A header's value is malformed: If-Match and If-None-Match take entity tags such as W/\"MQ==\" or *."),
            _ when IsDataError(exception) => (400, "Value out of range",
                "The query cannot be evaluated on these values (a division by zero, or a number or date out of range)."),
            _ when fault is { } kind => (503, "Database unavailable", DatabaseFault.Describe(kind)),
            _ when IsBusy(exception) => (503, "Database busy",
                "The database is busy with another change (a large import, for instance). Nothing was saved; send the request again in a few seconds."),
            DbUpdateConcurrencyException => (412, "Changed by someone else", "The record changed while your request was processed. Read it again and reapply your change."),
            _ when IsConstraint(exception) => (409, "Conflicts with existing data",
                "The change conflicts with existing data: a value that must be unique is already used, or a referenced record is missing or in use."),
            DbUpdateException => (409, "Conflicts with existing data", "The change conflicts with existing data: a value that must be unique is already used, or a referenced record is missing or in use."),
            InvalidOperationException invalid when invalid.Message.Contains("could not be translated", StringComparison.Ordinal)
                => (400, "Query not supported", "The query cannot be run against the database. Simplify the $filter, $orderby or $apply expression."),
            InvalidOperationException invalid when invalid.Message.Contains("not supported on SQLite", StringComparison.Ordinal)
                => (400, "Query not supported on SQLite", "The embedded SQLite database cannot run $top, $skip or $orderby on a collection expanded inside another expanded collection (e.g. $expand=Indicators($expand=Measurements($top=2))). Drop the inner option, query the inner set directly, or run Governance on PostgreSQL or SQL Server."),
            OperationCanceledException when ct.IsCancellationRequested => (499, "Client closed request", "The request was cancelled."),
            _ => (500, "Server error", "Something went wrong on our side. It has been logged; please try again."),
        };
        if (status == 500)
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (status >= 500)
            logger.LogWarning("Request refused with {Status}: {Detail} ({Exception})", status, detail, exception.GetBaseException().Message);
        else
            logger.LogInformation("Request refused with {Status}: {Detail}", status, detail);

        context.Response.StatusCode = status;
        if (status == 503)
            context.Response.Headers.RetryAfter = fault is null ? "5" : "30";
        if (ErrorBodies.IsOData(context))
        {
            var code = exception switch
            {
                QueryBoundException bound => bound.Bound,
                BusinessRuleException rule => rule.Rule,
                _ => string.Concat(title.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])),
            };
            await ErrorBodies.WriteAsync(context, status, code, detail);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
