using System.Globalization;
using Governance.Api.Features.Workflows;
using Governance.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks.Workflows;

/// <summary>
/// Issue 19, point 10: firing N due timers across N escalation instances with the timer job, against the same writes
/// made as set-based SQL (with the audit entries sealed into the chain), in the same run and on the same data. Issue
/// 3's baseline, one UPDATE marking the timers fired, is still printed: it is what the target was first set against.
/// </summary>
internal static class TimerSweepBenchmark
{
    public static async Task RunAsync(TextWriter output, int[] sizes)
    {
        await output.WriteLineAsync("Timer sweep (issue 19, point 10): FireDueTimersJob against the same writes made as set-based SQL (SQLite), in the same run");
        await output.WriteLineAsync("Same writes: per fire the timer marked fired, the history row, the instance moved on, the next timer, the escalation's rung,");
        await output.WriteLineAsync("owner and deadline, two notifications, and one audit entry per changed row sealed into the hash chain; UPDATE: issue 3's mis-set baseline");
        await output.WriteLineAsync("instances | job | same writes | ratio | UPDATE only | job peak heap | same-writes peak heap");
        foreach (var n in sizes)
        {
            // A host sweeps every minute for months: its code is compiled and its queries are in EF's cache, which
            // belongs to the host. So the job's host first sweeps 3,000 other timers (three batches: until the JIT has compiled the hot paths fully), unmeasured (a warm-up run, as any
            // benchmark tool makes); the SQL baseline needs none.
            var job = await OnFreshDataAsync(n, async host =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                var fired = await scope.ServiceProvider.GetRequiredService<FireDueTimersJob>().RunAsync(CancellationToken.None);
                if (fired != n)
                    throw new InvalidOperationException($"The job fired {fired} of {n} timers.");
            }, warmUp: async host =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FireDueTimersJob>().RunAsync(CancellationToken.None);
            });
            var update = await OnFreshDataAsync(n, async host =>
            {
                await using var connection = new SqliteConnection(host.ConnectionString);
                await connection.OpenAsync();
                await using var command = SqliteBulk.Command(connection,
                    """UPDATE "WorkflowTimers" SET "FiredAt" = $now WHERE "FiredAt" IS NULL AND "CancelledAt" IS NULL AND "DueAt" <= $now""", ("$now", Stored(DateTime.UtcNow)));
                var updated = await command.ExecuteNonQueryAsync();
                if (updated != n)
                    throw new InvalidOperationException($"The UPDATE marked {updated} of {n} timers.");
            });
            var same = await OnFreshDataAsync(n, host => SameWritesAsync(host.ConnectionString, n));

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{n,9} | {job.Elapsed.TotalMilliseconds,8:F0} ms | {same.Elapsed.TotalMilliseconds,8:F0} ms | {job.Elapsed / same.Elapsed,5:F2}x | {update.Elapsed.TotalMilliseconds,7:F1} ms | {Measure.Mb(job.PeakHeapBytes),10} | {Measure.Mb(same.PeakHeapBytes)}"));
        }
    }

    /// <summary>Measures one side on its own host, filled with the same N due timers as the others.</summary>
    private static async Task<Measure.Result> OnFreshDataAsync(int n, Func<BenchmarkHost, Task> work, Func<BenchmarkHost, Task>? warmUp = null)
    {
        const int WarmUpTimers = 3_000;
        await using var host = BenchmarkHost.Start();
        var first = 1;
        if (warmUp is not null)
        {
            await FillAsync(host.ConnectionString, WarmUpTimers, first);
            await warmUp(host);
            first += WarmUpTimers;
        }

        await FillAsync(host.ConnectionString, n, first);
        return await Measure.RunAsync(() => work(host));
    }

    /// <summary>An instant as EF Core stores it in SQLite, so that SQL written here compares with the rows EF wrote.</summary>
    private static string Stored(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>
    /// Each row the job writes for one fire of Escalate (contract manager to head of service), for every due timer at
    /// once, as set-based SQL: the timer marked fired, the history row, the instance moved on, the head of service's
    /// timer, the escalation's level, owner and respond-by, the two notifications; then one audit entry per changed
    /// row, its image read back by SQL and sealed into the chain here (SQL has no HMAC), all in one transaction.
    /// </summary>
    private static async Task SameWritesAsync(string connectionString, int n)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow;
        var fired = Stored(now);
        var nextDue = Stored(now.AddDays(14));
        const string FiredNow = """FROM "WorkflowTimers" AS "t" JOIN "WorkflowInstances" AS "i" ON "i"."Id" = "t"."WorkflowInstanceId" WHERE "t"."FiredAt" = $now""";
        const string Notification = """
            INSERT INTO "Notifications" ("RecipientRole","RecipientUser","Subject","Body","Link","SubjectType","SubjectId","IdempotencyKey","CreatedAt","Attempts","NextAttemptAt","Failed","InterruptedSends")
              SELECT $role, NULL, $subject || ': escalation ' || "i"."SubjectId" || ' on Benchmark contract', $body, '/odata/Escalations(' || "i"."SubjectId" || ')', 'Escalation', "i"."SubjectId",
                     'workflow:kpi-escalation:Escalation:' || "i"."SubjectId" || ':' || "i"."Steps" || ':notify:' || $role, $now, 0, $now, 0, 0
            """;
        await using (var head = SqliteBulk.Command(connection, """UPDATE "AuditChainHeads" SET "Sequence" = "Sequence" WHERE "Id" = 1"""))
            await head.ExecuteNonQueryAsync();
        await using (var command = SqliteBulk.Command(connection, $"""
            UPDATE "WorkflowTimers" SET "FiredAt" = $now, "Outcome" = 'fired: ContractManager to HeadOfService'
              WHERE "FiredAt" IS NULL AND "CancelledAt" IS NULL AND "DueAt" <= $now;
            INSERT INTO "WorkflowTransitions" ("WorkflowInstanceId","Sequence","From","To","Trigger","Actor","At","Comment","GuardResults")
              SELECT "i"."Id", "i"."Steps" + 1, "i"."State", 'HeadOfService', 'Escalate', 'system:timer', $now, 'Timer due ' || "t"."DueAt", $guards {FiredNow};
            {Notification.Replace("$role", "'HeadOfService'", StringComparison.Ordinal).Replace("$subject", "'KPI slip escalated to you'", StringComparison.Ordinal).Replace("$body", "'No response within 10 working days: the slip is now with the head of service.'", StringComparison.Ordinal)} {FiredNow};
            {Notification.Replace("$role", "'ContractManager'", StringComparison.Ordinal).Replace("$subject", "'KPI slip escalated to the head of service'", StringComparison.Ordinal).Replace("$body", "'No response within 10 working days: the slip is now with the head of service.'", StringComparison.Ordinal)} {FiredNow};
            UPDATE "WorkflowInstances" SET "State" = 'HeadOfService', "Steps" = "Steps" + 1, "UpdatedAt" = $now, "EnteredStateAt" = $now, "Revision" = "Revision" + 1
              WHERE "Id" IN (SELECT "WorkflowInstanceId" FROM "WorkflowTimers" WHERE "FiredAt" = $now);
            INSERT INTO "WorkflowTimers" ("WorkflowInstanceId","State","Trigger","DueAt")
              SELECT "t"."WorkflowInstanceId", 'HeadOfService', 'Escalate', $next {FiredNow};
            UPDATE "Escalations" SET "Level" = 'HeadOfService', "Owner" = 'Head of service', "RespondBy" = $next, "Revision" = "Revision" + 1
              WHERE "Id" IN (SELECT "i"."SubjectId" {FiredNow});
            """, ("$now", fired), ("$next", nextDue), ("$guards", "{}")))
            await command.ExecuteNonQueryAsync();

        var written = await SealAuditAsync(connection, fired, now);
        if (written != 7 * n)
            throw new InvalidOperationException($"The same writes sealed {written} audit entries, not {7 * n}.");
        await transaction.CommitAsync();
    }

    /// <summary>Reads back every row the set-based writes changed, as the audit images the job records, and appends them to the chain.</summary>
    private static async Task<int> SealAuditAsync(SqliteConnection connection, string fired, DateTime now)
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        string previous;
        long sequence;
        await using (var head = SqliteBulk.Command(connection, """SELECT "Sequence", "LastHash" FROM "AuditChainHeads" WHERE "Id" = 1"""))
        await using (var reader = await head.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (sequence, previous) = (reader.GetInt64(0), reader.GetString(1));
        }

        await using var images = SqliteBulk.Command(connection, """
            SELECT 'WorkflowTimer', "Id", 'Updated', json_object('FiredAt', NULL, 'Outcome', NULL), json_object('FiredAt', "FiredAt", 'Outcome', "Outcome")
              FROM "WorkflowTimers" WHERE "FiredAt" = $now
            UNION ALL SELECT 'WorkflowTransition', "Id", 'Created', NULL, json_object('Actor', "Actor", 'At', "At", 'Comment', "Comment", 'From', "From", 'GuardResults', "GuardResults",
                'Sequence', "Sequence", 'To', "To", 'Trigger', "Trigger", 'WorkflowInstanceId', "WorkflowInstanceId")
              FROM "WorkflowTransitions" WHERE "At" = $now
            UNION ALL SELECT 'WorkflowInstance', "Id", 'Updated', json_object('EnteredStateAt', "StartedAt", 'Revision', "Revision" - 1, 'State', 'ContractManager', 'Steps', "Steps" - 1, 'UpdatedAt', "StartedAt"),
                json_object('EnteredStateAt', "EnteredStateAt", 'Revision', "Revision", 'State', "State", 'Steps', "Steps", 'UpdatedAt', "UpdatedAt")
              FROM "WorkflowInstances" WHERE "UpdatedAt" = $now
            UNION ALL SELECT 'WorkflowTimer', "Id", 'Created', NULL, json_object('DueAt', "DueAt", 'State', "State", 'Trigger', "Trigger", 'WorkflowInstanceId', "WorkflowInstanceId")
              FROM "WorkflowTimers" WHERE "State" = 'HeadOfService' AND "FiredAt" IS NULL
            UNION ALL SELECT 'Escalation', "Id", 'Updated', json_object('Level', 'ContractManager', 'Owner', NULL, 'RespondBy', "OpenedAt", 'Revision', "Revision" - 1),
                json_object('Level', "Level", 'Owner', "Owner", 'RespondBy', "RespondBy", 'Revision', "Revision")
              FROM "Escalations" WHERE "Level" = 'HeadOfService'
            UNION ALL SELECT 'Notification', "Id", 'Created', NULL, json_object('Body', "Body", 'CreatedAt', "CreatedAt", 'IdempotencyKey', "IdempotencyKey", 'Link', "Link",
                'NextAttemptAt', "NextAttemptAt", 'RecipientRole', "RecipientRole", 'Subject', "Subject", 'SubjectId', "SubjectId", 'SubjectType', "SubjectType")
              FROM "Notifications" WHERE "CreatedAt" = $now
            """, ("$now", fired));
        await using var insert = SqliteBulk.Command(connection, """
            INSERT INTO "AuditEntries" ("Sequence","Actor","OccurredAt","EntityType","EntityKey","Operation","Before","After","PreviousHash","Hash")
            VALUES ($sequence, 'system:timer', $at, $type, $key, $operation, $before, $after, $previous, $hash)
            """, ("$sequence", 0L), ("$at", fired), ("$type", ""), ("$key", ""), ("$operation", ""), ("$before", DBNull.Value), ("$after", DBNull.Value), ("$previous", ""), ("$hash", ""));
        var occurred = Governance.Domain.Audit.AuditChain.Truncate(now);
        var written = 0;
        await using (var reader = await images.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var entry = new Governance.Domain.Audit.AuditEntry
                {
                    Actor = "system:timer", OccurredAt = occurred, EntityType = reader.GetString(0), EntityKey = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
                    Operation = Enum.Parse<Governance.Domain.Audit.AuditOperation>(reader.GetString(2)),
                    Before = reader.IsDBNull(3) ? null : reader.GetString(3), After = reader.GetString(4),
                };
                Governance.Domain.Audit.AuditChain.Seal(entry, ++sequence, previous, key);
                previous = entry.Hash;
                insert.Parameters["$sequence"].Value = entry.Sequence;
                insert.Parameters["$type"].Value = entry.EntityType;
                insert.Parameters["$key"].Value = entry.EntityKey;
                insert.Parameters["$operation"].Value = entry.Operation.ToString();
                insert.Parameters["$before"].Value = (object?)entry.Before ?? DBNull.Value;
                insert.Parameters["$after"].Value = entry.After!;
                insert.Parameters["$previous"].Value = entry.PreviousHash;
                insert.Parameters["$hash"].Value = entry.Hash;
                await insert.ExecuteNonQueryAsync();
                written++;
            }
        }

        await using var move = SqliteBulk.Command(connection, """UPDATE "AuditChainHeads" SET "Sequence" = $sequence, "LastHash" = $hash WHERE "Id" = 1""", ("$sequence", sequence), ("$hash", previous));
        await move.ExecuteNonQueryAsync();
        return written;
    }

    /// <summary>The version of kpi-escalation the host loaded: instances start on it.</summary>
    private static async Task<int> CurrentVersionAsync(SqliteConnection connection)
    {
        await using var command = SqliteBulk.Command(connection, """SELECT MAX("Version") FROM "WorkflowDefinitionRecord" WHERE "DefinitionId" = 'kpi-escalation'""");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// N escalations on one contract, each with a kpi-escalation instance at contract-manager level and a timer due an
    /// hour ago; the first call (<paramref name="first"/> 1) also makes the contract.
    /// </summary>
    private static async Task FillAsync(string connectionString, int n, int first = 1)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var due = Stored(DateTime.UtcNow.AddHours(-1));
        if (first == 1)
            await SqliteBulk.ExecuteAsync(connection, """
            INSERT INTO "Departments" ("Code","Name","Revision") VALUES ('BENCH','Benchmark department',0);
            INSERT INTO "Suppliers" ("Name","IsSme","IsVcse","Revision") VALUES ('Benchmark supplier',0,0,0);
            INSERT INTO "Contracts" ("Reference","Title","SupplierId","DepartmentId","TotalValue","AnnualValue","IrrecoverableVat","StartOn","EndOn","Status","Revision")
              VALUES ('BENCH-1','Benchmark contract',1,1,'1000000','100000','0','2020-01-01','2030-01-01','Active',0);
            """);
        await using var escalation = SqliteBulk.Command(connection, """INSERT INTO "Escalations" ("ContractId","Cause","Level","Status","OpenedAt","RespondBy","Revision") VALUES (1,$cause,'ContractManager','Open',$due,$due,0)""", ("$cause", ""), ("$due", due));
        await using var instance = SqliteBulk.Command(connection, """
            INSERT INTO "WorkflowInstances" ("DefinitionId","DefinitionVersion","SubjectType","SubjectId","State","StartedAt","UpdatedAt","EnteredStateAt","Steps","Revision")
            VALUES ('kpi-escalation',$version,'Escalation',$id,'ContractManager',$due,$due,$due,1,0)
            """, ("$id", 0), ("$due", due), ("$version", await CurrentVersionAsync(connection)));
        await using var timer = SqliteBulk.Command(connection, """INSERT INTO "WorkflowTimers" ("WorkflowInstanceId","State","Trigger","DueAt") VALUES ($id,'ContractManager','Escalate',$due)""", ("$id", 0), ("$due", due));
        for (var i = first; i < first + n; i++)
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
