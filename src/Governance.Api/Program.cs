using Governance.Api.Features.Calendar;
using Governance.Api;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Api.Features.Idempotency;
using Governance.Api.Features.Attachments;
using Governance.Api.Features.Performance;
using Governance.Api.Features.Transparency;
using Governance.Api.Features.Transparency.Ocds;
using Governance.Api.Features.Workflows;
using Governance.Api.Infrastructure;
using Governance.Api.Infrastructure.Faults;
using Governance.Api.Jobs;
using Governance.Api.OData;
using Governance.Api.Portal;
using Microsoft.AspNetCore.OData;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false); // the server's name and version are nobody's business
builder.AddGovernanceLogging();
builder.AddGovernanceData();
builder.AddCouncilCalendar(); // the council's proclaimed one-off bank holidays, when it has imported newer ones
builder.AddGovernanceAuth();
builder.AddGovernanceWorkflows();
builder.AddGovernancePerformance();
builder.AddGovernanceDocuments();
builder.AddGovernanceJobs();
builder.AddGovernanceOData();
builder.AddGovernanceErrors();
builder.AddQueryTimeBound();
builder.AddGovernanceHealth();
builder.AddGovernanceApiReference();
builder.AddReverseProxy();
builder.AddGovernanceTelemetry();
builder.AddGovernancePortal();

var app = builder.Build();
var command = HostCommands.Command(args);
if (command is null || !HostCommands.IsReadOnly(command))
    await app.Services.InitialiseDatabaseAsync();
if (command is not null)
    return await HostCommands.RunAsync(app.Services, command, Console.Out);

app.WarnAboutMissingSettings();
app.UseReverseProxy(); // first: everything after sees the client's own address and scheme
app.UseRequestLogging(); // the line says what the client was finally answered
app.UseGovernanceSecurityHeaders();
app.UseAuthenticationChallenge(); // every 401 says how to authenticate
app.UseExceptionHandler();
app.UseErrorBodies();
app.UseRequestBodyLimit();
app.UseResponseSizeBound();
app.UseJsonBatchMarker();
app.UseODataBatching(); // before routing: each request in a batch then goes through routing and authorization like any other
app.UseBatchRequestScopes();
app.UseJsonBatchBodies(); // a download inside a JSON batch is refused, never written as raw bytes into JSON
app.UseCsvFormat(); // $format=csv or Accept: text/csv: the same rows as JSON, written as CSV; any other $format is a 400
app.UseNavigationPaths(); // before routing: Contracts(1)/Indicators is routed as Indicators filtered by ContractId; Measurements(1)/Indicator read through the measurement
app.UseRouting();
app.UseRequestTimeouts();
app.UseRateLimiter();
app.UseAuthentication();
app.UseSessionValidation();
app.UseAuthorization();
app.UseIdempotentWrites(); // after authorization: keys belong to the signed-in user, and a refused request claims none
app.MapGovernanceHealth();
app.MapGovernanceTelemetry();
app.MapGovernanceAuth();
app.MapAccessTokens();
app.MapAccountLifecycle();
app.MapGovernanceOData();
app.MapMeasurementImport();
app.MapAttachments();
app.MapTransparency();
app.MapOcds();
app.MapGovernanceApiReference();
app.MapGovernanceJobs();
app.MapGovernancePortal();
await app.CatchUpMissedWorkAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
