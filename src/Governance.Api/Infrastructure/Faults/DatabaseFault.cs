using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Governance.Api.Infrastructure.Faults;

/// <summary>Why the database cannot take work now, whatever the request: the operator's problem, not the client's.</summary>
public enum DatabaseFaultKind
{
    /// <summary>The server is down, restarting, refusing connections or out of connections.</summary>
    Unreachable,

    /// <summary>The file or the server accepts reads but no writes (a read-only file system, a standby).</summary>
    ReadOnly,

    /// <summary>The disk is full.</summary>
    Full,
}

/// <summary>Recognises a database fault in an exception from any of the three providers (EF wraps them).</summary>
public static class DatabaseFault
{
    public static DatabaseFaultKind? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var kind = e switch
            {
                // SQLITE_READONLY, SQLITE_FULL; SQLITE_IOERR and SQLITE_CANTOPEN are what a vanished or unwritable
                // file system gives, SQLITE_PERM and SQLITE_NOTADB likewise (an unreadable or truncated file).
                SqliteException { SqliteErrorCode: 8 } => DatabaseFaultKind.ReadOnly,
                SqliteException { SqliteErrorCode: 13 } => DatabaseFaultKind.Full,
                SqliteException { SqliteErrorCode: 10 or 14 or 3 } => DatabaseFaultKind.Unreachable,
                // PostgreSQL: 53100 disk full; 25006 a read-only transaction (a standby); 08 connection exceptions,
                // 53300 too many connections, 57P01-57P03 an administrator's shutdown or a server still starting.
                Npgsql.PostgresException { SqlState: "53100" } => DatabaseFaultKind.Full,
                Npgsql.PostgresException { SqlState: "25006" } => DatabaseFaultKind.ReadOnly,
                Npgsql.PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is "53300" or "57P01" or "57P02" or "57P03" => DatabaseFaultKind.Unreachable,
                Npgsql.PostgresException => null,
                // Any other Npgsql error is the client's connection failing (refused, reset, broken mid-command), and
                // a pooled connection broken while the server was down is refused as "not open" when used again.
                Npgsql.NpgsqlException => DatabaseFaultKind.Unreachable,
                // A connection broken mid-transaction completes the transaction under us: the next command says so.
                InvalidOperationException invalid when invalid.Source == "Npgsql"
                    && (invalid.Message.Contains("onnection", StringComparison.Ordinal) || invalid.Message.Contains("Transaction is already completed", StringComparison.Ordinal)) => DatabaseFaultKind.Unreachable,
                // SQL Server: 1105 and 9002 a full filegroup or log; 3906 a read-only database; the rest cannot
                // connect (network, login to an unavailable database, a server shutting down).
                Microsoft.Data.SqlClient.SqlException { Number: 1105 or 9002 } => DatabaseFaultKind.Full,
                Microsoft.Data.SqlClient.SqlException { Number: 3906 } => DatabaseFaultKind.ReadOnly,
                Microsoft.Data.SqlClient.SqlException { Number: -2 or 2 or 53 or 40 or 233 or 4060 or 6005 or 10053 or 10054 or 10060 or 10061 or 40613 }
                    => DatabaseFaultKind.Unreachable,
                SocketException => DatabaseFaultKind.Unreachable,
                _ => (DatabaseFaultKind?)null,
            };
            if (kind is not null)
                return kind;
        }

        return null;
    }

    /// <summary>The sentence a client reads in the 503.</summary>
    public static string Describe(DatabaseFaultKind kind) => kind switch
    {
        DatabaseFaultKind.ReadOnly => "The database accepts no changes at the moment (its storage is read-only). Nothing was saved; send the request again later.",
        DatabaseFaultKind.Full => "The database's storage is full. Nothing was saved; send the request again later.",
        _ => "The database cannot be reached at the moment. Nothing was saved; send the request again later.",
    };
}
