namespace Governance.Api.Infrastructure;

/// <summary>
/// Settings a council must give outside Development, named at start-up while they are missing: the host still starts
/// (a first start creates the database and the first administrator), but an operator reading the log knows what is left.
/// </summary>
public static class ProductionChecks
{
    public static void WarnAboutMissingSettings(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
            return;
        var configuration = app.Configuration;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["Smtp:PublicBaseUrl"]))
            missing.Add("Smtp:PublicBaseUrl (the address in e-mail links; it is http://localhost:5080 until set)");
        if (string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
            missing.Add("Smtp:Host (notifications are only written to the log and kept in the API until set)");
        if (string.IsNullOrWhiteSpace(configuration["Audit:Key"]) && string.IsNullOrWhiteSpace(configuration["Audit:KeyFile"]))
            missing.Add("Audit:Key or Audit:KeyFile (the audit key sits in data/keys beside the database, where whoever can edit the database may read it)");
        foreach (var setting in missing)
            app.Logger.LogWarning("Production setting not given: {Setting}. See the README's Production section.", setting);
    }
}
