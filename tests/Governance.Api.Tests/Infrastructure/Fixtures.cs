using Governance.Api.Tests.Infrastructure;

// One host per provider for the whole assembly: starting a host migrates and seeds a database, which is the
// slowest thing the tests do.
[assembly: AssemblyFixture(typeof(SqliteApp))]
[assembly: AssemblyFixture(typeof(PostgresApp))]
