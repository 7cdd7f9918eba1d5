using Governance.Api.Auth;
using Governance.Api.Data.Providers;
using Governance.Api.Data.Seeding;
using Governance.Api.Features.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Api.Data;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations, loads the workflow definitions, and loads seed/ into an empty database, as configured.</summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        await using var startup = await StartupLock.AcquireAsync(db, ct); // hosts starting together take turns
        if (options.MigrateOnStartup)
            await db.Database.MigrateAsync(ct);
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await WorkflowStartup.InitialiseWorkflowsAsync(scope.ServiceProvider, ct);
        if (options.SeedOnStartup)
            await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadIfEmptyAsync(ct);
        // A checkpoint of the chain as the server starts, so that what was written before is held from the first minute.
        await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditCheckpointJob>().RunAsync(ct);
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
