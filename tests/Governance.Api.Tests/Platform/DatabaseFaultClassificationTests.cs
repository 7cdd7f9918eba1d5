using Governance.Api.Infrastructure.Faults;

namespace Governance.Api.Tests.Platform;

/// <summary>
/// What counts as the database being away: found under load when PostgreSQL stopped mid-transaction, where Npgsql's
/// next command said the transaction was already completed and the host answered 500 instead of 503.
/// </summary>
public sealed class DatabaseFaultClassificationTests
{
    [Fact]
    public void ATransactionCompletedUnderUsByABrokenConnection_IsAnUnreachableDatabase_ButTheSameWordsFromElsewhereAreNot()
    {
        Assert.Equal(DatabaseFaultKind.Unreachable, DatabaseFault.Classify(new InvalidOperationException("Transaction is already completed") { Source = "Npgsql" }));
        Assert.Equal(DatabaseFaultKind.Unreachable, DatabaseFault.Classify(new InvalidOperationException("The connection is broken") { Source = "Npgsql" }));
        Assert.Null(DatabaseFault.Classify(new InvalidOperationException("Transaction is already completed") { Source = "Governance.Api" }));
    }
}
