namespace Governance.Api.Data.Providers;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
