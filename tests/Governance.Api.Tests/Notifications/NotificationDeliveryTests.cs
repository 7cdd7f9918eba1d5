using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Api.Tests.Notifications;

/// <summary>The outbox on a database of its own, so that only this class's notifications are pending.</summary>
public sealed class NotificationDeliveryTests(IsolatedSqliteApp app) : IClassFixture<IsolatedSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records what it sends; fails the first sends of one notification (by subject) when asked.</summary>
    private sealed class RecordingSender(string? failSubject = null, int failuresFirst = 0) : INotificationSender
    {
        private int failuresLeft = failuresFirst;

        public List<OutgoingMessage> Sent { get; } = [];

        public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            await Task.Delay(20, ct); // long enough for a competing run to try the same row
            if (message.Subject == failSubject && Interlocked.Decrement(ref failuresLeft) >= 0)
                throw new InvalidOperationException("SMTP server refused the connection");
            lock (Sent)
                Sent.Add(message);
        }
    }

    private async Task<string> AddAsync(string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var key = $"test:{Guid.NewGuid():N}";
        await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().AddAsync(key, role, null, key, "Body", "/odata/Contracts(1)", ("Contract", 1), Ct);
        await scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().SaveChangesAsync(Ct);
        return key;
    }

    private async Task<int> DeliverAsync(INotificationSender sender, DateTime utc)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<DeliverNotificationsJob>(scope.ServiceProvider, sender, new FakeTimeProvider(new DateTimeOffset(utc, TimeSpan.Zero))).RunAsync(Ct);
    }

    private async Task<Notification> ReadAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.IdempotencyKey == key, Ct);
    }

    [Fact]
    public async Task Delivery_ToARole_ReachesEveryAccountWithIt_AndTwoRunsSendItOnce()
    {
        var key = await AddAsync("ContractManager");
        var sender = new RecordingSender();
        var now = DateTime.UtcNow.AddMinutes(1);
        await Task.WhenAll(DeliverAsync(sender, now), DeliverAsync(sender, now), DeliverAsync(sender, now));
        await DeliverAsync(sender, now.AddHours(1));

        var sent = Assert.Single(sender.Sent, s => s.Subject == key);
        Assert.Equal("contractmanager@demo.local", sent.To);
        Assert.Equal("http://localhost:5080/work/contracts/1", sent.Link); // the record's page at the public base address
        Assert.NotNull((await ReadAsync(key)).DeliveredAt);
    }

    [Fact]
    public async Task Delivery_Failing_RetriesWithBackoffThenSucceeds()
    {
        var key = await AddAsync("Councillor");
        var sender = new RecordingSender(key, failuresFirst: 2);
        var start = DateTime.UtcNow.AddMinutes(1);

        await DeliverAsync(sender, start);
        var afterFirst = await ReadAsync(key);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("refused", afterFirst.LastError, StringComparison.Ordinal);
        Assert.Equal(start + DeliverNotificationsJob.Backoff(1), afterFirst.NextAttemptAt);

        await DeliverAsync(sender, start.AddSeconds(30)); // not due again yet
        Assert.Equal(1, (await ReadAsync(key)).Attempts);

        await DeliverAsync(sender, afterFirst.NextAttemptAt);
        var afterSecond = await ReadAsync(key);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.Equal(TimeSpan.FromMinutes(2), DeliverNotificationsJob.Backoff(2));

        await DeliverAsync(sender, afterSecond.NextAttemptAt);
        var delivered = await ReadAsync(key);
        Assert.NotNull(delivered.DeliveredAt);
        Assert.Null(delivered.LastError);
        Assert.Single(sender.Sent, s => s.Subject == key);
    }

    [Fact]
    public async Task Delivery_FailingEveryTime_StopsAfterMaxAttemptsAndKeepsTheRow()
    {
        var key = await AddAsync("UnionRepresentative");
        var sender = new RecordingSender(key, failuresFirst: 100);
        var at = DateTime.UtcNow.AddMinutes(1);
        for (var i = 0; i < DeliverNotificationsJob.MaxAttempts + 2; i++)
        {
            await DeliverAsync(sender, at);
            at = (await ReadAsync(key)).NextAttemptAt.AddSeconds(1);
        }

        var failed = await ReadAsync(key);
        Assert.True(failed.Failed);
        Assert.Equal(DeliverNotificationsJob.MaxAttempts, failed.Attempts);
        Assert.Null(failed.DeliveredAt);
    }

    [Fact]
    public async Task Outbox_SameKeyTwice_WritesOneRow()
    {
        var key = await AddAsync("ContractManager");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().AddAsync(key, "ContractManager", null, "Again", "Body", null, null, Ct);
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        await db.SaveChangesAsync(Ct);
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.IdempotencyKey == key, Ct));
    }

    [Fact]
    public async Task Notifications_EachUserReadsOnlyTheirOwn()
    {
        var key = await AddAsync("StatutoryOfficer");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        using var councillor = await app.ClientForAsync("Councillor");
        Assert.Equal(1, (await statutory.GetJsonAsync($"/odata/Notifications?$filter=IdempotencyKey eq '{key}'")).Count());
        Assert.Equal(0, (await councillor.GetJsonAsync($"/odata/Notifications?$filter=IdempotencyKey eq '{key}'")).Count());
    }

    [Fact]
    public async Task ASendInterruptedByACrash_IsCountedAndSentAgainWithTheSameMessageId()
    {
        var key = await AddAsync("Councillor");
        var sender = new RecordingSender();
        var now = DateTime.UtcNow.AddMinutes(1);
        await DeliverAsync(sender, now);
        var first = Assert.Single(sender.Sent, s => s.Subject == key);

        // The host died after handing the message to SMTP and before recording it: the row is still marked as being sent.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().Notifications.Where(n => n.IdempotencyKey == key)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DeliveredAt, (DateTime?)null).SetProperty(n => n.SendingStartedAt, now), Ct);
        }

        await DeliverAsync(sender, now.AddMinutes(1));
        var sends = sender.Sent.Where(s => s.Subject == key).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(first.MessageId, sends[1].MessageId);
        Assert.StartsWith("notification-", first.MessageId, StringComparison.Ordinal);
        var row = await ReadAsync(key);
        Assert.Equal(1, row.InterruptedSends);
        Assert.Null(row.SendingStartedAt);
        Assert.NotNull(row.DeliveredAt);
    }

    [Fact]
    public async Task ARowIsMarkedAsBeingSent_BeforeTheSenderIsCalled()
    {
        var key = await AddAsync("Councillor");
        DateTime? markedWhileSending = null;
        var sender = new CallbackSender(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            markedWhileSending = (await scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().Notifications.AsNoTracking()
                .SingleAsync(n => n.IdempotencyKey == key, Ct)).SendingStartedAt;
        }, key);
        await DeliverAsync(sender, DateTime.UtcNow.AddMinutes(1));
        Assert.NotNull(markedWhileSending);
        Assert.Null((await ReadAsync(key)).SendingStartedAt);
    }

    private sealed class CallbackSender(Func<Task> callback, string subject) : INotificationSender
    {
        public Task SendAsync(OutgoingMessage message, CancellationToken ct) => message.Subject == subject ? callback() : Task.CompletedTask;
    }
}
