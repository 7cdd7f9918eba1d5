using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data;

/// <summary>A command's transaction, or none when the command runs inside a larger one (a $batch change set).</summary>
internal static class UnitOfWork
{
    /// <summary>Begins a transaction unless one is open; commit what this returns, and the caller that opened the outer one commits it.</summary>
    public static async Task<IDbContextTransaction?> BeginUnlessInOneAsync(this DatabaseFacade database, CancellationToken ct) =>
        database.CurrentTransaction is null ? await database.BeginTransactionAsync(ct) : null;

    public static Task CommitIfOwnAsync(this IDbContextTransaction? transaction, CancellationToken ct) =>
        transaction?.CommitAsync(ct) ?? Task.CompletedTask;
}
