using Governance.Api.Auth;
using Governance.Api.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api;

/// <summary>
/// Administrative commands of the host, run instead of the web server:
///   users add --email E --name N --role R [--role R2] [--supplier-id ID]   (password from GOVERNANCE_NEW_PASSWORD or standard input)
///   audit verify
///   data generate --scale S|M|L [--seed N]   (a deterministic dataset beside the seed, for scale tests and benchmarks)
///   calendar import FILE   (GOV.UK's bank-holidays.json: the proclaimed one-offs it implies, into Calendar:OneOffsFile)
///   backup FILE   (an online copy of the SQLite database and its audit checkpoints)
/// </summary>
public static class HostCommands
{
    /// <summary>
    /// The command the host was started with, or null to serve. A leading "--" (as <c>dotnet Governance.Api.dll -- audit verify</c>
    /// passes it) is not part of the command.
    /// </summary>
    public static string[]? Command(string[] args)
    {
        var command = args is ["--", .. var rest] ? rest : args;
        return command.Length >= 2 && command[0] is "users" or "audit" or "data" or "calendar" or "backup" ? command : null;
    }

    /// <summary>Verification and backup only read, and the calendar is a file: none may migrate, seed or start anything.</summary>
    public static bool IsReadOnly(string[] command) => command is ["audit", "verify", ..] or ["calendar", ..] or ["backup", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        switch (args[0], args[1])
        {
            case ("users", "add"):
                return await AddUserAsync(scope.ServiceProvider.GetRequiredService<AccountService>(), args[2..], output);
            case ("audit", "verify"):
                if (!(await scope.ServiceProvider.GetRequiredService<Data.GovernanceDbContext>().Database.GetAppliedMigrationsAsync()).Any())
                {
                    await output.WriteLineAsync("No audit trail to verify: this database has not been created (start the server once to create it).");
                    return 1;
                }

                var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
                await output.WriteLineAsync(result switch
                {
                    { Intact: true } => $"Audit chain intact: {result.EntriesChecked} entries checked, held to {result.CheckpointsChecked} signed checkpoints"
                        + (result.LastCheckpointAt is { } last ? $" (the last of {last:yyyy-MM-dd HH:mm} UTC)." : "."),
                    { FirstBrokenSequence: { } sequence } => $"Audit chain broken at entry {result.FirstBrokenEntryId} (sequence {sequence}): {result.Reason}.",
                    _ => $"Audit chain broken: {result.Reason}.",
                });
                return result.Intact ? 0 : 1;
            case ("calendar", "import") when args.Length == 3:
                return await Features.Calendar.CouncilCalendar.ImportAsync(args[2],
                    Features.Calendar.CouncilCalendar.OneOffsPath(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()), output);
            case ("backup", _) when args.Length == 2:
                return await Data.DatabaseBackup.RunAsync(scope.ServiceProvider, args[1], output);
            case ("data", "generate"):
                return await GenerateAsync(scope.ServiceProvider.GetRequiredService<Data.Generation.DataGenerator>(), args[2..], output);
            default:
                await output.WriteLineAsync("Commands: 'users add --email E --name N --role R [--supplier-id ID]', 'audit verify', 'data generate --scale S|M|L [--seed N]', 'calendar import FILE', 'backup FILE'.");
                return 2;
        }
    }

    private static async Task<int> GenerateAsync(Data.Generation.DataGenerator generator, string[] args, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        try
        {
            var scale = Data.Generation.DataScale.Parse(Option("--scale") ?? "M");
            var seed = int.TryParse(Option("--seed"), out var s) ? s : 42;
            var report = await generator.GenerateAsync(scale, seed, CancellationToken.None);
            await output.WriteLineAsync($"Scale {report.Scale}: {report.Contracts:N0} contracts, {report.Indicators:N0} KPIs, {report.Measurements:N0} returns, "
                + $"{report.Procurements:N0} procurements, {report.Suppliers:N0} suppliers, {report.Escalations:N0} escalations, {report.Committees:N0} committees in {report.Elapsed.TotalSeconds:F1} s.");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await output.WriteLineAsync($"Not generated: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> AddUserAsync(AccountService accounts, string[] args, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var roles = args.Select((a, i) => (a, i)).Where(x => x.a == "--role" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var email = Option("--email");
        if (email is null || roles.Count == 0)
        {
            await output.WriteLineAsync("users add needs --email and at least one --role.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("GOVERNANCE_NEW_PASSWORD") ?? await Console.In.ReadLineAsync() ?? "";
        var supplierId = int.TryParse(Option("--supplier-id"), out var id) ? id : (int?)null;
        try
        {
            var user = await accounts.CreateAsync(new NewAccount(email, Option("--name") ?? email, password, roles, supplierId));
            await output.WriteLineAsync($"Created {user.Email} with roles {string.Join(", ", roles)}.");
            return 0;
        }
        catch (Domain.Common.BusinessRuleException e)
        {
            await output.WriteLineAsync($"Not created: {e.Message}");
            return 1;
        }
    }
}
