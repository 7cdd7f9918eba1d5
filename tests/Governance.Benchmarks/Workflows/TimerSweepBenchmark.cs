using System.Globalization;
using Governance.Api.Features.Workflows;
using Governance.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks.Workflows;

/// <summary>
/// Issue 3: firing N due timers across N escalation instances with the timer job, against the baseline of one
/// set-based SQL UPDATE marking the same rows fired, in the same run and on the same data.
/// </summary>
internal static class TimerSweepBenchmark
{
    public static async Task RunAsync(TextWriter output, int[] sizes)
    {
        await output.WriteLineAsync("Timer sweep: FireDueTimersJob against one set-based UPDATE of the same timers (SQLite)");
        await output.WriteLineAsync("Floor: the writes of the same transitions as set-based SQL, without audit entries (what no job could beat)");
        await output.WriteLineAsync("instances | job | baseline UPDATE | ratio | floor | floor ratio | job peak heap | baseline peak heap");
        foreach (var n in sizes)
        {
            var job = await OnFreshDataAsync(n, async host =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                var fired = await scope.ServiceProvider.GetRequiredService<FireDueTimersJob>().RunAsync(CancellationToken.None);
                if (fired != n)
                    throw new InvalidOperationException($"The job fired {fired} of {n} timers.");
            });
            var baseline = await OnFreshDataAsync(n, async host =>
            {
                await using var connection = new SqliteConnection(host.ConnectionString);
                await connection.OpenAsync();
                await using var update = SqliteBulk.Command(connection,
                    """UPDATE "WorkflowTimers" SET "FiredAt" = $now WHERE "FiredAt" IS NULL AND "CancelledAt" IS NULL AND "DueAt" <= $now""", ("$now", Stored(DateTime.UtcNow)));
                var updated = await update.ExecuteNonQueryAsync();
                if (updated != n)
                    throw new InvalidOperationException($"The baseline updated {updated} of {n} timers.");
            });
            var floor = await OnFreshDataAsync(n, host => TransitionFloorAsync(host.ConnectionString, n));

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{n,9} | {job.Elapsed.TotalMilliseconds,8:F0} ms | {baseline.Elapsed.TotalMilliseconds,8:F1} ms | {job.Elapsed / baseline.Elapsed,7:F1}x | {floor.Elapsed.TotalMilliseconds,8:F1} ms | {floor.Elapsed / baseline.Elapsed,5:F1}x | {Measure.Mb(job.PeakHeapBytes),10} | {Measure.Mb(baseline.PeakHeapBytes)}"));
        }
    }

    /// <summary>Measures one side on its own host, filled with the same N due timers as the others.</summary>
    private static async Task<Measure.Result> OnFreshDataAsync(int n, Func<BenchmarkHost, Task> work)
    {
        await using var host = BenchmarkHost.Start();
        await FillAsync(host.ConnectionString, n);
        return await Measure.RunAsync(() => work(host));
    }

    /// <summary>An instant as EF Core stores it in SQLite, so that SQL written here compares with the rows EF wrote.</summary>
    private static string Stored(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>
    /// Each row the job writes for one fire of Escalate (contract manager to head of service), for every due timer
    /// at once: the timer marked fired, the history row, the instance moved on, the head of service's timer, the
    /// escalation's level, owner and respond-by, and the contract manager's notification, in one transaction.
    /// </summary>
    private static async Task TransitionFloorAsync(string connectionString, int n)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow;
        var fired = Stored(now);
        var nextDue = Stored(now.AddDays(14));
        const string FiredNow = """FROM "WorkflowTimers" AS "t" JOIN "WorkflowInstances" AS "i" ON "i"."Id" = "t"."WorkflowInstanceId" WHERE "t"."FiredAt" = $now""";
        await using var command = SqliteBulk.Command(connection, $"""
            UPDATE "WorkflowTimers" SET "FiredAt" = $now, "Outcome" = 'fired: ContractManager to HeadOfService'
              WHERE "FiredAt" IS NULL AND "CancelledAt" IS NULL AND "DueAt" <= $now;
            INSERT INTO "WorkflowTransitions" ("WorkflowInstanceId","Sequence","From","To","Trigger","Actor","At","Comment","GuardResults")
              SELECT "i"."Id", "i"."Steps" + 1, "i"."State", 'HeadOfService', 'Escalate', 'system:timer', $now, 'Timer due ' || "t"."DueAt", $guards {FiredNow};
            UPDATE "WorkflowInstances" SET "State" = 'HeadOfService', "Steps" = "Steps" + 1, "UpdatedAt" = $now, "EnteredStateAt" = $now, "Revision" = "Revision" + 1
              WHERE "Id" IN (SELECT "WorkflowInstanceId" FROM "WorkflowTimers" WHERE "FiredAt" = $now);
            INSERT INTO "WorkflowTimers" ("WorkflowInstanceId","State","Trigger","DueAt")
              SELECT "t"."WorkflowInstanceId", 'HeadOfService', 'Escalate', $next {FiredNow};
            UPDATE "Escalations" SET "Level" = 'HeadOfService', "Owner" = 'Head of service', "RespondBy" = $next, "Revision" = "Revision" + 1
              WHERE "Id" IN (SELECT "i"."SubjectId" {FiredNow});
            INSERT INTO "Notifications" ("RecipientRole","Subject","Body","Link","IdempotencyKey","CreatedAt","Attempts","NextAttemptAt","Failed")
              SELECT 'ContractManager', 'KPI slip escalated to the head of service: Escalation ' || "i"."SubjectId",
                     'No response within 10 working days: the slip is now with the head of service.', '/odata/Escalations(' || "i"."SubjectId" || ')',
                     'workflow:kpi-escalation:Escalation:' || "i"."SubjectId" || ':' || "i"."Steps" || ':notify:ContractManager', $now, 0, $now, 0 {FiredNow};
            """, ("$now", fired), ("$next", nextDue), ("$guards", "{}"));
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        await using var check = SqliteBulk.Command(connection, """SELECT count(*) FROM "WorkflowTransitions" WHERE "At" = $now""", ("$now", fired));
        if (Convert.ToInt32(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture) != n)
            throw new InvalidOperationException($"The set-based transition did not move all {n} instances.");
    }

    /// <summary>N escalations on one contract, each with a kpi-escalation instance at contract-manager level and a timer due an hour ago.</summary>
    private static async Task FillAsync(string connectionString, int n)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var due = Stored(DateTime.UtcNow.AddHours(-1));
        await SqliteBulk.ExecuteAsync(connection, """
            INSERT INTO "Departments" ("Code","Name","Revision") VALUES ('BENCH','Benchmark department',0);
            INSERT INTO "Suppliers" ("Name","IsSme","IsVcse","Revision") VALUES ('Benchmark supplier',0,0,0);
            INSERT INTO "Contracts" ("Reference","Title","SupplierId","DepartmentId","TotalValue","AnnualValue","IrrecoverableVat","StartOn","EndOn","Status","Revision")
              VALUES ('BENCH-1','Benchmark contract',1,1,'1000000','100000','0','2020-01-01','2030-01-01','Active',0);
            """);
        await using var escalation = SqliteBulk.Command(connection, """INSERT INTO "Escalations" ("ContractId","Cause","Level","Status","OpenedAt","RespondBy","Revision") VALUES (1,$cause,'ContractManager','Open',$due,$due,0)""", ("$cause", ""), ("$due", due));
        await using var instance = SqliteBulk.Command(connection, """
            INSERT INTO "WorkflowInstances" ("DefinitionId","DefinitionVersion","SubjectType","SubjectId","State","StartedAt","UpdatedAt","EnteredStateAt","Steps","Revision")
            VALUES ('kpi-escalation',2,'Escalation',$id,'ContractManager',$due,$due,$due,1,0)
            """, ("$id", 0), ("$due", due));
        await using var timer = SqliteBulk.Command(connection, """INSERT INTO "WorkflowTimers" ("WorkflowInstanceId","State","Trigger","DueAt") VALUES ($id,'ContractManager','Escalate',$due)""", ("$id", 0), ("$due", due));
        for (var i = 1; i <= n; i++)
        {
            escalation.Parameters["$cause"].Value = $"bench-{i}";
            await escalation.ExecuteNonQueryAsync();
            instance.Parameters["$id"].Value = i;
            await instance.ExecuteNonQueryAsync();
            timer.Parameters["$id"].Value = i;
            await timer.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
