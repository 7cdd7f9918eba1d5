using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Attachments;

/// <summary>
/// Issue 21's attachments: stored by hash and never overwritten, size-limited, type-checked against their bytes, and as
/// confidential as their record: a bid's file is its bidder's and, once the bids are opened, the team's (never another
/// bidder's, never before the opening); a requirement document's file its procurement's bidders' and the council's; a
/// return's evidence the council's and its supplier's.
/// </summary>
public sealed class AttachmentTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a bid document\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    private static MultipartFormDataContent FileForm(byte[] bytes, string name, string type, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, field, name);
        return form;
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, string owner, int ownerId, byte[] bytes, string name = "bid.pdf", string type = "application/pdf")
    {
        using var form = FileForm(bytes, name, type);
        return await client.PostAsync($"/api/attachments?owner={owner}&ownerId={ownerId}", form, Ct);
    }

    [Fact]
    public async Task ABidsFile_IsSealedWithIt_TheBiddersOnly_ThenTheTeamsOnceOpened_NeverAnotherBidders()
    {
        var (procurement, email) = await OutlineStageAsync(app);
        TestClock.TravelTo(new DateTime(2024, 7, 10, 9, 0, 0, DateTimeKind.Utc));
        using var bidderPortal = PortalClient.Anonymous(app);
        using (var signedIn = await PortalClient.SignInAsync(bidderPortal, email, SupplierPassword))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = $"/work/bids/{procurement}";
        using (var form = FileForm(Pdf, "outline-solution.pdf", "application/pdf", "Form.File"))
        {
            form.Add(new StringContent("Outline solution"), "Form.Title");
            form.Add(new StringContent("See the attached document."), "Form.Document");
            form.Add(new StringContent("900000"), "Form.Price");
            form.Add(new StringContent(await PortalClient.TokenAsync(bidderPortal, page)), "__RequestVerificationToken");
            using var sent = await bidderPortal.PostAsync($"{page}?handler=Submit", form, Ct);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var receipt = WebUtility.HtmlDecode(await bidderPortal.GetStringAsync(sent.Headers.Location!.OriginalString.Split('#')[0], Ct));
            Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), receipt, StringComparison.Ordinal);
        }

        using var bidder = await SupplierAsync(app, email);
        var submission = (await bidder.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var files = await bidder.GetJsonAsync($"/api/attachments?owner=Submission&ownerId={submission}");
        var file = files[0].GetProperty("id").GetInt32();
        Assert.Equal(Pdf, await bidderPortal.GetByteArrayAsync($"/files/{file}", Ct));

        // Not the team before the opening, not another supplier, not anyone signed out.
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        using var stranger = await app.ClientForAsync("Supplier2");
        foreach (var client in new[] { lead, stranger })
        {
            using var sealedFile = await client.GetAsync($"/api/attachments/{file}/content", Ct);
            Assert.Equal(HttpStatusCode.NotFound, sealedFile.StatusCode);
            Assert.Equal(0, (await client.GetJsonAsync($"/api/attachments?owner=Submission&ownerId={submission}")).GetArrayLength());
        }
        using (var anonymous = await app.CreateClient().GetAsync($"/api/attachments/{file}/content", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var strangerPortal = await PortalClient.SignedInAsync(app, "Supplier2");
        using (var viaPortal = await strangerPortal.GetAsync($"/files/{file}", Ct))
            Assert.Equal(HttpStatusCode.NotFound, viaPortal.StatusCode);

        // After the deadline no file joins the bid; once the bids are opened the team reads it.
        TestClock.TravelTo(new DateTime(2024, 7, 19, 13, 0, 0, DateTimeKind.Utc));
        using (var late = await SupplierAsync(app, email))
        using (var refused = await AttachAsync(late, "Submission", submission, Encoding.ASCII.GetBytes("%PDF-1.7 late addition")))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var opener = await app.ClientForAsync("ProcurementOfficer");
        await OkAsync(opener, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "OutlineSolutions" });
        using (var opened = await opener.GetAsync($"/api/attachments/{file}/content", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), opened.Headers.GetValues("X-Content-SHA256").Single());
        }
        using var leadPortal = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        Assert.Contains("outline-solution.pdf", await leadPortal.GetStringAsync($"/work/procurements/{procurement}", Ct), StringComparison.Ordinal);
        // The audit trail records the file, but its image (name, size, hash) is withheld like the bid's own.
        using var auditor = await app.ClientForAsync("StatutoryOfficer");
        var audited = (await auditor.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'Attachment' and EntityKey eq '{file}'")).GetProperty("value");
        Assert.NotEqual(0, audited.GetArrayLength());
        Assert.All(audited.EnumerateArray(), e => Assert.DoesNotContain("outline-solution.pdf", e.GetRawText(), StringComparison.Ordinal));
        using var strangerNow = await app.ClientForAsync("Supplier2");
        using (var still = await strangerNow.GetAsync($"/api/attachments/{file}/content", Ct))
            Assert.Equal(HttpStatusCode.NotFound, still.StatusCode);
    }

    [Fact]
    public async Task AFile_IsCheckedBySizeAndByItsBytes_AndTheSameBytesAreKeptOnce()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var ccp = (await lead.GetJsonAsync("/odata/Procurements?$filter=Reference eq 'CCP-2013-01'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var document = (await lead.GetJsonAsync($"/odata/RequirementDocuments?$filter=ProcurementId eq {ccp}&$top=1")).GetProperty("value")[0].GetProperty("Id").GetInt32();

        var unique = Encoding.ASCII.GetBytes($"%PDF-1.7\n% requirements {Guid.NewGuid()}\n%%EOF\n");
        using (var first = await AttachAsync(lead, "RequirementDocument", document, unique, "output-specification.pdf"))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var again = await AttachAsync(lead, "RequirementDocument", document, unique, "output-specification-copy.pdf"))
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(unique));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Governance.Api.Data.GovernanceDbContext>();
            Assert.Equal(1, await db.AttachmentContents.CountAsync(c => c.Sha256 == sha, Ct));
            Assert.Equal(2, await db.Attachments.CountAsync(a => a.Sha256 == sha, Ct));
        }

        using (var fake = await AttachAsync(lead, "RequirementDocument", document, Encoding.ASCII.GetBytes("MZ this is a program"), "spec.pdf"))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, fake.StatusCode);
        using (var program = await AttachAsync(lead, "RequirementDocument", document, Encoding.ASCII.GetBytes("MZ"), "run.exe", "application/x-msdownload"))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, program.StatusCode);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        using (var tooLarge = await AttachAsync(lead, "RequirementDocument", document, big, "huge.pdf"))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        using (var unknown = await AttachAsync(lead, "Contract", 1, unique))
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        // Its procurement's bidder reads it; a supplier bidding elsewhere does not; the team alone attaches.
        var id = (await lead.GetJsonAsync($"/api/attachments?owner=RequirementDocument&ownerId={document}"))[0].GetProperty("id").GetInt32();
        using var oakfield = await app.ClientForAsync("Supplier2");
        using (var bidderReads = await oakfield.GetAsync($"/api/attachments/{id}/content", Ct))
            Assert.Equal(HttpStatusCode.OK, bidderReads.StatusCode);
        using var notBidding_ = await SupplierAsync(app, await NewSupplierAccountAsync(app, "Not Bidding Ltd"));
        using (var notBidding = await notBidding_.GetAsync($"/api/attachments/{id}/content", Ct))
            Assert.Equal(HttpStatusCode.NotFound, notBidding.StatusCode);
        using (var notTeam = await AttachAsync(oakfield, "RequirementDocument", document, unique))
            Assert.Equal(HttpStatusCode.Forbidden, notTeam.StatusCode);
    }

    [Fact]
    public async Task AReturnsEvidence_IsTheCouncilsAndItsSuppliers_AttachedByWhoeverMayRecordIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await Performance.PerformanceApi.ContractAsync(manager);
        var selfReported = await Performance.PerformanceApi.KpiAsync(manager, contract, "Evidence-backed KPI", selfReports: true);
        var managers = await Performance.PerformanceApi.KpiAsync(manager, contract, "Manager-recorded KPI");
        using var meridian = await app.ClientForAsync("Supplier");
        var supplied = await Performance.PerformanceApi.ReturnAsync(meridian, selfReported, 4, 93);
        var recorded = await Performance.PerformanceApi.ReturnAsync(manager, managers, 4, 93);

        var log = Encoding.UTF8.GetBytes("date,calls,answered\n2019-04-01,1200,1116\n");
        int evidence;
        using (var sent = await AttachAsync(meridian, "Measurement", supplied, log, "april-call-log.csv", "text/csv"))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            evidence = (await sent.JsonAsync()).GetProperty("id").GetInt32();
        }
        using (var notHis = await AttachAsync(meridian, "Measurement", recorded, log, "log.csv", "text/csv"))
            Assert.Equal(HttpStatusCode.Forbidden, notHis.StatusCode);
        using (var binary = await AttachAsync(meridian, "Measurement", supplied, [0x00, 0x01, 0x02], "log.csv", "text/csv"))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, binary.StatusCode);

        using (var council = await manager.GetAsync($"/api/attachments/{evidence}/content", Ct))
            Assert.Equal(HttpStatusCode.OK, council.StatusCode);
        using var oakfield = await app.ClientForAsync("Supplier2");
        using (var other = await oakfield.GetAsync($"/api/attachments/{evidence}/content", Ct))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var otherAttach = await AttachAsync(oakfield, "Measurement", supplied, log, "log.csv", "text/csv"))
            Assert.Equal(HttpStatusCode.NotFound, otherAttach.StatusCode);
    }
}
