using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.OData;

/// <summary>
/// A change set (a JSON atomicity group or a multipart changeset) is all or nothing: one failure, whether a stale
/// ETag or a refusal, leaves every other change of the set unsaved, and the failure is reported for the request that
/// failed.
/// </summary>
public sealed class AtomicBatchTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Id, string ETag)> SupplierAsync(HttpClient officer)
    {
        var created = await CreatedAsync(officer, "/odata/Suppliers", new { Name = $"Atomic {Guid.NewGuid():N}", IsSme = true, IsVcse = false });
        return (created.GetProperty("Id").GetInt32(), created.ETag());
    }

    private static string Patch(string id, int supplier, string etag, string email) =>
        $"{{\"id\":\"{id}\",\"atomicityGroup\":\"g1\",\"method\":\"PATCH\",\"url\":\"/odata/Suppliers({supplier})\","
        + $"\"headers\":{{\"Content-Type\":\"application/json\",\"If-Match\":{JsonSerializer.Serialize(etag)}}},\"body\":{{\"ContactEmail\":\"{email}\"}}}}";

    private static async Task<string?> EmailAsync(HttpClient client, int supplier) =>
        (await client.GetJsonAsync($"/odata/Suppliers({supplier})")).GetProperty("ContactEmail").GetString();

    private static async Task<JsonElement[]> SendAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("/odata/$batch", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("responses").EnumerateArray().Select(r => r.Clone())];
    }

    private static int Status(JsonElement[] responses, string id) => responses.Single(r => r.GetProperty("id").GetString() == id).GetProperty("status").GetInt32();

    [Fact]
    public async Task AJsonAtomicityGroup_WithOneStaleChange_SavesNothing_AndWithNone_SavesAll()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var (a, etagA) = await SupplierAsync(officer);
        var (b, etagB) = await SupplierAsync(officer);

        var failed = await SendAsync(officer, $"{{\"requests\":[{Patch("1", a, etagA, "first@a.example")},{Patch("2", b, "W/\"OTk5\"", "second@b.example")}]}}");
        Assert.Equal(412, Status(failed, "2"));
        Assert.DoesNotContain(failed, r => r.GetProperty("status").GetInt32() is >= 200 and < 300);
        Assert.Null(await EmailAsync(officer, a)); // the valid change was not saved either
        Assert.Null(await EmailAsync(officer, b));

        var saved = await SendAsync(officer, $"{{\"requests\":[{Patch("1", a, etagA, "first@a.example")},{Patch("2", b, etagB, "second@b.example")}]}}");
        Assert.All(saved, r => Assert.InRange(r.GetProperty("status").GetInt32(), 200, 299));
        Assert.Equal("first@a.example", await EmailAsync(officer, a));
        Assert.Equal("second@b.example", await EmailAsync(officer, b));
    }

    [Fact]
    public async Task AGroupWithARefusedChange_SavesNothing_ReportsTheRefusal_AndReadsInsideAGroupWork()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var (a, etagA) = await SupplierAsync(officer);
        var department = (await officer.GetJsonAsync("/odata/Departments(1)")).ETag();
        var refused = $"{{\"id\":\"2\",\"atomicityGroup\":\"g1\",\"method\":\"PATCH\",\"url\":\"/odata/Departments(1)\",\"headers\":{{\"Content-Type\":\"application/json\",\"If-Match\":{JsonSerializer.Serialize(department)}}},\"body\":{{\"Director\":\"Someone else\"}}}}";
        var responses = await SendAsync(officer, $"{{\"requests\":[{Patch("1", a, etagA, "kept@out.example")},{refused}]}}");
        Assert.Equal(403, Status(responses, "2")); // the refusal is the department's, not the supplier's
        Assert.Null(await EmailAsync(officer, a));

        var read = await SendAsync(officer, $"{{\"requests\":[{Patch("1", a, etagA, "read@back.example")},{{\"id\":\"2\",\"atomicityGroup\":\"g1\",\"method\":\"GET\",\"url\":\"/odata/Suppliers({a})\"}}]}}");
        Assert.Equal(200, Status(read, "2"));
        Assert.Equal("read@back.example", read.Single(r => r.GetProperty("id").GetString() == "2").GetProperty("body").GetProperty("ContactEmail").GetString());
        Assert.Equal("read@back.example", await EmailAsync(officer, a));
    }

    [Fact]
    public async Task ACreateThatOpensItsOwnTransaction_JoinsTheGroups_AndIsUndoneWithIt()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var (a, _) = await SupplierAsync(officer);
        var question = $"Atomic question {Guid.NewGuid():N}";
        var ask = $"{{\"id\":\"1\",\"atomicityGroup\":\"g1\",\"method\":\"POST\",\"url\":\"/odata/ScrutinyQuestions\",\"headers\":{{\"Content-Type\":\"application/json\"}},\"body\":{{\"Question\":\"{question}\",\"ContractId\":1}}}}";
        var refused = Patch("2", a, "W/\"MA==\"", "not@mine.example"); // a councillor may not change suppliers
        var responses = await SendAsync(councillor, $"{{\"requests\":[{ask},{refused}]}}");
        Assert.Equal(403, Status(responses, "2"));
        Assert.Equal(0, (await councillor.GetJsonAsync($"/odata/ScrutinyQuestions?$filter=Question eq '{question}'")).Count());

        var alone = await SendAsync(councillor, $"{{\"requests\":[{ask}]}}");
        Assert.Equal(201, Status(alone, "1"));
        Assert.Equal(1, (await councillor.GetJsonAsync($"/odata/ScrutinyQuestions?$filter=Question eq '{question}'")).Count());
    }

    [Fact]
    public async Task AMultipartChangeset_WithOneStaleChange_SavesNothing()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var (a, etagA) = await SupplierAsync(officer);
        var (b, _) = await SupplierAsync(officer);
        string Part(int id, int supplier, string etag, string email) =>
            $"--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: {id}\r\n\r\n"
            + $"PATCH /odata/Suppliers({supplier}) HTTP/1.1\r\nContent-Type: application/json\r\nIf-Match: {etag}\r\n\r\n{{\"ContactEmail\":\"{email}\"}}\r\n";
        var payload = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n"
            + Part(1, a, etagA, "multi@a.example") + Part(2, b, "W/\"OTk5\"", "multi@b.example") + "--changeset_1--\r\n--batch_1--\r\n";
        using var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_1");
        using var response = await officer.PostAsync("/odata/$batch", content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HTTP/1.1 412", body, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP/1.1 204", body, StringComparison.Ordinal);
        Assert.Null(await EmailAsync(officer, a));
        Assert.Null(await EmailAsync(officer, b));
    }
}

/// <summary>The JSON batch format is OData 4.01: a client that speaks 4.0 gets its multipart batch answered in multipart, whatever else it accepts.</summary>
public sealed class BatchFormatTests(SqliteApp app)
{
    [Fact]
    public async Task AMultipartBatchFromA40Client_IsAnsweredInMultipart()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var payload = "--batch_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET /odata/Departments?$top=1 HTTP/1.1\r\nAccept: application/json\r\n\r\n\r\n--batch_1--\r\n";
        using var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/odata/$batch") { Content = content };
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await councillor.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/mixed", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HTTP/1.1 200", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadInAJsonBatch_IsRefusedWith400_AndInAMultipartBatchArrivesWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var (pdf, generated) = await Documents.CommitteePaperApiTests.GenerateAsync(dso, "/odata/AgendaItems(1)/Governance.GeneratePaper", new { Part = "A" });
        var id = generated.Headers.GetValues("X-Document-Id").Single();
        var download = $"/odata/PublishedDocuments({id})/Governance.Download()";

        using var json = await dso.PostAsync("/odata/$batch", new StringContent($"{{\"requests\":[{{\"id\":\"1\",\"method\":\"GET\",\"url\":\"{download}\"}}]}}", Encoding.UTF8, "application/json"), ct);
        var body = await json.Content.ReadAsStringAsync(ct);
        var answer = JsonDocument.Parse(body).RootElement.GetProperty("responses")[0]; // parses: no raw bytes in it
        Assert.Equal(400, answer.GetProperty("status").GetInt32());
        Assert.Contains("download-in-json-batch", body, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", body, StringComparison.Ordinal);

        var payload = $"--batch_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET {download} HTTP/1.1\r\n\r\n\r\n--batch_1--\r\n";
        using var content = new StringContent(payload, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_1");
        using var multipart = await dso.PostAsync("/odata/$batch", content, ct);
        var bytes = await multipart.Content.ReadAsByteArrayAsync(ct);
        Assert.Contains("HTTP/1.1 200", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("%PDF", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.Length > pdf.Length, "the whole file is in the multipart answer");
    }
}
