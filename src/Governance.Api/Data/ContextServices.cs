using Governance.Api.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Governance.Api.Data;

/// <summary>
/// The application services a <see cref="GovernanceDbContext"/> works with (the audit writer, and who is reading for
/// the exemption filter), carried in its options. EF pools contexts only if they are constructed from their
/// options alone, and both services are stateless (they read the current request through IHttpContextAccessor),
/// so one instance of each serves every pooled context.
/// </summary>
internal sealed class ContextServices(AuditWriter audit, ExemptionViewer viewer) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? info;

    public AuditWriter Audit => audit;

    public ExemptionViewer Viewer => viewer;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public static void Add(DbContextOptionsBuilder builder, AuditWriter audit, ExemptionViewer viewer) =>
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ContextServices(audit, viewer));

    public void ApplyServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        // Nothing for EF's internal service provider: these are the application's services.
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        // EF's internal services do not depend on these, so every context shares one internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
