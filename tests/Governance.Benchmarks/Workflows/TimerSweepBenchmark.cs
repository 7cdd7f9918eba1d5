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
        await output.WriteLineAsync("instances | job | baseline UPDATE | ratio | job peak heap | baseline peak heap");
        foreach (var n in sizes)
        {
            Measure.Result job, baseline;
            await using (var host = BenchmarkHost.Start())
            {
                await FillAsync(host.ConnectionString, n);
                job = await Measure.RunAsync(async () =>
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    var fired = await scope.ServiceProvider.GetRequiredService<FireDueTimersJob>().RunAsync(CancellationToken.None);
                    if (fired != n)
                        throw new InvalidOperationException($"The job fired {fired} of {n} timers.");
                });
            }

            await using (var host = BenchmarkHost.Start())
            {
                await FillAsync(host.ConnectionString, n);
                baseline = await Measure.RunAsync(async () =>
                {
                    await using var connection = new SqliteConnection(host.ConnectionString);
                    await connection.OpenAsync();
                    await using var update = connection.CreateCommand();
                    update.CommandText = """UPDATE "WorkflowTimers" SET "FiredAt" = $now WHERE "FiredAt" IS NULL AND "CancelledAt" IS NULL AND "DueAt" <= $now""";
                    update.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                    var updated = await update.ExecuteNonQueryAsync();
                    if (updated != n)
                        throw new InvalidOperationException($"The baseline updated {updated} of {n} timers.");
                });
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{n,9} | {job.Elapsed.TotalMilliseconds,8:F0} ms | {baseline.Elapsed.TotalMilliseconds,8:F1} ms | {job.Elapsed / baseline.Elapsed,7:F1}x | {Measure.Mb(job.PeakHeapBytes),10} | {Measure.Mb(baseline.PeakHeapBytes)}"));
        }
    }

    /// <summary>N escalations on one contract, each with a kpi-escalation instance at contract-manager level and a timer due an hour ago.</summary>
    private static async Task FillAsync(string connectionString, int n)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var due = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
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
