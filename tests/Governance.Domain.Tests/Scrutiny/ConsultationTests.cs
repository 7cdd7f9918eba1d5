using Governance.Domain.Common;
using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

public sealed class ConsultationTests
{
    [Fact]
    public void Respond_RecordsTheResponseOnce_AndNeedsOne()
    {
        var consultation = new Consultation { SubjectType = "Procurement", SubjectId = 1, Gate = "union", Topic = "Staff transfer" };
        Assert.Equal("response-required", Assert.Throws<BusinessRuleException>(() => consultation.Respond("  ", "union@x", DateTime.UtcNow)).Rule);

        var at = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        consultation.Respond(" TUPE for every post. ", "union@x", at);
        Assert.Equal(("TUPE for every post.", "union@x", at), (consultation.Response, consultation.RespondedBy, consultation.RespondedAt!.Value));
        Assert.Equal("responded", Assert.Throws<BusinessRuleException>(() => consultation.Respond("Again", "union@x", at)).Rule);
    }
}
