using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Governance.Api.Tests.Platform;

/// <summary>
/// The OpenAPI description is read back by OpenAPI.NET's reader and checked with its validation rules (no error, no
/// warning), and by stricter rules of ours: every operation has a unique id, a success answer and, where the answer
/// has a body, its schema; every action and function of the EDM is described; every reference resolves.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApp app)
{
    private async Task<string> DocumentAsync()
    {
        using var client = app.CreateClient();
        return await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheDocument_ReadsAndValidates_WithoutErrorOrWarning()
    {
        var text = await DocumentAsync();
        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Empty(read.Diagnostic?.Warnings ?? []);
        var errors = read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? [];
        Assert.Empty(errors.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public async Task EveryOperation_HasItsSuccessBodyDescribed_AndEveryActionAndFunctionIsThere()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var problems = new List<string>();
        var operations = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var where = $"{operation.Name} {path.Name}";
                var responses = operation.Value.GetProperty("responses");
                var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                if (success.Count == 0)
                    problems.Add($"{where}: no success answer");
                foreach (var answer in success.Where(r => r.Name != "204"))
                {
                    if (!answer.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)))
                        problems.Add($"{where}: {answer.Name} without a body schema");
                }

                foreach (var template in System.Text.RegularExpressions.Regex.Matches(path.Name, @"\{(\w+)\}").Select(m => m.Groups[1].Value))
                {
                    if (!operation.Value.TryGetProperty("parameters", out var parameters) || !parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == template))
                        problems.Add($"{where}: path parameter {template} not declared");
                }
            }
        }

        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(root.GetRawText(), "\"\\$ref\":\\s*\"#/components/schemas/([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            if (!schemas.TryGetProperty(reference, out _))
                problems.Add($"unresolved reference {reference}");
        }

        Assert.Empty(problems);
        Assert.True(operations > 250, $"{operations} operations");
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/odata/Contracts({key})/Governance.Terminate", paths);
        Assert.Contains("/odata/Procurements({key})/Governance.Ranking(stage={stage})", paths);
        Assert.Contains("/odata/Suppliers/Governance.Dependency()", paths);
        var ranking = root.GetProperty("paths").GetProperty("/odata/Procurements({key})/Governance.Ranking(stage={stage})").GetProperty("get");
        Assert.Equal("Procurements_Ranking", ranking.GetProperty("operationId").GetString());
    }
}
