using System.Net;
using System.Net.Http.Json;
using Governance.Api.Data;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Platform;

/// <summary>
/// A client that lost an answer retries with the same Idempotency-Key: it gets the first answer and nothing is written
/// twice, even when the host died between saving and answering.
/// </summary>
public sealed class IdempotencyTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> AddKpiAsync(HttpClient client, int contract, string name, string key, decimal target = 95)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/odata/Indicators")
        {
            Content = JsonContent.Create(new
            {
                ContractId = contract, Code = $"K-{name}"[..Math.Min(12, name.Length + 2)], Name = name, Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
                Target = target, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }

    private static async Task<int> CountAsync(HttpClient client, int contract, string name) =>
        (await client.GetJsonAsync($"/odata/Indicators?$filter=ContractId eq {contract} and Name eq '{name}'&$count=true")).GetProperty("@odata.count").GetInt32();

    private async Task UpdateRowAsync(string key, Func<IQueryable<Api.Features.Idempotency.IdempotentRequest>, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().IdempotentRequests.Where(r => r.Key == key));
    }

    [Fact]
    public async Task ARetryWithTheSameKey_ReplaysTheFirstAnswer_AndWritesNothing()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var key = Guid.NewGuid().ToString();
        using var first = await AddKpiAsync(manager, contract, "Replayed", key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);

        using var again = await AddKpiAsync(manager, contract, "Replayed", key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await CountAsync(manager, contract, "Replayed"));

        // Another request under the same key is refused; another user's same key is theirs alone.
        using var other = await AddKpiAsync(manager, contract, "Replayed", key, target: 90);
        Assert.Equal((HttpStatusCode)422, other.StatusCode);
        Assert.Contains("idempotency-key-reused", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var administrator = await app.ClientForAsync("Administrator");
        using var theirs = await AddKpiAsync(administrator, contract, "Replayed", key);
        Assert.NotEqual("true", theirs.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed.Single() : null);
    }

    [Fact]
    public async Task TheAnswerLostAfterTheSave_IsNeverWrittenAgain_AndAClaimAbandonedBeforeAnySave_IsTakenOver()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var key = Guid.NewGuid().ToString();
        using (var first = await AddKpiAsync(manager, contract, "Lost answer", key))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // The host was killed after the write's transaction committed (which marked the key applied) and before the
        // answer was stored.
        await UpdateRowAsync(key, rows => rows.ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, (int?)null).SetProperty(r => r.Body, (string?)null), Ct));
        using (var retry = await AddKpiAsync(manager, contract, "Lost answer", key))
        {
            Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
            Assert.Contains("was saved at", await retry.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(1, await CountAsync(manager, contract, "Lost answer"));

        // A host killed before saving leaves a claim without a save: once the claim lapses a retry runs the request.
        await UpdateRowAsync(key, rows => rows.ExecuteUpdateAsync(u => u.SetProperty(r => r.AppliedAt, (DateTime?)null).SetProperty(r => r.ClaimedUntil, DateTime.UtcNow.AddMinutes(-1)), Ct));
        using (var takenOver = await AddKpiAsync(manager, contract, "Lost answer", key))
            Assert.Equal(HttpStatusCode.Created, takenOver.StatusCode);
        Assert.Equal(2, await CountAsync(manager, contract, "Lost answer")); // the faked "not saved" made it write: proof that it ran
    }

    [Fact]
    public async Task TheSameKeySentTwiceAtOnce_WritesOnce()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AddKpiAsync(manager, contract, "At once", key)));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Equal(1, await CountAsync(manager, contract, "At once"));
        foreach (var answer in answers)
            answer.Dispose();
    }

    [Fact]
    public async Task ARefusedWrite_FreesItsKey_AndAMalformedKeyIsRefused()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var key = Guid.NewGuid().ToString();
        using (var refused = await AddKpiAsync(manager, 999999, "No contract", key))
            Assert.True((int)refused.StatusCode is >= 400 and < 500, refused.StatusCode.ToString());
        using (var bad = await AddKpiAsync(manager, 1, "Bad key", new string('x', 201)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("idempotency-key-invalid", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Had the refused request kept the key, this different request would be refused as a reuse (422).
        var contract = await ContractAsync(manager);
        using var keyed = await AddKpiAsync(manager, contract, "Keyed", key);
        Assert.True(keyed.StatusCode == HttpStatusCode.Created, await keyed.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AKeyInsideAnAtomicityGroup_IsRefused_AndTheGroupSavesNothing()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var supplier = (await TenderApi.CreatedAsync(officer, "/odata/Suppliers", new { Name = $"Keyed {Guid.NewGuid():N}", IsSme = true, IsVcse = false })).GetProperty("Id").GetInt32();
        var batch = $$$"""
            {"requests":[{"id":"1","atomicityGroup":"g1","method":"PATCH","url":"/odata/Suppliers({{{supplier}}})",
              "headers":{"Content-Type":"application/json","If-Match":"*","Idempotency-Key":"{{{Guid.NewGuid()}}}"},"body":{"ContactEmail":"keyed@supplier.example"}}]}
            """;
        using var response = await officer.PostAsync("/odata/$batch", new StringContent(batch, System.Text.Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("idempotency-key-in-atomicity-group", body, StringComparison.Ordinal);
        Assert.Null((await officer.GetJsonAsync($"/odata/Suppliers({supplier})")).GetProperty("ContactEmail").GetString());
    }
}
